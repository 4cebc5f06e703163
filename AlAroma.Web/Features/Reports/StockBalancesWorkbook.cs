using AlAroma.Web.Infrastructure.Excel;
using ClosedXML.Excel;

namespace AlAroma.Web.Features.Reports;

/// <summary>
/// The stock balances workbook: "Остатки" (location × product with quantity, cost and retail value) and
/// "По точкам" (totals per location), laid out by <see cref="ExcelSheetWriter"/>. Pure: no database.
/// </summary>
public static class StockBalancesWorkbook
{
    /// <summary>Sheet names, in workbook order.</summary>
    public const string Detail = "Остатки", ByLocation = "По точкам";

    /// <summary>Builds the workbook; the caller disposes it.</summary>
    public static XLWorkbook Build(StockBalances r)
    {
        var title = $"Остатки товаров на {r.GeneratedAtLocal:dd.MM.yyyy HH:mm} — {r.ScopeLabel}";
        const string subtitle = "Себестоимость — по средней закупочной цене, розничная стоимость — по текущей цене";
        var wb = ExcelSheetWriter.NewWorkbook(title);

        ExcelSheetWriter.Table(wb, Detail, title, subtitle,
        [
            new ExcelColumn<StockBalanceRow>("Точка", x => x.LocationName, Width: 28),
            new ExcelColumn<StockBalanceRow>("Артикул", x => x.Sku, Width: 14),
            new ExcelColumn<StockBalanceRow>("Наименование", x => x.Name, Width: 44),
            new ExcelColumn<StockBalanceRow>("Бренд", x => x.Brand, Width: 18),
            new ExcelColumn<StockBalanceRow>("Остаток, шт.", x => x.Quantity, ExcelFormat.Integer, 12).Summed(),
            new ExcelColumn<StockBalanceRow>("Себестоимость за шт.", x => x.UnitCost, ExcelFormat.Money, 16),
            new ExcelColumn<StockBalanceRow>("Себестоимость остатка", x => x.CostValue, ExcelFormat.Money, 18).Summed(),
            new ExcelColumn<StockBalanceRow>("Розничная цена", x => x.RetailPrice, ExcelFormat.Money, 16),
            new ExcelColumn<StockBalanceRow>("Розничная стоимость", x => x.RetailValue, ExcelFormat.Money, 18).Summed(),
        ], r.Rows, "Товаров на остатках нет");

        ExcelSheetWriter.Table(wb, ByLocation, $"Остатки по точкам на {r.GeneratedAtLocal:dd.MM.yyyy HH:mm}", subtitle,
        [
            new ExcelColumn<StockLocationRow>("Код", x => x.LocationCode, Width: 8),
            new ExcelColumn<StockLocationRow>("Точка", x => x.LocationName, Width: 34),
            new ExcelColumn<StockLocationRow>("Товаров (позиций)", x => x.Products, ExcelFormat.Integer, 14).Summed(),
            new ExcelColumn<StockLocationRow>("Остаток, шт.", x => x.Quantity, ExcelFormat.Integer, 12).Summed(),
            new ExcelColumn<StockLocationRow>("Себестоимость", x => x.CostValue, ExcelFormat.Money, 18).Summed(),
            new ExcelColumn<StockLocationRow>("Розничная стоимость", x => x.RetailValue, ExcelFormat.Money, 18).Summed(),
        ], r.ByLocation, "Товаров на остатках нет");

        return wb;
    }

    /// <summary>Download name, e.g. "ostatki-2026-11-23.xlsx" or "ostatki-WH-2026-11-23.xlsx".</summary>
    public static string FileName(StockBalances r) =>
        ExcelSheetWriter.FileName("ostatki", DateOnly.FromDateTime(r.GeneratedAtLocal), r.LocationCode);
}
