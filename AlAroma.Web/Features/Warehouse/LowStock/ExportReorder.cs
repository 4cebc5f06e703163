using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Account;

namespace AlAroma.Web.Features.Warehouse.LowStock;

/// <summary>"К заказу" as an .xlsx through <see cref="ExcelSheetWriter"/>.</summary>
public sealed class ExportReorder(ListReorder list, LocationScope scope, TimeProvider clock)
{
    /// <summary>The file and its name.</summary>
    public async Task<(byte[] Content, string FileName)> HandleAsync(ListReorder.Input input, CancellationToken ct)
    {
        var model = await list.HandleAsync(input, ct);
        var location = model.Locations.FirstOrDefault(l => l.Id == input.LocationId);
        var day = LocalTime.Today(clock.GetUtcNow(), (location ?? await scope.CurrentAsync(ct))?.TimeZoneId);
        var title = $"К заказу{(location is null ? "" : ": " + location.Name)} на {day:dd.MM.yyyy}";
        using var wb = ExcelSheetWriter.NewWorkbook(title);
        ExcelSheetWriter.Table(wb, "К заказу", title, "Заказать = мин. остаток × 2 − остаток − в пути",
        [
            new ExcelColumn<ListReorder.Row>("Точка", x => x.Location, Width: 22),
            new ExcelColumn<ListReorder.Row>("Артикул", x => x.Sku, Width: 14),
            new ExcelColumn<ListReorder.Row>("Наименование", x => x.Name, Width: 44),
            new ExcelColumn<ListReorder.Row>("Бренд", x => x.Brand, Width: 20),
            new ExcelColumn<ListReorder.Row>("Остаток, шт.", x => x.Quantity, ExcelFormat.Integer, 12).Summed(),
            new ExcelColumn<ListReorder.Row>("Мин. остаток, шт.", x => x.MinQuantity, ExcelFormat.Integer, 14),
            new ExcelColumn<ListReorder.Row>("В пути, шт.", x => x.InTransit, ExcelFormat.Integer, 11).Summed(),
            new ExcelColumn<ListReorder.Row>("Заказать, шт.", x => x.Suggested, ExcelFormat.Integer, 13).Summed(),
        ], model.Rows, "Нет товаров ниже минимального остатка");
        return (ExcelSheetWriter.ToBytes(wb), ExcelSheetWriter.FileName("k-zakazu", day, location?.Code));
    }
}
