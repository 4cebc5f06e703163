using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Features.Reports;

namespace AlAroma.Web.Features.Pos;

/// <summary>"Экспорт в Excel" of the receipts list (/pos/sales): the receipts the filter finds, in the list's sort; times local to each shop, amounts in ₽.</summary>
public sealed class ExportSales(ListSales list, TimeProvider clock)
{
    /// <summary>The workbook and its file name "cheki-yyyy-MM-dd.xlsx" (Moscow date).</summary>
    public async Task<(byte[] Content, string FileName)> HandleAsync(SalesFilter f, CancellationToken ct)
    {
        var rows = await list.Export(f, ct);
        return ListWorkbook.Build("Чеки", "cheki", LocalTime.Today(clock.GetUtcNow(), LocalTime.DefaultZone),
            ListWorkbook.Subtitle(("С", f.From?.ToString("dd.MM.yyyy")), ("по", f.To?.ToString("dd.MM.yyyy")), ("Номер", f.Q),
                ("Смена", f.ShiftId?.ToString()), ("Магазин", f.LocationId is null ? null : rows.FirstOrDefault()?.Shop)),
        [
            new ExcelColumn<ListSales.Row>("Номер", r => r.Number, Width: 14),
            new ExcelColumn<ListSales.Row>("Дата", r => LocalTime.ToLocal(r.CreatedAtUtc, r.TimeZoneId), ExcelFormat.DateTime, 16),
            new ExcelColumn<ListSales.Row>("Магазин", r => r.Shop, Width: 18),
            new ExcelColumn<ListSales.Row>("Кассир", r => r.Cashier, Width: 20),
            new ExcelColumn<ListSales.Row>("Оплата", r => r.Methods, Width: 16),
            new ExcelColumn<ListSales.Row>("Штук", r => r.Units, ExcelFormat.Integer, 8).Summed(),
            new ExcelColumn<ListSales.Row>("Сумма", r => r.Total, ExcelFormat.Money).Summed(),
            new ExcelColumn<ListSales.Row>("Возвращено", r => r.Returned, ExcelFormat.Money).Summed(),
        ], rows, "Чеков по этим условиям нет");
    }
}
