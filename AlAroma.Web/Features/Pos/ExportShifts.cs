using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Features.Reports;

namespace AlAroma.Web.Features.Pos;

/// <summary>"Экспорт в Excel" of the shifts list (/pos/shifts), in the list's sort; times local to each shop, amounts in ₽ (revenue as in the Z-report).</summary>
public sealed class ExportShifts(ListShifts list, TimeProvider clock)
{
    /// <summary>The workbook and its file name "smeny-yyyy-MM-dd.xlsx" (Moscow date).</summary>
    public async Task<(byte[] Content, string FileName)> HandleAsync(int? locationId, string? sort, CancellationToken ct)
    {
        var rows = await list.Export(locationId, sort, ct);
        return ListWorkbook.Build("Смены", "smeny", LocalTime.Today(clock.GetUtcNow(), LocalTime.DefaultZone),
            ListWorkbook.Subtitle(("Магазин", locationId is null ? null : rows.FirstOrDefault()?.Shop)),
        [
            new ExcelColumn<ListShifts.Row>("№", r => r.Id, ExcelFormat.Integer, 8),
            new ExcelColumn<ListShifts.Row>("Магазин", r => r.Shop, Width: 18),
            new ExcelColumn<ListShifts.Row>("Касса", r => r.Register),
            new ExcelColumn<ListShifts.Row>("Кассир", r => r.Cashier, Width: 20),
            new ExcelColumn<ListShifts.Row>("Открыта", r => LocalTime.ToLocal(r.OpenedAtUtc, r.TimeZoneId), ExcelFormat.DateTime, 16),
            new ExcelColumn<ListShifts.Row>("Закрыта", r => r.ClosedAtUtc is { } c ? LocalTime.ToLocal(c, r.TimeZoneId) : null, ExcelFormat.DateTime, 16),
            new ExcelColumn<ListShifts.Row>("Чеков", r => r.Receipts, ExcelFormat.Integer, 8).Summed(),
            new ExcelColumn<ListShifts.Row>("Выручка", r => r.Revenue, ExcelFormat.Money).Summed(),
            new ExcelColumn<ListShifts.Row>("Расхождение", r => r.Discrepancy, ExcelFormat.Money),
        ], rows, "Смен ещё не было");
    }
}
