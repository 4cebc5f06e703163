using AlAroma.Web.Infrastructure;
using ClosedXML.Excel;

namespace AlAroma.Web.Features.Warehouse;

/// <summary>
/// "Экспорт в Excel" of the filtered stock list: one sheet, frozen header, autofilter, ₽ columns formatted
/// <c>#,##0.00 ₽</c>, totals row. Column widths are set explicitly (AdjustToContents needs System.Drawing on Linux).
/// </summary>
public sealed class ExportStockBalances(ListStockBalances list, TimeProvider clock)
{
    /// <summary>Excel number format of money columns.</summary>
    public const string RubleFormat = "#,##0.00 ₽";

    /// <summary>The .xlsx file and its name; null when the user has no location.</summary>
    public async Task<(byte[] Content, string FileName)?> HandleAsync(ListStockBalances.Input input, CancellationToken ct)
    {
        if (await list.AllAsync(input, ct) is not var (location, rows)) return null;

        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("Остатки");
        string[] headers = ["Артикул", "Наименование", "Штрихкод", "Бренд", "Категория", "Остаток, шт.", "В пути, шт.", "Розничная цена", "Розничная стоимость", "Себестоимость ед.", "Себестоимость"];
        double[] widths = [16, 46, 16, 22, 20, 12, 11, 16, 20, 16, 18];
        for (var c = 0; c < headers.Length; c++)
        {
            ws.Cell(1, c + 1).Value = headers[c];
            ws.Column(c + 1).Width = widths[c];
        }
        ws.Row(1).Style.Font.Bold = true;

        var r = 2;
        foreach (var x in rows)
        {
            ws.Cell(r, 1).SetValue(x.Sku);
            ws.Cell(r, 2).SetValue(x.Name);
            ws.Cell(r, 3).SetValue(x.Barcode ?? "");
            ws.Cell(r, 4).SetValue(x.Brand ?? "");
            ws.Cell(r, 5).SetValue(x.Category ?? "");
            ws.Cell(r, 6).SetValue(x.Quantity);
            ws.Cell(r, 7).SetValue(x.InTransit);
            ws.Cell(r, 8).SetValue(x.RetailPrice);
            ws.Cell(r, 9).SetValue(x.RetailValue);
            ws.Cell(r, 10).SetValue(x.AverageCost);
            ws.Cell(r, 11).SetValue(x.CostValue);
            r++;
        }
        var last = r - 1;
        ws.Range(1, 1, Math.Max(last, 1), headers.Length).SetAutoFilter();
        ws.Cell(r, 2).SetValue("Итого");
        ws.Cell(r, 6).SetValue(rows.Sum(x => x.Quantity));
        ws.Cell(r, 7).SetValue(rows.Sum(x => x.InTransit));
        ws.Cell(r, 9).SetValue(rows.Sum(x => x.RetailValue));
        ws.Cell(r, 11).SetValue(rows.Sum(x => x.CostValue));
        ws.Row(r).Style.Font.Bold = true;
        foreach (var c in new[] { 8, 9, 10, 11 }) ws.Column(c).Style.NumberFormat.Format = RubleFormat;
        ws.SheetView.FreezeRows(1);

        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        var day = LocalTime.Today(clock.GetUtcNow(), location.TimeZoneId);
        return (ms.ToArray(), $"Остатки {location.Code} {day:yyyy-MM-dd}.xlsx");
    }
}
