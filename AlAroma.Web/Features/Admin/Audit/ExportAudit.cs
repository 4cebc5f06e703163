using AlAroma.Web.Infrastructure.Auditing;
using AlAroma.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Admin.Audit;

/// <summary>
/// The filtered audit log as an Excel workbook (newest first, at most <see cref="MaxRows"/> rows), in the screen's
/// words: the thing's Russian name and the changes as «Поле: было → стало» lines, read by <see cref="AuditReader"/>.
/// </summary>
public sealed class ExportAudit(SearchAudit search, AuditReader reader, TimeProvider clock)
{
    /// <summary>Cap on exported rows: beyond it the admin narrows the filter (the sheet says so).</summary>
    public const int MaxRows = 100_000;

    public async Task<(byte[] Content, string FileName)> HandleAsync(AuditFilter filter, CancellationToken ct)
    {
        var rows = await search.Query(filter with { Before = null }).OrderByDescending(a => a.Id).Take(MaxRows + 1).ToListAsync(ct);
        var cut = rows.Count > MaxRows;
        if (cut) rows.RemoveAt(MaxRows);
        var read = new List<AuditRow>(rows.Count);
        foreach (var chunk in rows.Chunk(1000)) read.AddRange(await reader.ReadAsync(chunk, ct)); // names looked up per chunk, not per row
        var now = SearchAudit.Local(clock.GetUtcNow().UtcDateTime);
        using var wb = ExcelSheetWriter.NewWorkbook("Журнал аудита");
        ExcelSheetWriter.Table(wb, "Аудит", $"Журнал аудита на {now:dd.MM.yyyy HH:mm}",
            cut ? $"Показаны последние {MaxRows:N0} записей — сузьте фильтр, чтобы выгрузить остальные" : $"Записей: {rows.Count}",
            [
                new ExcelColumn<AuditRow>("Когда", r => SearchAudit.Local(r.Entry.AtUtc), ExcelFormat.DateTime, 17),
                new ExcelColumn<AuditRow>("Пользователь", r => r.Entry.UserName, Width: 24),
                new ExcelColumn<AuditRow>("IP", r => r.Entry.Ip, Width: 14),
                new ExcelColumn<AuditRow>("Действие", r => SearchAudit.ActionLabel(r.Entry.Action), Width: 14),
                new ExcelColumn<AuditRow>("Объект", r => r.Object, Width: 28),
                new ExcelColumn<AuditRow>("Изменения", Changes, Width: 70),
                new ExcelColumn<AuditRow>("Браузер", r => r.Entry.UserAgent, Width: 30),
            ], read, "Записей нет");
        return (ExcelSheetWriter.ToBytes(wb), ExcelSheetWriter.FileName("audit", DateOnly.FromDateTime(now)));
    }

    /// <summary>One line per changed field: «Поле: было → стало», or «Поле: значение» for a created or deleted thing.</summary>
    private static string Changes(AuditRow r) => string.Join("\n", r.Changes.Select(c => r.OneSided ? $"{c.Field}: {c.Value}" : $"{c.Field}: {c.Old} → {c.New}"));
}
