using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Time;

namespace AlAroma.Web.Features.Warehouse.WriteOffs;

/// <summary>
/// "Экспорт в Excel" of the «Списания» list (not the report by reason: that is <see cref="ExportWriteOffs"/>): the
/// write-offs the filter finds, in the list's sort; times local to each location, cost in ₽ (known once posted),
/// totals without rejected ones (as on the page).
/// </summary>
public sealed class ExportWriteOffList(ListWriteOffs list, LocationScope scope, StaffNames staff, TimeProvider clock)
{
    /// <summary>One exported row: the list row with the author's full name.</summary>
    private sealed record Line(ListWriteOffs.Row Row, string Author);

    /// <summary>The workbook and its file name "spisaniya-spisok-yyyy-MM-dd.xlsx" (Moscow date).</summary>
    public async Task<(byte[] Content, string FileName)> HandleAsync(ListWriteOffs.Input f, CancellationToken ct)
    {
        var lines = new List<Line>();
        foreach (var row in await list.ExportAsync(f, ct)) lines.Add(new Line(row, await staff.NameAsync(row.CreatedBy)));
        var live = lines.Where(l => l.Row.Status != WriteOffStatus.Rejected).ToList();
        var location = (await scope.AllowedAsync(ct)).FirstOrDefault(l => l.Id == f.LocationId)?.Name;
        return ListWorkbook.Build("Списания", "spisaniya-spisok", LocalTime.Today(clock.GetUtcNow(), LocalTime.DefaultZone),
            ListWorkbook.Subtitle(("С", f.From?.ToString("dd.MM.yyyy")), ("по", f.To?.ToString("dd.MM.yyyy")), ("Точка", location),
                ("Статус", f.Status is { } s ? WriteOff.StatusLabel(s) : null), ("Причина", f.Reason is { } r ? WriteOff.ReasonLabel(r) : null)),
        [
            new ExcelColumn<Line>("Номер", l => l.Row.Number, Width: 16),
            new ExcelColumn<Line>("Дата", l => LocalTime.ToLocal(l.Row.CreatedAtUtc, l.Row.TimeZoneId), ExcelFormat.DateTime, 16),
            new ExcelColumn<Line>("Точка", l => l.Row.Location, Width: 20),
            new ExcelColumn<Line>("Причина", l => WriteOff.ReasonLabel(l.Row.Reason), Width: 14),
            new ExcelColumn<Line>("Кол-во, шт.", l => l.Row.Quantity, ExcelFormat.Integer, 10).WithTotal(_ => live.Sum(l => l.Row.Quantity)),
            new ExcelColumn<Line>("Себестоимость", l => l.Row.Status == WriteOffStatus.Posted ? l.Row.Total : null, ExcelFormat.Money)
                .WithTotal(_ => live.Sum(l => l.Row.Total)),
            new ExcelColumn<Line>("Автор", l => l.Author, Width: 20),
            new ExcelColumn<Line>("Статус", l => WriteOff.StatusLabel(l.Row.Status), Width: 14),
        ], lines, "Списаний по этим условиям нет");
    }
}
