using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Infrastructure.Excel;

namespace AlAroma.Web.Features.Warehouse.Stocks;

/// <summary>
/// "Экспорт в Excel" of the filtered stock list, laid out like every report by <see cref="ExcelSheetWriter"/>
/// (title, frozen header, autofilter, ₽ format, totals row); for "Все точки" a units column per location.
/// </summary>
public sealed class ExportStockBalances(ListStockBalances list, TimeProvider clock)
{
    /// <summary>The .xlsx file and its name; null when the user has no location.</summary>
    public async Task<(byte[] Content, string FileName)?> HandleAsync(ListStockBalances.Input input, CancellationToken ct)
    {
        if (await list.AllAsync(input, ct) is not var (shown, rows)) return null;
        var all = shown.Count > 1;
        var day = LocalTime.Today(clock.GetUtcNow(), shown[0].TimeZoneId);
        var title = $"Остатки: {(all ? "все точки" : shown[0].Name)} на {day:dd.MM.yyyy}";
        var perLocation = all
            ? shown.Select(l => new ExcelColumn<ListStockBalances.Row>(l.Name + ", шт.", x => x.At(l.Id), ExcelFormat.Integer, 12).Summed())
            : [];
        using var wb = ExcelSheetWriter.NewWorkbook(title);
        ExcelSheetWriter.Table(wb, "Остатки", title, "Себестоимость — по средней закупочной цене",
        [
            new ExcelColumn<ListStockBalances.Row>("Артикул", x => x.Sku, Width: 14),
            new ExcelColumn<ListStockBalances.Row>("Наименование", x => x.Name, Width: 44),
            new ExcelColumn<ListStockBalances.Row>("Штрихкод", x => x.Barcode, Width: 16),
            new ExcelColumn<ListStockBalances.Row>("Бренд", x => x.Brand, Width: 20),
            new ExcelColumn<ListStockBalances.Row>("Категория", x => x.Category, Width: 18),
            .. perLocation,
            new ExcelColumn<ListStockBalances.Row>(all ? "Всего, шт." : "Остаток, шт.", x => x.Quantity, ExcelFormat.Integer, 12).Summed(),
            new ExcelColumn<ListStockBalances.Row>("В пути, шт.", x => x.InTransit, ExcelFormat.Integer, 11).Summed(),
            new ExcelColumn<ListStockBalances.Row>("Розничная цена", x => x.RetailPrice, ExcelFormat.Money, 16),
            new ExcelColumn<ListStockBalances.Row>("Розничная стоимость", x => x.RetailValue, ExcelFormat.Money, 18).Summed(),
            new ExcelColumn<ListStockBalances.Row>("Себестоимость ед.", x => x.AverageCost, ExcelFormat.Money, 16),
            new ExcelColumn<ListStockBalances.Row>("Себестоимость", x => x.CostValue, ExcelFormat.Money, 18).Summed(),
        ], rows, "Товаров по фильтру нет");
        return (ExcelSheetWriter.ToBytes(wb), ExcelSheetWriter.FileName("ostatki", day, all ? "all" : shown[0].Code));
    }
}
