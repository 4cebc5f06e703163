using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.Stocks;
using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.Warehouse;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Warehouse;

/// <summary>"Остатки": keyset pages, all locations side by side, in-transit units, the totals request and the export.</summary>
public class StockBalancesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>
    /// <paramref name="count"/> products whose names share the word <paramref name="tag"/> and repeat in threes (so
    /// paging must order ties by id), each with <paramref name="units"/> at <paramref name="locationCode"/>.
    /// </summary>
    private async Task<List<int>> ProductsAsync(string tag, int count, string locationCode, int units)
    {
        var location = await LocationIdAsync(app, locationCode);
        await using var db = app.Db();
        var now = DateTime.UtcNow;
        var products = Enumerable.Range(0, count).Select(i => new Product
        {
            Sku = $"{tag}-{i:D4}", Name = $"{tag} Аромат {i / 3:D3}", Brand = "Keyset", Category = "Тест", CreatedAtUtc = now, UpdatedAtUtc = now,
        }).ToList();
        foreach (var p in products) p.SetPrice(1000m + products.IndexOf(p), now, "test");
        db.Products.AddRange(products);
        await db.SaveChangesAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        await StockLedger.ApplyAsync(db, products.Select(p => new StockChange(location, p.Id, units)), MovementKind.Correction, "TEST", 0, now, "test", Ct);
        await tx.CommitAsync();
        return products.Select(p => p.Id).ToList();
    }

    [Fact]
    public async Task Show_more_walks_the_whole_list_in_name_order_without_repeating_or_skipping_a_product()
    {
        var ids = await ProductsAsync("Kprobe", 130, "WH", 2);
        var wh = await LocationIdAsync(app, "WH");

        var seen = new List<ListStockBalances.Row>();
        int? after = null;
        var pages = 0;
        do
        {
            var page = await app.AsAsync(AdminUser, sp => sp.GetRequiredService<ListStockBalances>().HandleAsync(
                new ListStockBalances.Input { LocationId = wh, Q = "kprobe", After = after }, Ct));
            Assert.True(page.Rows.Count <= ListStockBalances.PageSize);
            seen.AddRange(page.Rows);
            after = page.NextAfter;
            pages++;
        } while (after is not null && pages < 10);

        Assert.Equal(3, pages); // 50 + 50 + 30
        await using var db = app.Db();
        var expected = await db.Products.Where(p => ids.Contains(p.Id)).OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync();
        Assert.Equal(expected, seen.Select(r => r.ProductId));
        Assert.All(seen, r => Assert.Equal(2, r.Quantity));
    }

    [Fact]
    public async Task All_locations_show_a_column_per_location_the_sum_and_units_in_transit()
    {
        var a = (await ProductsAsync("Kmulti", 1, "WH", 7))[0];
        var s1 = await LocationIdAsync(app, "S1");
        await using (var db = app.Db())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await StockLedger.ApplyAsync(db, [new StockChange(s1, a, 3)], MovementKind.Correction, "TEST", 0, DateTime.UtcNow, "test", Ct);
            await tx.CommitAsync();
        }
        var transfer = await NewTransferAsync(app, "WH", "S2", (a, 2));
        await app.AsAsync(AdminUser, sp => sp.GetRequiredService<ShipTransfer>().HandleAsync(transfer, Ct));

        var all = await app.AsAsync(AdminUser, sp => sp.GetRequiredService<ListStockBalances>().HandleAsync(
            new ListStockBalances.Input { LocationId = ListStockBalances.AllLocations, Q = "Kmulti" }, Ct));
        Assert.True(all.IsAllLocations);
        Assert.Equal(["S1", "S2", "WH"], all.Shown.Select(l => l.Code).Order(StringComparer.Ordinal).ToList());
        var row = Assert.Single(all.Rows);
        var wh = await LocationIdAsync(app, "WH");
        var s2 = await LocationIdAsync(app, "S2");
        Assert.Equal((5, 3, 0), (row.At(wh), row.At(s1), row.At(s2)));
        Assert.Equal((8, 2), (row.Quantity, row.InTransit));
        Assert.Equal(8 * row.RetailPrice, row.RetailValue);

        var totals = await app.AsAsync(AdminUser, sp => sp.GetRequiredService<ListStockBalances>().TotalsAsync(
            new ListStockBalances.Input { LocationId = ListStockBalances.AllLocations, Q = "Kmulti" }, Ct));
        Assert.Equal((1, 8, 2, 8 * row.RetailPrice, 0m), (totals!.Products, totals.Quantity, totals.InTransit, totals.RetailValue, totals.CostValue));
        Assert.Equal(all.Shown.Select(l => row.At(l.Id)), totals.QuantityByLocation!);

        // Only in transit to S2: listed there with 0 on hand and 2 on the way.
        var atS2 = await app.AsAsync(AdminUser, sp => sp.GetRequiredService<ListStockBalances>().HandleAsync(
            new ListStockBalances.Input { LocationId = s2, Q = "Kmulti" }, Ct));
        Assert.Equal((0, 2), (Assert.Single(atS2.Rows).Quantity, atS2.Rows[0].InTransit));
        Assert.Equal(1, (await app.AsAsync(AdminUser, sp => sp.GetRequiredService<ListStockBalances>().TotalsAsync(
            new ListStockBalances.Input { LocationId = s2, Q = "Kmulti" }, Ct)))!.Products);
    }

    [Fact]
    public async Task A_shop_storekeeper_never_sees_other_locations_even_when_asking_for_all()
    {
        await app.EnsureStorekeeperS1Async();
        await ProductsAsync("Kown", 1, "WH", 4);
        var page = await app.AsAsync(StorekeeperS1User, sp => sp.GetRequiredService<ListStockBalances>().HandleAsync(
            new ListStockBalances.Input { LocationId = ListStockBalances.AllLocations, Q = "Kown" }, Ct));
        Assert.False(page.IsAllLocations);
        Assert.Equal("S1", Assert.Single(page.Shown).Code);
        Assert.Empty(page.Rows); // the 4 units are at the warehouse

        var client = await app.ClientAsync(StorekeeperS1User);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/warehouse/stock"));
        Assert.DoesNotContain("Все точки", html);
    }

    [Fact]
    public async Task The_page_loads_totals_separately_and_show_more_returns_only_rows()
    {
        await ProductsAsync("Khttp", 60, "WH", 1);
        var wh = await LocationIdAsync(app, "WH");
        var client = await app.ClientAsync(StorekeeperUser);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/warehouse/stock?LocationId={wh}&Q=Khttp"));
        Assert.Contains($"hx-get=\"/warehouse/stock/totals?LocationId={wh}&Q=Khttp\"", page);
        Assert.Contains("Показать ещё", page);

        var totals = WebUtility.HtmlDecode(await client.GetStringAsync($"/warehouse/stock/totals?LocationId={wh}&Q=Khttp"));
        Assert.Contains("Итого по фильтру: 60 товаров", totals);
        Assert.Matches(@"id=""total-qty"">60<", totals);

        var more = page[(page.IndexOf("hx-get=\"/warehouse/stock?", StringComparison.Ordinal) + "hx-get=\"".Length)..];
        more = more[..more.IndexOf('"')];
        using var req = new HttpRequestMessage(HttpMethod.Get, more);
        req.Headers.Add("HX-Request", "true");
        var rest = WebUtility.HtmlDecode(await (await client.SendAsync(req)).Content.ReadAsStringAsync());
        Assert.StartsWith("<tr>", rest.Trim());
        Assert.Equal(10, rest.Split("<tr>").Length - 1);
        Assert.DoesNotContain("Показать ещё", rest);
    }

    [Fact]
    public async Task The_all_locations_export_has_a_units_column_per_location()
    {
        await ProductsAsync("Kxlsx", 3, "S1", 5);
        var client = await app.ClientAsync(AdminUser);
        var resp = await client.GetAsync($"/warehouse/stock/export?LocationId={ListStockBalances.AllLocations}&Q=Kxlsx");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        using var wb = new XLWorkbook(new MemoryStream(await resp.Content.ReadAsByteArrayAsync()));
        var ws = wb.Worksheet(1);
        const int header = AlAroma.Web.Infrastructure.Excel.ExcelSheetWriter.HeaderRow;
        var headers = ws.Row(header).CellsUsed().Select(c => c.GetString()).ToList();
        await using var db = app.Db();
        var names = await db.Locations.Select(l => l.Name + ", шт.").ToListAsync();
        Assert.Equal(names.Order(), headers.Skip(5).Take(names.Count).Order());
        Assert.Equal("Всего, шт.", headers[5 + names.Count]);
        var s1 = headers.IndexOf((await db.Locations.SingleAsync(l => l.Code == "S1")).Name + ", шт.") + 1;
        Assert.Equal(15, ws.Cell(header + 4, s1).GetValue<int>()); // totals row: 3 × 5 at S1
        Assert.Equal("Итого", ws.Cell(header + 4, 1).GetString());
    }
}
