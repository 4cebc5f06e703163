using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse.GoodsReceipts;

/// <summary>Status of a warehouse document.</summary>
public enum DocumentStatus
{
    [Infrastructure.Auditing.AuditName("Черновик")] Draft = 0,
    [Infrastructure.Auditing.AuditName("Проведён")] Posted = 1,
    [Infrastructure.Auditing.AuditName("Отменён")] Cancelled = 9,
}

/// <summary>Goods receipt (приход): stock arriving from a supplier at one location, with purchase prices.</summary>
[Infrastructure.Auditing.AuditName("Приход", Link = "/warehouse/receipts/{0}")]
public class GoodsReceipt
{
    public long Id { get; set; }

    /// <summary>"ПР-2026-000001": per document type and year.</summary>
    public string Number { get; set; } = "";
    public int LocationId { get; set; }
    /// <summary>The supplier from the directory (null for old receipts and one-off suppliers).</summary>
    public int? SupplierId { get; set; }

    /// <summary>Supplier name as on the document: a snapshot of the directory name, or free text.</summary>
    [Infrastructure.Auditing.AuditName("Поставщик")]
    public string SupplierName { get; set; } = "";
    [Infrastructure.Auditing.AuditName("Номер накладной поставщика")]
    public string SupplierInvoiceNumber { get; set; } = "";
    [Infrastructure.Auditing.AuditName("Дата накладной поставщика")]
    public DateOnly? SupplierInvoiceDate { get; set; }
    public DocumentStatus Status { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? PostedAtUtc { get; set; }
    public string? PostedBy { get; set; }
    public List<GoodsReceiptLine> Lines { get; set; } = [];

    /// <summary>Sum of quantity × purchase price, ₽.</summary>
    public decimal Total => Money.Round(Lines.Sum(l => l.Quantity * l.PurchasePrice));

    /// <summary>Adds units of a product, merging with an existing line at the same price.</summary>
    /// <exception cref="BusinessRuleException">Not a draft, quantity ≤ 0 or price &lt; 0.</exception>
    public void AddLine(int productId, int quantity, decimal purchasePrice)
    {
        EnsureDraft();
        if (quantity <= 0) throw new BusinessRuleException("Количество должно быть больше нуля.");
        purchasePrice = Money.Round(purchasePrice);
        if (purchasePrice < 0) throw new BusinessRuleException("Закупочная цена не может быть отрицательной.");
        var line = Lines.FirstOrDefault(l => l.ProductId == productId && l.PurchasePrice == purchasePrice);
        if (line is null) Lines.Add(new GoodsReceiptLine { ProductId = productId, Quantity = quantity, PurchasePrice = purchasePrice });
        else line.Quantity += quantity;
    }

    /// <summary>A scanned unit: increments the product's line, or adds a line at <paramref name="defaultPrice"/>.</summary>
    /// <param name="productId">The scanned product.</param>
    /// <param name="defaultPrice">Purchase price for a new line, ₽ (e.g. the current average cost); editable later.</param>
    /// <exception cref="BusinessRuleException">Not a draft.</exception>
    public void AddScanned(int productId, decimal defaultPrice)
    {
        EnsureDraft();
        var line = Lines.LastOrDefault(l => l.ProductId == productId);
        if (line is null) AddLine(productId, 1, Math.Max(defaultPrice, 0));
        else line.Quantity++;
    }

    /// <summary>Sets quantity and purchase price of a line of a draft.</summary>
    /// <exception cref="BusinessRuleException">Not a draft, no such line, quantity ≤ 0 or price &lt; 0.</exception>
    public void ChangeLine(long lineId, int quantity, decimal purchasePrice)
    {
        EnsureDraft();
        var line = Lines.FirstOrDefault(l => l.Id == lineId) ?? throw new BusinessRuleException("Строка не найдена — обновите страницу.");
        if (quantity <= 0) throw new BusinessRuleException("Количество должно быть больше нуля. Чтобы убрать товар, удалите строку.");
        purchasePrice = Money.Round(purchasePrice);
        if (purchasePrice < 0) throw new BusinessRuleException("Закупочная цена не может быть отрицательной.");
        line.Quantity = quantity;
        line.PurchasePrice = purchasePrice;
    }

    /// <summary>Removes a line from a draft.</summary>
    /// <exception cref="BusinessRuleException">Not a draft or no such line.</exception>
    public void RemoveLine(long lineId)
    {
        EnsureDraft();
        var line = Lines.FirstOrDefault(l => l.Id == lineId) ?? throw new BusinessRuleException("Строка не найдена — обновите страницу.");
        Lines.Remove(line);
    }

    /// <summary>
    /// Lines at 0,00 ₽ purchase price. Posting them sets the product's average cost towards zero, so posting asks
    /// first (a free sample is possible but rare, a forgotten price is not).
    /// </summary>
    public int FreeLineCount => Lines.Count(l => l.PurchasePrice == 0);

    /// <summary>Marks the draft posted (the caller moves the stock in the same transaction).</summary>
    /// <param name="atUtc">Posting time, UTC.</param>
    /// <param name="by">User name of who posted.</param>
    /// <exception cref="BusinessRuleException">Not a draft or has no lines.</exception>
    public void Post(DateTime atUtc, string by)
    {
        EnsureDraft();
        if (Lines.Count == 0) throw new BusinessRuleException("В приходе нет строк. Отсканируйте товары или найдите их поиском, затем проведите.");
        Status = DocumentStatus.Posted;
        PostedAtUtc = atUtc;
        PostedBy = by;
    }

    /// <summary>Cancels a draft; a posted receipt is corrected by a new document instead.</summary>
    /// <exception cref="BusinessRuleException">Not a draft.</exception>
    public void Cancel()
    {
        if (Status != DocumentStatus.Draft)
            throw new BusinessRuleException("Отменить можно только черновик. Проведённый приход исправляется новым документом.");
        Status = DocumentStatus.Cancelled;
    }

    /// <exception cref="BusinessRuleException">The document is no longer a draft.</exception>
    public void EnsureDraft()
    {
        if (Status != DocumentStatus.Draft) throw new BusinessRuleException("Документ уже проведён или отменён — изменить его нельзя.");
    }

    /// <summary>Russian status label for badges.</summary>
    public static string StatusLabel(DocumentStatus s) => s switch
    {
        DocumentStatus.Draft => "Черновик",
        DocumentStatus.Posted => "Проведён",
        DocumentStatus.Cancelled => "Отменён",
        _ => s.ToString(),
    };
}

/// <summary>A line of a goods receipt.</summary>
[Infrastructure.Auditing.AuditName("Строка прихода")]
public class GoodsReceiptLine
{
    public long Id { get; set; }
    [Infrastructure.Auditing.AuditName("Приход")]
    public long GoodsReceiptId { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }

    /// <summary>Units received.</summary>
    public int Quantity { get; set; }

    /// <summary>Purchase price per unit, ₽.</summary>
    public decimal PurchasePrice { get; set; }
}
