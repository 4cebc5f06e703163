using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Warehouse.Stocktakes;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using static AlAroma.Tests.Warehouse.Stocktakes.StocktakeTestKit;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Warehouse.Stocktakes;

/// <summary>The stocktake screens over HTTP: the blind counting screen, roles, the review, posting and the Excel export.</summary>
public class StocktakePagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>A book quantity no page would show by chance.</summary>
    private const int Book = 4817;

    /// <summary>The page without its antiforgery tokens (random text that could contain any digits).</summary>
    private static string Visible(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(html), "(name=\"__RequestVerificationToken\" type=\"hidden\" value|<meta name=\"antiforgery\" content)=\"[^\"]*\"", "");

    private async Task<(long Id, int ProductId, string Barcode, string Name)> CountingAsync()
    {
        var s2 = await LocationIdAsync(app, "S2");
        var p = await ProductAsync(app, 6);
        await SetBalanceAsync(app, s2, p.Id, Book);
        await using var db = app.Db();
        var brand = await db.Products.Where(x => x.Id == p.Id).Select(x => x.Brand!).SingleAsync();
        return (await NewStocktakeAsync(app, "S2", StocktakeScope.Brands, [brand]), p.Id, p.Barcode, p.Name);
    }

    [Fact]
    public async Task The_counting_screen_never_shows_book_quantities_and_the_review_does()
    {
        var (id, _, barcode, name) = await CountingAsync();
        var client = await app.ClientAsync(StorekeeperUser);
        var url = $"/warehouse/stocktakes/{id}";

        var scan = await HtmxPostAsync(client, url, $"{url}/scan", new() { ["barcode"] = barcode, ["quantity"] = "3" });
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        var fragment = Visible(await scan.Content.ReadAsStringAsync());
        Assert.Contains(name, fragment);
        Assert.Matches("id=\"total-units\">3<", fragment);
        var pages = new[]
        {
            fragment,
            Visible(await client.GetStringAsync(url)),
            Visible(await client.GetStringAsync($"{url}/products?q={Uri.EscapeDataString(name[..6])}")),
            Visible(await client.GetStringAsync($"{url}/sheet")),
            Visible(await client.GetStringAsync("/warehouse/stocktakes")),
        };
        Assert.Contains(name, pages[2]);
        Assert.Contains(name, pages[3]);
        Assert.All(pages, html => Assert.DoesNotContain(Book.ToString(), html));
        Assert.All(pages, html => Assert.DoesNotContain("Учёт", html));
        // The count sheet as a workbook is blind too: the products, an empty count column, no book quantities.
        using (var sheet = new ClosedXML.Excel.XLWorkbook(await (await client.GetAsync($"{url}/sheet.xlsx")).Content.ReadAsStreamAsync()))
        {
            var cells = sheet.Worksheet(1).CellsUsed().Select(c => c.GetString()).ToList();
            Assert.Contains(name, cells);
            Assert.Contains("Посчитано, шт.", cells);
            Assert.DoesNotContain(Book.ToString(), cells);
        }
        // The review and the export are not available while counting, even by typing their URL.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{url}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{url}/print")).StatusCode);

        var submitted = await FormPostAsync(client, url, $"{url}/submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var review = Visible(await client.GetStringAsync(url));
        Assert.Contains("На проверке", review);
        Assert.Contains(Book.ToString(), review);            // the same check finds the book quantity once it may be shown
        Assert.Contains($"{3 - Book}", review);
        Assert.Contains("Провести", review);
    }

    [Fact]
    public async Task A_storekeeper_opens_every_stocktake_page_and_a_cashier_gets_403()
    {
        var (id, _, _, _) = await CountingAsync();
        string[] pages = ["/warehouse/stocktakes", "/warehouse/stocktakes/new", $"/warehouse/stocktakes/{id}", $"/warehouse/stocktakes/{id}/sheet",
            $"/warehouse/stocktakes/{id}/products?q=ab", "/warehouse/stocktakes?Status=Counting&Q=%D0%98%D0%9D&From=2020-01-01&To=2099-12-31"];
        var storekeeper = await app.ClientAsync(StorekeeperUser);
        var cashier = await app.ClientAsync(CashierUser);
        foreach (var url in pages)
        {
            Assert.True((await storekeeper.GetAsync(url)).StatusCode == HttpStatusCode.OK, url);
            Assert.True((await cashier.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, url);
        }
        Assert.Contains("Инвентаризация", WebUtility.HtmlDecode(await storekeeper.GetStringAsync("/warehouse/stock")));
        Assert.DoesNotContain("/warehouse/stocktakes", await cashier.GetStringAsync("/pos"));
        Assert.Equal(HttpStatusCode.Forbidden, (await cashier.PostAsync($"/warehouse/stocktakes/{id}/scan", new FormUrlEncodedContent([]))).StatusCode);
    }

    [Fact]
    public async Task Created_by_the_form_counted_reviewed_posted_and_exported()
    {
        var client = await app.ClientAsync(StorekeeperUser);
        var wh = await LocationIdAsync(app, "WH");
        var p = await ProductAsync(app, 12);
        await SetBalanceAsync(app, wh, p.Id, 9);
        await using (var db = app.Db())
            await db.Database.ExecuteSqlAsync($"UPDATE stocktakes SET status = 'Cancelled' WHERE location_id = {wh} AND status IN ('Counting', 'Review')");
        string brand;
        await using (var db = app.Db()) brand = await db.Products.Where(x => x.Id == p.Id).Select(x => x.Brand!).SingleAsync();

        var invalid = await FormPostAsync(client, "/warehouse/stocktakes/new", "/warehouse/stocktakes/new", new() { ["LocationId"] = wh.ToString(), ["Scope"] = "Brands" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Отметьте хотя бы один бренд", WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync()));
        var created = await FormPostAsync(client, "/warehouse/stocktakes/new", "/warehouse/stocktakes/new",
            new() { ["LocationId"] = wh.ToString(), ["Scope"] = "Brands", ["Brands"] = brand });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        var id = long.Parse(Regex.Match(url, @"/warehouse/stocktakes/(\d+)$").Groups[1].Value);
        Assert.Contains("ИН-", WebUtility.HtmlDecode(await client.GetStringAsync(url)));

        var unknown = await HtmxPostAsync(client, url, $"{url}/scan", new() { ["barcode"] = "4600000000017" });
        Assert.Contains("не найден", Regex.Unescape(unknown.Headers.GetValues("HX-Trigger").Single()));
        await HtmxPostAsync(client, url, $"{url}/count", new() { ["productId"] = p.Id.ToString(), ["quantity"] = "6" });
        Assert.Equal(HttpStatusCode.Redirect, (await FormPostAsync(client, url, $"{url}/submit")).StatusCode);
        var manager = await app.ClientAsync(ManagerUser);
        Assert.Equal(HttpStatusCode.Redirect, (await FormPostAsync(manager, url, $"{url}/post")).StatusCode);
        Assert.Contains("Проведена", WebUtility.HtmlDecode(await manager.GetStringAsync(url)));
        Assert.Equal(6, await BalanceAsync(app, wh, p.Id));

        // The printed result (сличительная ведомость): book 9, counted 6, difference −3 for the product.
        var print = WebUtility.HtmlDecode(await manager.GetStringAsync($"{url}/print"));
        Assert.Contains("Сличительная ведомость", print);
        Assert.Matches($@"{Regex.Escape(p.Name)}</td>\s*<td class=""num"">9</td><td class=""num"">6</td>\s*<td class=""num"">-3</td>", print);

        var xlsx = await manager.GetAsync($"{url}/export");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var wb = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var ws = wb.Worksheet(1);
        var row = ws.RowsUsed().First(r => r.Cell(2).GetString() == p.Name);
        Assert.Equal((9, 6, -3), (row.Cell(6).GetValue<int>(), row.Cell(7).GetValue<int>(), row.Cell(8).GetValue<int>()));
        Assert.Contains(id.ToString(), url);
        await AssertInvariantAsync(app);
    }
}
