using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse.TransferRequests;

/// <summary>Request lifecycle: Draft → Open (sent to the warehouse) → Fulfilled (a transfer was made) or Rejected.</summary>
public enum TransferRequestStatus
{
    Draft = 0,
    Open = 1,
    Fulfilled = 2,
    Rejected = 3,
}

/// <summary>
/// "Заявка на перемещение": a shop asks a warehouse for goods. The warehouse turns it into a draft
/// <see cref="Transfer"/> with the same lines (linked both ways) or rejects it with a reason.
/// </summary>
[Infrastructure.Auditing.AuditName("Заявка на перемещение", Link = "/warehouse/requests/{0}")]
public class TransferRequest : IQuantityDocument
{
    /// <summary>Number prefix: "ЗП-2026-000001".</summary>
    public const string Prefix = "ЗП";

    /// <summary>Draft → Open → Fulfilled or Rejected, with the request's refusals.</summary>
    public static readonly DraftLifecycle<TransferRequestStatus> Lifecycle = new()
    {
        Draft = TransferRequestStatus.Draft,
        Awaiting = TransferRequestStatus.Open,
        Locked = "Заявка уже отправлена — изменить её нельзя.",
        Empty = "В заявке нет строк. Добавьте товары, затем отправьте заявку на склад.",
        NotAwaiting = s => s == TransferRequestStatus.Draft
            ? "Заявка ещё не отправлена на склад."
            : "По заявке уже принято решение.",
    };

    public long Id { get; set; }
    public string Number { get; set; } = "";

    /// <summary>The shop that asks (the future transfer's destination).</summary>
    public int RequestingLocationId { get; set; }

    /// <summary>The warehouse asked (the future transfer's source).</summary>
    public int SupplyingLocationId { get; set; }
    public TransferRequestStatus Status { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? SubmittedAtUtc { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedBy { get; set; }
    public string? RejectionReason { get; set; }

    /// <summary>The transfer made from this request.</summary>
    public long? TransferId { get; set; }
    public List<TransferRequestLine> Lines { get; set; } = [];

    /// <summary>Adds units of a product to a draft, merging with an existing line.</summary>
    /// <exception cref="BusinessRuleException">Not a draft or quantity ≤ 0.</exception>
    public void AddLine(int productId, int quantity) => Lifecycle.AddLine(Status, Lines, productId, quantity);

    /// <summary>Sets the quantity of a line of a draft.</summary>
    /// <exception cref="BusinessRuleException">Not a draft, no such line or quantity ≤ 0.</exception>
    public void ChangeLine(long lineId, int quantity) => Lifecycle.ChangeLine(Status, Lines, lineId, quantity);

    /// <summary>Removes a line from a draft.</summary>
    /// <exception cref="BusinessRuleException">Not a draft or no such line.</exception>
    public void RemoveLine(long lineId) => Lifecycle.RemoveLine(Status, Lines, lineId);

    /// <summary>Draft → Open: the warehouse sees it.</summary>
    /// <exception cref="BusinessRuleException">Not a draft or no lines.</exception>
    public void Submit(DateTime atUtc)
    {
        Status = Lifecycle.Leave(Status, Lines);
        SubmittedAtUtc = atUtc;
    }

    /// <summary>Open → Fulfilled, linked to the transfer made from it.</summary>
    /// <exception cref="BusinessRuleException">Not open.</exception>
    public void Fulfil(Transfer transfer, DateTime atUtc, string by)
    {
        Lifecycle.EnsureAwaiting(Status);
        Status = TransferRequestStatus.Fulfilled;
        TransferId = transfer.Id;
        DecidedAtUtc = atUtc;
        DecidedBy = by;
    }

    /// <summary>Open → Rejected with a reason.</summary>
    /// <exception cref="BusinessRuleException">Not open or no reason.</exception>
    public void Reject(string? reason, DateTime atUtc, string by)
    {
        Lifecycle.EnsureAwaiting(Status);
        RejectionReason = QuantityLines.RefusalReason(reason, "магазин");
        Status = TransferRequestStatus.Rejected;
        DecidedAtUtc = atUtc;
        DecidedBy = by;
    }

    /// <exception cref="BusinessRuleException">Not a draft.</exception>
    public void EnsureDraft() => Lifecycle.EnsureDraft(Status);

    /// <summary>Russian status label.</summary>
    public static string StatusLabel(TransferRequestStatus s) => s switch
    {
        TransferRequestStatus.Draft => "Черновик",
        TransferRequestStatus.Open => "Ожидает склада",
        TransferRequestStatus.Fulfilled => "Перемещение создано",
        TransferRequestStatus.Rejected => "Отклонена",
        _ => s.ToString(),
    };
}

/// <summary>A line of a transfer request: units asked for.</summary>
[Infrastructure.Auditing.AuditName("Строка заявки")]
public class TransferRequestLine : IQuantityLine
{
    public long Id { get; set; }
    public long TransferRequestId { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int Quantity { get; set; }
}
