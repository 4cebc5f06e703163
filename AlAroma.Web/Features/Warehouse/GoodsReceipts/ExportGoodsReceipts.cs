using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Features.Locations;

namespace AlAroma.Web.Features.Warehouse.GoodsReceipts;

/// <summary>"Экспорт в Excel" of «Приход товара»: the receipts the filter finds, in the list's sort; times local to each location, sums in ₽ at purchase price, totals without cancelled receipts (as on the page).</summary>
public sealed class ExportGoodsReceipts(ListGoodsReceipts list, LocationScope scope, TimeProvider clock)
{
    /// <summary>The workbook and its file name "prikhod-yyyy-MM-dd.xlsx" (Moscow date).</summary>
    public async Task<(byte[] Content, string FileName)> HandleAsync(ListGoodsReceipts.Input f, CancellationToken ct)
    {
        var rows = await list.ExportAsync(f, ct);
        var live = rows.Where(r => r.Status != DocumentStatus.Cancelled).ToList();
        var location = (await scope.AllowedAsync(ct)).FirstOrDefault(l => l.Id == f.LocationId)?.Name;
        return ListWorkbook.Build("Приход товара", "prikhod", LocalTime.Today(clock.GetUtcNow(), LocalTime.DefaultZone),
            ListWorkbook.Subtitle(("С", f.From?.ToString("dd.MM.yyyy")), ("по", f.To?.ToString("dd.MM.yyyy")), ("Точка", location),
                ("Статус", f.Status is { } s ? GoodsReceipt.StatusLabel(s) : null), ("Поиск", f.Q)),
        [
            new ExcelColumn<ListGoodsReceipts.Row>("Номер", r => r.Number, Width: 16),
            new ExcelColumn<ListGoodsReceipts.Row>("Дата", r => LocalTime.ToLocal(r.CreatedAtUtc, r.TimeZoneId), ExcelFormat.DateTime, 16),
            new ExcelColumn<ListGoodsReceipts.Row>("Точка", r => r.Location, Width: 20),
            new ExcelColumn<ListGoodsReceipts.Row>("Поставщик", r => r.Supplier, Width: 24),
            new ExcelColumn<ListGoodsReceipts.Row>("Накладная поставщика", r => r.InvoiceNumber, Width: 16),
            new ExcelColumn<ListGoodsReceipts.Row>("Дата накладной", r => r.InvoiceDate, ExcelFormat.Date, 12),
            new ExcelColumn<ListGoodsReceipts.Row>("Кол-во, шт.", r => r.Quantity, ExcelFormat.Integer, 10).WithTotal(_ => live.Sum(r => r.Quantity)),
            new ExcelColumn<ListGoodsReceipts.Row>("Сумма", r => r.Total, ExcelFormat.Money).WithTotal(_ => live.Sum(r => r.Total)),
            new ExcelColumn<ListGoodsReceipts.Row>("Статус", r => GoodsReceipt.StatusLabel(r.Status), Width: 12),
        ], rows, "Приходов по этим условиям нет");
    }
}
