using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Time;

namespace AlAroma.Web.Features.Warehouse.Transfers;

/// <summary>"Экспорт в Excel" of «Перемещения»: the transfers the filter finds, in the list's sort; times local to the sending location.</summary>
public sealed class ExportTransfers(ListTransfers list, TimeProvider clock)
{
    /// <summary>The workbook and its file name "peremeshcheniya-yyyy-MM-dd.xlsx" (Moscow date).</summary>
    public async Task<(byte[] Content, string FileName)> HandleAsync(ListTransfers.Input f, CancellationToken ct)
    {
        var rows = await list.ExportAsync(f, ct);
        var live = rows.Where(r => r.Status != TransferStatus.Cancelled).ToList();
        return ListWorkbook.Build("Перемещения", "peremeshcheniya", LocalTime.Today(clock.GetUtcNow(), LocalTime.DefaultZone),
            ListWorkbook.Subtitle(("С", f.From?.ToString("dd.MM.yyyy")), ("по", f.To?.ToString("dd.MM.yyyy")),
                ("Откуда", f.FromLocationId is null ? null : rows.FirstOrDefault()?.From), ("Куда", f.ToLocationId is null ? null : rows.FirstOrDefault()?.To),
                ("Статус", f.Status is { } s ? Transfer.StatusLabel(s) : null), ("Только неразобранные расхождения", f.OpenDiscrepancy ? "да" : null), ("Номер", f.Q)),
        [
            new ExcelColumn<ListTransfers.Row>("Номер", r => r.Number, Width: 16),
            new ExcelColumn<ListTransfers.Row>("Дата", r => LocalTime.ToLocal(r.CreatedAtUtc, r.TimeZoneId), ExcelFormat.DateTime, 16),
            new ExcelColumn<ListTransfers.Row>("Откуда", r => r.From, Width: 20),
            new ExcelColumn<ListTransfers.Row>("Куда", r => r.To, Width: 20),
            new ExcelColumn<ListTransfers.Row>("Кол-во, шт.", r => r.Quantity, ExcelFormat.Integer, 10).WithTotal(_ => live.Sum(r => r.Quantity)),
            new ExcelColumn<ListTransfers.Row>("Принято, шт.", r => r.Received, ExcelFormat.Integer, 10),
            new ExcelColumn<ListTransfers.Row>("Расхождение, шт.", r => r.Discrepancy == 0 ? null : r.Discrepancy, ExcelFormat.Integer, 12),
            new ExcelColumn<ListTransfers.Row>("Отгружено", r => r.ShippedAtUtc is { } d ? LocalTime.ToLocal(d, r.TimeZoneId) : null, ExcelFormat.DateTime, 16),
            new ExcelColumn<ListTransfers.Row>("Принято", r => r.ReceivedAtUtc is { } d ? LocalTime.ToLocal(d, r.TimeZoneId) : null, ExcelFormat.DateTime, 16),
            new ExcelColumn<ListTransfers.Row>("Статус", r => Transfer.StatusLabel(r.Status), Width: 12),
        ], rows, "Перемещений по этим условиям нет");
    }
}
