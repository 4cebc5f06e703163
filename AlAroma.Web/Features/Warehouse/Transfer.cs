using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse;

/// <summary>Transfer lifecycle (DOMAIN.md): Draft → Shipped (in transit) → Received; only a Draft can be cancelled.</summary>
public enum TransferStatus
{
    Draft = 0,
    Shipped = 1,
    Received = 2,
    Cancelled = 9,
}

/// <summary>Transfer (перемещение) of stock between two locations.</summary>
public class Transfer
{
    public long Id { get; set; }

    /// <summary>"ПМ-2026-000001": per document type and year.</summary>
    public string Number { get; set; } = "";
    public int FromLocationId { get; set; }
    public int ToLocationId { get; set; }
    public TransferStatus Status { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? ShippedAtUtc { get; set; }
    public string? ShippedBy { get; set; }
    public DateTime? ReceivedAtUtc { get; set; }
    public string? ReceivedBy { get; set; }
    public List<TransferLine> Lines { get; set; } = [];

    /// <summary>Adds units of a product to a draft, merging with an existing line.</summary>
    /// <exception cref="BusinessRuleException">Not a draft or quantity ≤ 0.</exception>
    public void AddLine(int productId, int quantity)
    {
        if (Status != TransferStatus.Draft) throw new BusinessRuleException("Перемещение уже отгружено — изменить строки нельзя.");
        if (quantity <= 0) throw new BusinessRuleException("Количество должно быть больше нуля.");
        var line = Lines.FirstOrDefault(l => l.ProductId == productId);
        if (line is null) Lines.Add(new TransferLine { ProductId = productId, Quantity = quantity });
        else line.Quantity += quantity;
    }

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

/// <summary>A line of a transfer: shipped quantity and, once received, the received quantity.</summary>
public class TransferLine
{
    public long Id { get; set; }
    public long TransferId { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }

    /// <summary>Units shipped from the source.</summary>
    public int Quantity { get; set; }

    /// <summary>Units counted at the destination (null until received). Quantity − ReceivedQuantity is the transit discrepancy.</summary>
    public int? ReceivedQuantity { get; set; }
}
