namespace AlAroma.Web.Features.Warehouse.Stocks;

/// <summary>
/// On-hand quantity of a product at a location. Only <see cref="StockLedger"/> changes it, always together
/// with a <see cref="StockMovement"/>, so that Quantity == sum of the ledger (checked by a database CHECK ≥ 0).
/// </summary>
[Infrastructure.Auditing.AuditName("Остаток")]
public class StockBalance
{
    public int LocationId { get; set; }
    public int ProductId { get; set; }

    /// <summary>Units on hand, never negative.</summary>
    public int Quantity { get; set; }

    /// <summary>Low-stock threshold in units (null = no alert).</summary>
    public int? MinQuantity { get; set; }
}

/// <summary>What caused a stock movement.</summary>
public enum MovementKind
{
    [Infrastructure.Auditing.AuditName("Приход", Link = "/warehouse/receipts/{0}")] GoodsReceipt = 1,
    [Infrastructure.Auditing.AuditName("Перемещение (отгрузка)", Link = "/warehouse/transfers/{0}")] TransferOut = 2,
    [Infrastructure.Auditing.AuditName("Перемещение (приёмка)", Link = "/warehouse/transfers/{0}")] TransferIn = 3,
    [Infrastructure.Auditing.AuditName("Продажа", Link = "/pos/sales/{0}")] Sale = 4,
    [Infrastructure.Auditing.AuditName("Возврат")] SaleReturn = 5,
    [Infrastructure.Auditing.AuditName("Инвентаризация", Link = "/warehouse/stocktakes/{0}")] StocktakeAdjustment = 6,
    [Infrastructure.Auditing.AuditName("Списание", Link = "/warehouse/writeoffs/{0}")] WriteOff = 7,
    [Infrastructure.Auditing.AuditName("Корректировка")] Correction = 8,
}

/// <summary>An append-only ledger row: one signed change of one balance, with the balance after it.</summary>
[Infrastructure.Auditing.AuditName("Движение товара")]
public class StockMovement
{
    public long Id { get; set; }
    public int LocationId { get; set; }
    public int ProductId { get; set; }

    /// <summary>Signed units: + in, − out.</summary>
    public int Quantity { get; set; }

    /// <summary>Balance of (location, product) right after this movement.</summary>
    public int BalanceAfter { get; set; }
    public MovementKind Kind { get; set; }

    /// <summary>Number of the document that moved the stock, e.g. "ПТ-2026-000012" or "S1-000123".</summary>
    public string DocumentNumber { get; set; } = "";
    public long DocumentId { get; set; }
    public DateTime OccurredAtUtc { get; set; }
    public string? UserName { get; set; }

    /// <summary>Russian label of a movement kind for journals.</summary>
    public static string KindLabel(MovementKind k) => k switch
    {
        MovementKind.GoodsReceipt => "Приход",
        MovementKind.TransferOut => "Перемещение (отгрузка)",
        MovementKind.TransferIn => "Перемещение (приёмка)",
        MovementKind.Sale => "Продажа",
        MovementKind.SaleReturn => "Возврат",
        MovementKind.StocktakeAdjustment => "Инвентаризация",
        MovementKind.WriteOff => "Списание",
        MovementKind.Correction => "Корректировка",
        _ => k.ToString(),
    };
}
