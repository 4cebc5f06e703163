using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Transfers;

/// <summary>
/// "Товары в пути" (.xlsx): every line of the transfers shipped and not yet received from or to the user's
/// locations, with days in transit and the value at average cost (₽). Built through <see cref="ExcelSheetWriter"/>.
/// </summary>
public sealed class ExportTransfersInTransit(AppDbContext db, LocationScope scope, TimeProvider clock)
{
    /// <summary>A line in transit; Shipped is local time of the source.</summary>
    public sealed record Row(string Number, DateTime Shipped, int Days, string From, string To, string Sku, string Name, int Quantity, decimal UnitCost, decimal Value);

    /// <summary>The workbook and its file name.</summary>
    public async Task<(byte[] Content, string FileName)> HandleAsync(CancellationToken ct)
    {
        var ids = (await scope.AllowedAsync(ct)).Select(l => l.Id).ToList();
        var now = clock.GetUtcNow();
        var raw = await (from t in db.Transfers.AsNoTracking()
                         where t.Status == TransferStatus.Shipped && (ids.Contains(t.FromLocationId) || ids.Contains(t.ToLocationId))
                         from l in t.Lines
                         join lf in db.Locations on t.FromLocationId equals lf.Id
                         join lt in db.Locations on t.ToLocationId equals lt.Id
                         orderby t.ShippedAtUtc, t.Id, l.Id
                         select new { t.Number, t.ShippedAtUtc, lf.TimeZoneId, From = lf.Name, To = lt.Name, l.Product!.Sku, l.Product.Name, l.Quantity, l.Product.AverageCost })
            .ToListAsync(ct);
        var rows = raw.Select(x => new Row(x.Number,
            LocalTime.ToLocal(x.ShippedAtUtc!.Value, x.TimeZoneId),
            (int)(now.UtcDateTime - x.ShippedAtUtc.Value).TotalDays, x.From, x.To, x.Sku, x.Name, x.Quantity, x.AverageCost,
            Infrastructure.Money.Round(x.Quantity * x.AverageCost))).ToList();

        var today = LocalTime.Today(now);
        using var wb = ExcelSheetWriter.NewWorkbook("Товары в пути");
        ExcelSheetWriter.Table(wb, "В пути", "Товары в пути", $"На {today:dd.MM.yyyy}: отгружено и ещё не принято",
        [
            new ExcelColumn<Row>("Перемещение", r => r.Number, Width: 16),
            new ExcelColumn<Row>("Отгружено", r => r.Shipped, ExcelFormat.DateTime, 16),
            new ExcelColumn<Row>("Дней в пути", r => r.Days, ExcelFormat.Integer),
            new ExcelColumn<Row>("Откуда", r => r.From, Width: 20),
            new ExcelColumn<Row>("Куда", r => r.To, Width: 20),
            new ExcelColumn<Row>("Артикул", r => r.Sku),
            new ExcelColumn<Row>("Товар", r => r.Name, Width: 30),
            new ExcelColumn<Row>("Кол-во, шт.", r => r.Quantity, ExcelFormat.Integer).Summed(),
            new ExcelColumn<Row>("Себестоимость ед.", r => r.UnitCost, ExcelFormat.Money),
            new ExcelColumn<Row>("Сумма", r => r.Value, ExcelFormat.Money).Summed(),
        ], rows, "Товаров в пути нет");
        return (ExcelSheetWriter.ToBytes(wb), ExcelSheetWriter.FileName("v-puti", today));
    }
}
