using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.WriteOffs;

/// <summary>
/// "Списания по причинам" (.xlsx): posted write-offs approved in the period at the user's locations — one sheet of
/// totals per reason (documents, units, cost ₽) and one of the lines. Built through <see cref="ExcelSheetWriter"/>.
/// </summary>
public sealed class ExportWriteOffs(AppDbContext db, LocationScope scope, ListWriteOffs list, TimeProvider clock)
{
    /// <summary>Totals of one reason.</summary>
    public sealed record ByReason(string Reason, int Documents, int Quantity, decimal Cost);

    /// <summary>A written-off line.</summary>
    public sealed record LineRow(string Number, DateTime PostedLocal, string Location, string Reason, string Sku, string Name, int Quantity, decimal UnitCost, decimal Cost, string? Comment);

    /// <summary>The workbook and its file name. The period is of approval (local days); location and reason filter as on the list.</summary>
    public async Task<(byte[] Content, string FileName)> HandleAsync(ListWriteOffs.Input input, CancellationToken ct)
    {
        var allowed = await scope.AllowedAsync(ct);
        var q = list.Filtered(input, allowed.Select(l => l.Id).ToList()).Where(w => w.Status == WriteOffStatus.Posted);
        var (fromUtc, toUtc) = LocalTime.Period(input.From, input.To);
        if (fromUtc is { } f) q = q.Where(w => w.DecidedAtUtc >= f);
        if (toUtc is { } u) q = q.Where(w => w.DecidedAtUtc < u);
        var raw = await (from w in q
                         from l in w.Lines
                         join loc in db.Locations on w.LocationId equals loc.Id
                         orderby w.DecidedAtUtc, w.Id, l.Id
                         select new { w.Id, w.Number, w.DecidedAtUtc, loc.Name, loc.TimeZoneId, w.Reason, l.Product!.Sku, Product = l.Product.Name, l.Quantity, l.UnitCost, w.Comment })
            .ToListAsync(ct);

        var lines = raw.Select(x => new LineRow(x.Number,
            LocalTime.ToLocal(x.DecidedAtUtc!.Value, x.TimeZoneId),
            x.Name, WriteOff.ReasonLabel(x.Reason), x.Sku, x.Product, x.Quantity, x.UnitCost, Infrastructure.Money.Round(x.Quantity * x.UnitCost), x.Comment)).ToList();
        var byReason = WriteOff.Reasons.Select(r => raw.Where(x => x.Reason == r).ToList())
            .Zip(WriteOff.Reasons, (xs, r) => new ByReason(WriteOff.ReasonLabel(r), xs.Select(x => x.Id).Distinct().Count(), xs.Sum(x => x.Quantity),
                Infrastructure.Money.Round(xs.Sum(x => x.Quantity * x.UnitCost))))
            .ToList();

        var period = $"Период: {input.From?.ToString("dd.MM.yyyy") ?? "…"} — {input.To?.ToString("dd.MM.yyyy") ?? "…"}";
        using var wb = ExcelSheetWriter.NewWorkbook("Списания по причинам");
        ExcelSheetWriter.Table(wb, "По причинам", "Списания по причинам", period,
        [
            new ExcelColumn<ByReason>("Причина", r => r.Reason, Width: 18),
            new ExcelColumn<ByReason>("Документов", r => r.Documents, ExcelFormat.Integer).Summed(),
            new ExcelColumn<ByReason>("Списано, шт.", r => r.Quantity, ExcelFormat.Integer).Summed(),
            new ExcelColumn<ByReason>("Себестоимость", r => r.Cost, ExcelFormat.Money, 16).Summed(),
        ], byReason);
        ExcelSheetWriter.Table(wb, "Строки", "Списанные товары", period,
        [
            new ExcelColumn<LineRow>("Документ", r => r.Number, Width: 16),
            new ExcelColumn<LineRow>("Проведено", r => r.PostedLocal, ExcelFormat.DateTime, 16),
            new ExcelColumn<LineRow>("Точка", r => r.Location, Width: 20),
            new ExcelColumn<LineRow>("Причина", r => r.Reason),
            new ExcelColumn<LineRow>("Артикул", r => r.Sku),
            new ExcelColumn<LineRow>("Товар", r => r.Name, Width: 30),
            new ExcelColumn<LineRow>("Кол-во, шт.", r => r.Quantity, ExcelFormat.Integer).Summed(),
            new ExcelColumn<LineRow>("Себестоимость ед.", r => r.UnitCost, ExcelFormat.Money),
            new ExcelColumn<LineRow>("Сумма", r => r.Cost, ExcelFormat.Money).Summed(),
            new ExcelColumn<LineRow>("Комментарий", r => r.Comment, Width: 24),
        ], lines, "Нет проведённых списаний за период");
        return (ExcelSheetWriter.ToBytes(wb), ExcelSheetWriter.FileName("spisaniya", LocalTime.Today(clock.GetUtcNow())));
    }
}
