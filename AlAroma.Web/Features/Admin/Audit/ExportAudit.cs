using AlAroma.Web.Infrastructure.Auditing;
using AlAroma.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Admin.Audit;

/// <summary>The filtered audit log as an Excel workbook (newest first, at most <see cref="MaxRows"/> rows).</summary>
public sealed class ExportAudit(SearchAudit search, TimeProvider clock)
{
    /// <summary>Cap on exported rows: beyond it the admin narrows the filter (the sheet says so).</summary>
    public const int MaxRows = 100_000;

    public async Task<(byte[] Content, string FileName)> HandleAsync(AuditFilter filter, CancellationToken ct)
    {
        var rows = await search.Query(filter with { Before = null }).OrderByDescending(a => a.Id).Take(MaxRows + 1).ToListAsync(ct);
        var cut = rows.Count > MaxRows;
        if (cut) rows.RemoveAt(MaxRows);
        var now = SearchAudit.Local(clock.GetUtcNow().UtcDateTime);
        using var wb = ExcelSheetWriter.NewWorkbook("Журнал аудита");
        ExcelSheetWriter.Table(wb, "Аудит", $"Журнал аудита на {now:dd.MM.yyyy HH:mm}",
            cut ? $"Показаны последние {MaxRows:N0} записей — сузьте фильтр, чтобы выгрузить остальные" : $"Записей: {rows.Count}",
            [
                new ExcelColumn<AuditEntry>("Когда", a => SearchAudit.Local(a.AtUtc), ExcelFormat.DateTime, 17),
                new ExcelColumn<AuditEntry>("Пользователь", a => a.UserName, Width: 24),
                new ExcelColumn<AuditEntry>("IP", a => a.Ip, Width: 14),
                new ExcelColumn<AuditEntry>("Действие", a => SearchAudit.ActionLabel(a.Action), Width: 14),
                new ExcelColumn<AuditEntry>("Объект", a => a.Entity, Width: 18),
                new ExcelColumn<AuditEntry>("Ключ", a => a.Key, Width: 10),
                new ExcelColumn<AuditEntry>("Было", a => a.OldValues, Width: 50),
                new ExcelColumn<AuditEntry>("Стало", a => a.NewValues, Width: 50),
                new ExcelColumn<AuditEntry>("Браузер", a => a.UserAgent, Width: 30),
            ], rows, "Записей нет");
        return (ExcelSheetWriter.ToBytes(wb), ExcelSheetWriter.FileName("audit", DateOnly.FromDateTime(now)));
    }
}
