using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse.WriteOffs;

/// <summary>Write-off lifecycle: Draft → Submitted (на утверждении) → Posted or Rejected.</summary>
public enum WriteOffStatus
{
    Draft = 0,
    Submitted = 1,
    Posted = 2,
    Rejected = 3,
}

/// <summary>Why stock is written off.</summary>
public enum WriteOffReason
{
    Damage = 1,
    Expiry = 2,
    Tester = 3,
    Theft = 4,

    /// <summary>A product handed to a customer as a loyalty gift; written off by the gift's hand-over, not chosen by hand.</summary>
    Gift = 5,
    Other = 9,
}

/// <summary>
/// Write-off (списание): a storekeeper drafts it at their location and submits it; a manager approves (stock leaves
/// through <see cref="StockLedger"/> as WriteOff movements) or rejects it with a reason (nothing moves).
/// </summary>
[Infrastructure.Auditing.AuditName("Списание", Link = "/warehouse/writeoffs/{0}")]
public class WriteOff : IQuantityDocument
{
    /// <summary>Number prefix: "СП-2026-000001".</summary>
    public const string Prefix = "СП";

    /// <summary>Draft → Submitted → Posted or Rejected, with the write-off's refusals.</summary>
    public static readonly DraftLifecycle<WriteOffStatus> Lifecycle = new()
    {
        Draft = WriteOffStatus.Draft,
        Awaiting = WriteOffStatus.Submitted,
        Locked = "Списание уже отправлено на утверждение — изменить его нельзя.",
        Empty = "В списании нет строк. Отсканируйте товары или найдите их поиском, затем отправьте на утверждение.",
        NotAwaiting = s => s switch
        {
            WriteOffStatus.Draft => "Списание ещё не отправлено на утверждение.",
            WriteOffStatus.Posted => "Списание уже проведено.",
            _ => "Списание уже отклонено.",
        },
    };

    public long Id { get; set; }
    public string Number { get; set; } = "";
    public int LocationId { get; set; }
    public WriteOffReason Reason { get; set; }
    public string? Comment { get; set; }
    public WriteOffStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? SubmittedAtUtc { get; set; }
    public string? SubmittedBy { get; set; }

    /// <summary>When and by whom it was approved or rejected (UTC).</summary>
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedBy { get; set; }
    public string? RejectionReason { get; set; }
    public List<WriteOffLine> Lines { get; set; } = [];

    /// <summary>Checks the reason and comment of a write-off: "Другое" needs a comment saying what happened.</summary>
    /// <returns>Null when fine, else a Russian message.</returns>
    public static string? HeaderError(WriteOffReason? reason, string? comment)
    {
        if (reason is null || !Enum.IsDefined(reason.Value)) return "Выберите причину списания.";
        if (reason == WriteOffReason.Gift) return "«Подарок» списывается сам, когда подарок выдают клиенту. Выберите другую причину.";
        if (reason == WriteOffReason.Other && string.IsNullOrWhiteSpace(comment)) return "Для причины «Другое» опишите в комментарии, что случилось.";
        if (comment?.Length > 1000) return "Комментарий — не длиннее 1000 символов.";
        return null;
    }

    /// <summary>Adds units of a product to a draft, merging with an existing line.</summary>
    /// <exception cref="BusinessRuleException">Not a draft or quantity ≤ 0.</exception>
    public void AddLine(int productId, int quantity) => Lifecycle.AddLine(Status, Lines, productId, quantity);

    /// <summary>Sets the quantity of a line of a draft.</summary>
    /// <exception cref="BusinessRuleException">Not a draft, no such line or quantity ≤ 0.</exception>
    public void ChangeLine(long lineId, int quantity) => Lifecycle.ChangeLine(Status, Lines, lineId, quantity);

    /// <summary>Removes a line from a draft.</summary>
    /// <exception cref="BusinessRuleException">Not a draft or no such line.</exception>
    public void RemoveLine(long lineId) => Lifecycle.RemoveLine(Status, Lines, lineId);

    /// <summary>Draft → Submitted ("На утверждении").</summary>
    /// <exception cref="BusinessRuleException">Not a draft or no lines.</exception>
    public void Submit(DateTime atUtc, string by)
    {
        Status = Lifecycle.Leave(Status, Lines);
        SubmittedAtUtc = atUtc;
        SubmittedBy = by;
    }

    /// <summary>Submitted → Posted; the caller takes the stock off in the same transaction.</summary>
    /// <param name="unitCost">Average cost per product id now, ₽ (kept on the lines for reports).</param>
    /// <param name="atUtc">Approval time, UTC.</param>
    /// <param name="by">Who approved.</param>
    /// <exception cref="BusinessRuleException">Not awaiting approval.</exception>
    public void Approve(IReadOnlyDictionary<int, decimal> unitCost, DateTime atUtc, string by)
    {
        Lifecycle.EnsureAwaiting(Status);
        foreach (var l in Lines) l.UnitCost = unitCost.TryGetValue(l.ProductId, out var c) ? Money.Round(c) : 0m;
        Status = WriteOffStatus.Posted;
        DecidedAtUtc = atUtc;
        DecidedBy = by;
    }

    /// <summary>Submitted → Rejected with the manager's reason; nothing moves.</summary>
    /// <exception cref="BusinessRuleException">Not awaiting approval, or no reason given.</exception>
    public void Reject(string? reason, DateTime atUtc, string by)
    {
        Lifecycle.EnsureAwaiting(Status);
        RejectionReason = QuantityLines.RefusalReason(reason, "кладовщик");
        Status = WriteOffStatus.Rejected;
        DecidedAtUtc = atUtc;
        DecidedBy = by;
    }

    /// <exception cref="BusinessRuleException">The write-off is no longer a draft.</exception>
    public void EnsureDraft() => Lifecycle.EnsureDraft(Status);

    /// <summary>Sum of quantity × unit cost, ₽ (0 until posted).</summary>
    public decimal Total => Money.Round(Lines.Sum(l => l.Quantity * l.UnitCost));

    /// <summary>Russian status label.</summary>
    public static string StatusLabel(WriteOffStatus s) => s switch
    {
        WriteOffStatus.Draft => "Черновик",
        WriteOffStatus.Submitted => "На утверждении",
        WriteOffStatus.Posted => "Проведено",
        WriteOffStatus.Rejected => "Отклонено",
        _ => s.ToString(),
    };

    /// <summary>Russian reason label.</summary>
    public static string ReasonLabel(WriteOffReason r) => r switch
    {
        WriteOffReason.Damage => "Бой/брак",
        WriteOffReason.Expiry => "Истёк срок",
        WriteOffReason.Tester => "Тестер",
        WriteOffReason.Theft => "Кража",
        WriteOffReason.Gift => "Подарок",
        WriteOffReason.Other => "Другое",
        _ => r.ToString(),
    };

    /// <summary>
    /// A posted write-off of one unit handed to a customer as a gift (reason «Подарок»): no draft and no approval, the
    /// issued gift was the decision. The caller takes the unit off stock in the same transaction.
    /// </summary>
    /// <param name="unitCost">Average cost of the product now, ₽.</param>
    public static WriteOff PostedGift(string number, int locationId, int productId, decimal unitCost, string comment, DateTime atUtc, string by) => new()
    {
        Number = number, LocationId = locationId, Reason = WriteOffReason.Gift, Comment = comment, Status = WriteOffStatus.Posted,
        CreatedAtUtc = atUtc, CreatedBy = by, SubmittedAtUtc = atUtc, SubmittedBy = by, DecidedAtUtc = atUtc, DecidedBy = by,
        Lines = [new WriteOffLine { ProductId = productId, Quantity = 1, UnitCost = Money.Round(unitCost) }],
    };

    /// <summary>The reasons a storekeeper chooses from, in display order («Подарок» comes only from a gift's hand-over).</summary>
    public static readonly IReadOnlyList<WriteOffReason> Reasons =
        [WriteOffReason.Damage, WriteOffReason.Expiry, WriteOffReason.Tester, WriteOffReason.Theft, WriteOffReason.Other];
}

/// <summary>A line of a write-off.</summary>
[Infrastructure.Auditing.AuditName("Строка списания")]
public class WriteOffLine : IQuantityLine
{
    public long Id { get; set; }
    public long WriteOffId { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }

    /// <summary>Units written off.</summary>
    public int Quantity { get; set; }

    /// <summary>Average cost per unit at approval, ₽ (0 until posted).</summary>
    public decimal UnitCost { get; set; }
}
