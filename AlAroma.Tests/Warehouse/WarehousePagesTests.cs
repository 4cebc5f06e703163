using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Warehouse;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Warehouse;

/// <summary>The warehouse screens over HTTP: who may open them, the htmx scan flow, the forms and the Excel export.</summary>
public class WarehousePagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<string[]> PagesAsync()
    {
        var p = await ProductAsync(app, 0);
        var receipt = await NewGoodsReceiptAsync(app, "WH");
        var transfer = await NewTransferAsync(app, "WH", "S1", (p.Id, 1));
        return
        [
            "/warehouse/receipts", "/warehouse/receipts/new", $"/warehouse/receipts/{receipt}", $"/warehouse/receipts/{receipt}/print",
            "/warehouse/receipts?Status=Draft&Q=%D0%9F%D0%A0&From=2020-01-01&To=2099-12-31",
            "/warehouse/transfers", "/warehouse/transfers/new", $"/warehouse/transfers/{transfer}", $"/warehouse/transfers/{transfer}/print",
            "/warehouse/transfers?Status=Shipped", "/warehouse/stock", "/warehouse/stock?NonZero=false&Q=Dior&Brand=Dior&page=2",
            "/warehouse/movements", "/warehouse/movements?Kind=TransferOut&Q=Chanel&From=2020-01-01",
        ];
    }

    [Fact]
    public async Task A_storekeeper_opens_every_warehouse_page()
    {
        var client = await app.ClientAsync(StorekeeperUser);
        foreach (var url in await PagesAsync())
        {
            var resp = await client.GetAsync(url);
            Assert.True(resp.StatusCode == HttpStatusCode.OK, $"{url}: {resp.StatusCode}");
        }
    }

    [Fact]
    public async Task A_cashier_gets_403_on_every_warehouse_page()
    {
        var client = await app.ClientAsync(CashierUser);
        foreach (var url in await PagesAsync())
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, url);
    }

    [Fact]
    public async Task Lists_show_an_empty_state_and_the_stock_page_its_totals()
    {
        var client = await app.ClientAsync(StorekeeperUser);
        var empty = WebUtility.HtmlDecode(await client.GetStringAsync("/warehouse/receipts?Q=no-such-supplier-xyz"));
        Assert.Contains("Нет приходов за период — создайте первый", empty);
        var stock = WebUtility.HtmlDecode(await client.GetStringAsync("/warehouse/stock"));
        Assert.Contains("Итого по фильтру", stock);
        Assert.Contains("Экспорт в Excel", stock);
    }

    [Fact]
    public async Task New_receipt_form_creates_a_draft_and_scans_go_through_htmx()
    {
        var client = await app.ClientAsync(StorekeeperUser);
        var wh = await LocationIdAsync(app, "WH");
        var p = await ProductAsync(app, 1);

        var invalid = await FormPostAsync(client, "/warehouse/receipts/new", "/warehouse/receipts/new", new() { ["LocationId"] = wh.ToString() });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Укажите поставщика", WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync()));

        var created = await FormPostAsync(client, "/warehouse/receipts/new", "/warehouse/receipts/new", new()
        {
            ["LocationId"] = wh.ToString(), ["SupplierName"] = "ООО «Аромат»", ["SupplierInvoiceNumber"] = "А-77", ["SupplierInvoiceDate"] = "2026-11-20",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        var id = long.Parse(Regex.Match(url, @"/warehouse/receipts/(\d+)$").Groups[1].Value);

        // The author by name, not by login (the header names the signed-in user too, so look inside "Создан").
        Assert.Matches("Создан</dt><dd[^>]*>[^<]*, Складов Сергей</dd>", WebUtility.HtmlDecode(await client.GetStringAsync(url)));
        var scan = await HtmxPostAsync(client, url, $"{url}/scan", new() { ["barcode"] = p.Barcode });
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        var html = WebUtility.HtmlDecode(await scan.Content.ReadAsStringAsync());
        Assert.StartsWith("<div id=\"doc-lines\"", html.Trim());
        Assert.Contains(p.Name, html);

        var unknown = await HtmxPostAsync(client, url, $"{url}/scan", new() { ["barcode"] = "0000000000000" });
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal("none", unknown.Headers.GetValues("HX-Reswap").Single());
        Assert.Contains("не найден", Regex.Unescape(string.Join("", unknown.Headers.GetValues("HX-Trigger"))));

        var post = await HtmxPostAsync(client, url, $"{url}/post", []);
        Assert.Equal(url, post.Headers.GetValues("HX-Redirect").Single());
        await using var db = app.Db();
        var r = await db.GoodsReceipts.Include(x => x.Lines).SingleAsync(x => x.Id == id);
        Assert.Equal(DocumentStatus.Posted, r.Status);
        Assert.Equal(new DateOnly(2026, 11, 20), r.SupplierInvoiceDate);
        Assert.Equal(1, Assert.Single(r.Lines).Quantity);
        await AssertInvariantAsync(app);
    }

    [Fact]
    public async Task Transfer_receive_form_records_the_counted_quantities()
    {
        var client = await app.ClientAsync(StorekeeperUser);
        var p = await ProductAsync(app, 2);
        var id = await NewTransferAsync(app, "WH", "S2", (p.Id, 4));
        var page = $"/warehouse/transfers/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await FormPostAsync(client, page, $"{page}/ship")).StatusCode);

        long lineId;
        await using (var db = app.Db()) lineId = await db.Set<TransferLine>().Where(l => l.TransferId == id).Select(l => l.Id).SingleAsync();
        Assert.Contains($"name=\"received[{lineId}]\"", await client.GetStringAsync(page));
        Assert.Equal(HttpStatusCode.Redirect, (await FormPostAsync(client, page, $"{page}/receive", new() { [$"received[{lineId}]"] = "3" })).StatusCode);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(page));
        Assert.Contains("Расхождение", html);
        Assert.Contains("недостача 1 шт.", html);
        await AssertInvariantAsync(app);
    }

    [Fact]
    public async Task Stock_export_is_an_xlsx_with_frozen_header_autofilter_and_ruble_format()
    {
        var client = await app.ClientAsync(StorekeeperUser);
        var wh = await LocationIdAsync(app, "WH");
        var resp = await client.GetAsync($"/warehouse/stock/export?LocationId={wh}&Brand=Dior");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal(StockController.XlsxContentType, resp.Content.Headers.ContentType!.MediaType);

        using var wb = new XLWorkbook(new MemoryStream(await resp.Content.ReadAsByteArrayAsync()));
        var ws = wb.Worksheet(1);
        const int header = AlAroma.Web.Infrastructure.Excel.ExcelSheetWriter.HeaderRow;
        Assert.Equal("Артикул", ws.Cell(header, 1).GetString());
        Assert.Equal(header, ws.SheetView.SplitRow);
        Assert.True(ws.AutoFilter.IsEnabled);
        await using var db = app.Db();
        var dior = await db.Products.CountAsync(x => x.Brand == "Dior");
        var totals = header + dior + 1;
        Assert.Equal("Итого", ws.Cell(totals, 1).GetString());
        Assert.Equal(AlAroma.Web.Infrastructure.Excel.ExcelSheetWriter.MoneyFormat, ws.Cell(header + 1, 9).Style.NumberFormat.Format);
        var expected = await db.StockBalances.Where(b => b.LocationId == wh)
            .Join(db.Products.Where(x => x.Brand == "Dior"), b => b.ProductId, x => x.Id, (b, x) => b.Quantity).SumAsync();
        Assert.Equal(expected, ws.Cell(totals, 6).GetValue<int>());
    }
}
