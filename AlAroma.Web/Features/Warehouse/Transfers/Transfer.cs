using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse.Transfers;

/// <summary>Transfer lifecycle (DOMAIN.md): Draft → Shipped (in transit) → Received; only a Draft can be cancelled.</summary>
public enum TransferStatus
{
    Draft = 0,
    Shipped = 1,
    Received = 2,
    Cancelled = 9,
}

/// <summary>Transfer (перемещение) of stock between two locations.</summary>
[Infrastructure.Auditing.AuditName("Перемещение", Link = "/warehouse/transfers/{0}")]
public class Transfer : IQuantityDocument
{
    /// <summary>Draft → Shipped → Received, with the transfer's refusals.</summary>
    public static readonly DraftLifecycle<TransferStatus> Lifecycle = new()
    {
        Draft = TransferStatus.Draft,
        Awaiting = TransferStatus.Shipped,
        Locked = "Перемещение уже отгружено или отменено — изменить его нельзя.",
        Empty = "В перемещении нет строк. Добавьте товары, затем отгрузите.",
        NotAwaiting = s => s == TransferStatus.Received
            ? "Перемещение уже принято."
            : "Принять можно только отгруженное перемещение (статус «В пути»).",
    };

    public long Id { get; set; }

    /// <summary>"ПМ-2026-000001": per document type and year.</summary>
    public string Number { get; set; } = "";
    public int FromLocationId { get; set; }
    public int ToLocationId { get; set; }
    public TransferStatus Status { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    [Infrastructure.Auditing.AuditName("Отгружено")]
    public DateTime? ShippedAtUtc { get; set; }
    [Infrastructure.Auditing.AuditName("Кто отгрузил")]
    public string? ShippedBy { get; set; }
    [Infrastructure.Auditing.AuditName("Принято")]
    public DateTime? ReceivedAtUtc { get; set; }
    [Infrastructure.Auditing.AuditName("Кто принял")]
    public string? ReceivedBy { get; set; }
    public List<TransferLine> Lines { get; set; } = [];

    /// <summary>The shop's request this transfer was made from (null for a transfer made directly).</summary>
    [Infrastructure.Auditing.AuditName("Заявка")]
    public long? RequestId { get; set; }

    /// <summary>How the transit discrepancy was settled (null while unresolved or when there is none).</summary>
    [Infrastructure.Auditing.AuditName("Решение по расхождению")]
    public DiscrepancyResolution? Resolution { get; set; }
    [Infrastructure.Auditing.AuditName("Когда решено")]
    public DateTime? ResolvedAtUtc { get; set; }
    [Infrastructure.Auditing.AuditName("Кто решил")]
    public string? ResolvedBy { get; set; }
    [Infrastructure.Auditing.AuditName("Комментарий к решению")]
    public string? ResolutionComment { get; set; }

    /// <summary>Received with a discrepancy nobody has settled yet.</summary>
    public bool DiscrepancyOpen => Status == TransferStatus.Received && HasDiscrepancy && Resolution is null;

    /// <summary>
    /// Settles the transit discrepancy once: as a loss (the missing units already left the source) or as a return
    /// to the source (the caller puts the missing units back there in the same transaction).
    /// </summary>
    /// <exception cref="BusinessRuleException">Not received, no discrepancy, already settled, or a too long comment.</exception>
    public void Resolve(DiscrepancyResolution how, string? comment, DateTime atUtc, string by)
    {
        if (Status != TransferStatus.Received) throw new BusinessRuleException("Расхождение разбирают после приёмки перемещения.");
        if (!HasDiscrepancy) throw new BusinessRuleException("В перемещении нет расхождения — разбирать нечего.");
        if (Resolution is not null) throw new BusinessRuleException("Расхождение по этому перемещению уже разобрано.");
        if (comment?.Trim().Length > 500) throw new BusinessRuleException("Комментарий — не длиннее 500 символов.");
        Resolution = how;
        ResolutionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ResolvedAtUtc = atUtc;
        ResolvedBy = by;
    }

    /// <summary>Russian label of a resolution.</summary>
    public static string ResolutionLabel(DiscrepancyResolution r) => r switch
    {
        DiscrepancyResolution.Loss => "Списано как потеря",
        DiscrepancyResolution.ReturnToSource => "Возвращено на склад-источник",
        _ => r.ToString(),
    };

    /// <summary>Adds units of a product to a draft, merging with an existing line.</summary>
    /// <exception cref="BusinessRuleException">Not a draft or quantity ≤ 0.</exception>
    public void AddLine(int productId, int quantity) => Lifecycle.AddLine(Status, Lines, productId, quantity);

    /// <summary>True when some line was received in a quantity different from the shipped one.</summary>
    public bool HasDiscrepancy => Lines.Any(l => l.Discrepancy != 0);

    /// <summary>Checks the route of a new transfer.</summary>
    /// <exception cref="BusinessRuleException">Source and destination are the same location.</exception>
    public static void EnsureRoute(int fromLocationId, int toLocationId)
    {
        if (fromLocationId == toLocationId)
            throw new BusinessRuleException("Точка отправления и точка получения совпадают. Выберите разные точки.");
    }

    /// <summary>Sets the quantity of a line of a draft.</summary>
    /// <exception cref="BusinessRuleException">Not a draft, no such line or quantity ≤ 0.</exception>
    public void ChangeLine(long lineId, int quantity) => Lifecycle.ChangeLine(Status, Lines, lineId, quantity);

    /// <summary>Removes a line from a draft.</summary>
    /// <exception cref="BusinessRuleException">Not a draft or no such line.</exception>
    public void RemoveLine(long lineId) => Lifecycle.RemoveLine(Status, Lines, lineId);

    /// <summary>Draft → Shipped (the caller takes the stock off the source in the same transaction).</summary>
    /// <param name="atUtc">Shipping time, UTC.</param>
    /// <param name="by">User name of who shipped.</param>
    /// <exception cref="BusinessRuleException">Not a draft or has no lines.</exception>
    public void Ship(DateTime atUtc, string by)
    {
        Status = Lifecycle.Leave(Status, Lines);
        ShippedAtUtc = atUtc;
        ShippedBy = by;
    }

    /// <summary>
    /// Shipped → Received with the counted quantities (the caller puts them on the destination's stock). A line
    /// missing from <paramref name="received"/> counts as received in full; a difference is the transit discrepancy.
    /// </summary>
    /// <param name="received">Units counted per line id (0 ≤ units ≤ shipped).</param>
    /// <param name="atUtc">Receiving time, UTC.</param>
    /// <param name="by">User name of who received.</param>
    /// <exception cref="BusinessRuleException">Not in transit, or a quantity is negative or above the shipped one.</exception>
    public void Receive(IReadOnlyDictionary<long, int> received, DateTime atUtc, string by)
    {
        Lifecycle.EnsureAwaiting(Status);
        foreach (var line in Lines)
        {
            var qty = received.TryGetValue(line.Id, out var r) ? r : line.Quantity;
            var name = line.Product?.Name ?? $"#{line.ProductId}";
            if (qty < 0) throw new BusinessRuleException($"Принятое количество «{name}» не может быть отрицательным.");
            if (qty > line.Quantity)
                throw new BusinessRuleException($"Принято «{name}» {qty} шт., а отгружено {line.Quantity} шт. Больше отгруженного принять нельзя — излишки оформите приходом.");
            line.ReceivedQuantity = qty;
        }
        Status = TransferStatus.Received;
        ReceivedAtUtc = atUtc;
        ReceivedBy = by;
    }

    /// <summary>Cancels a draft. A shipped transfer cannot be cancelled: it is received (maybe with a discrepancy).</summary>
    /// <exception cref="BusinessRuleException">Not a draft.</exception>
    public void Cancel()
    {
        if (!Lifecycle.IsDraft(Status))
            throw new BusinessRuleException("Отменить можно только черновик. Отгруженное перемещение нужно принять — недостачу отметьте при приёмке.");
        Status = TransferStatus.Cancelled;
    }

    /// <exception cref="BusinessRuleException">The transfer is no longer a draft.</exception>
    public void EnsureDraft() => Lifecycle.EnsureDraft(Status);

    /// <summary>Russian status label for badges.</summary>
    public static string StatusLabel(TransferStatus s) => s switch
    {
        TransferStatus.Draft => "Черновик",
        TransferStatus.Shipped => "В пути",
        TransferStatus.Received => "Принято",
        TransferStatus.Cancelled => "Отменено",
        _ => s.ToString(),
    };
}

/// <summary>How a transit discrepancy was settled.</summary>
public enum DiscrepancyResolution
{
    /// <summary>"Списать как потерю": recorded only, no stock movement.</summary>
    Loss = 1,

    /// <summary>"Вернуть на склад-источник": the missing units go back on the source's stock (Correction).</summary>
    ReturnToSource = 2,
}

/// <summary>A line of a transfer: shipped quantity and, once received, the received quantity.</summary>
[Infrastructure.Auditing.AuditName("Строка перемещения")]
public class TransferLine : IQuantityLine
{
    public long Id { get; set; }
    [Infrastructure.Auditing.AuditName("Перемещение")]
    public long TransferId { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }

    /// <summary>Units shipped from the source.</summary>
    public int Quantity { get; set; }

    /// <summary>Units counted at the destination (null until received). Quantity − ReceivedQuantity is the transit discrepancy.</summary>
    [Infrastructure.Auditing.AuditName("Принято, шт.")]
    public int? ReceivedQuantity { get; set; }

    /// <summary>Shipped − received units ("Расхождение"): &gt; 0 is a shortage in transit; 0 until received.</summary>
    public int Discrepancy => ReceivedQuantity is { } r ? Quantity - r : 0;
}
