using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Warehouse.Stocks;
using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Features.Warehouse.LowStock;
using AlAroma.Web.Infrastructure;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Warehouse.LowStock;

/// <summary>Thresholds, the crossing alert written by the ledger, "Принято", "К заказу" and who may do what.</summary>
public sealed class LowStockTests(AppFixture app) : IClassFixture<AppFixture>
{
    private Task<SetMinQuantity.Cell> SetMinAsync(string email, int locationId, int productId, string? min) =>
        app.AsAsync(email, sp => sp.GetRequiredService<SetMinQuantity>().HandleAsync(
            new SetMinQuantity.Input { LocationId = locationId, ProductId = productId, MinQuantity = min }, CancellationToken.None));

    /// <summary>Sells <paramref name="units"/> through the ledger, as Checkout does (one transaction).</summary>
    private async Task SellAsync(int locationId, int productId, int units)
    {
        await using var db = app.Db();
        await using var tx = await db.Database.BeginTransactionAsync();
        await StockLedger.ApplyAsync(db, [new StockChange(locationId, productId, -units)], MovementKind.Sale, "S1-TEST", 1, DateTime.UtcNow, "cashier", default);
        await tx.CommitAsync();
    }

    private async Task<List<LowStockAlert>> AlertsAsync(int locationId, int productId)
    {
        await using var db = app.Db();
        return await db.LowStockAlerts.Where(a => a.LocationId == locationId && a.ProductId == productId).OrderBy(a => a.Id).ToListAsync();
    }

    [Theory]
    [InlineData(10, 8, 8, false)]
    [InlineData(8, 8, 7, true)]
    [InlineData(7, 8, 6, false)]
    [InlineData(5, null, 0, false)]
    [InlineData(3, 8, 9, false)]
    public void Crossing_is_from_at_or_above_to_below(int before, int? min, int after, bool expected) =>
        Assert.Equal(expected, LowStockRule.CrossedBelow(before, after, min));

    [Fact]
    public void Suggested_order_is_twice_the_threshold_minus_on_hand_and_in_transit_never_negative()
    {
        Assert.Equal(20, LowStockRule.SuggestedOrder(15, 10, 0));
        Assert.Equal(14, LowStockRule.SuggestedOrder(15, 10, 6));
        Assert.Equal(0, LowStockRule.SuggestedOrder(5, 4, 50));
    }

    [Fact]
    public async Task A_sale_crossing_the_threshold_writes_exactly_one_alert_and_staying_below_writes_none()
    {
        var s1 = await LocationIdAsync(app, "S1");
        var p = await ProductAsync(app, 20);
        Assert.Null((await SetMinAsync(AdminUser, s1, p.Id, "8")).Error);

        await SellAsync(s1, p.Id, 2); // 10 → 8: not below
        Assert.Empty(await AlertsAsync(s1, p.Id));
        await SellAsync(s1, p.Id, 1); // 8 → 7: crosses
        await SellAsync(s1, p.Id, 1); // 7 → 6: still below, no new alert
        var alert = Assert.Single(await AlertsAsync(s1, p.Id));
        Assert.Equal((7, 8, false), (alert.Balance, alert.Threshold, alert.Acknowledged));
        await AssertInvariantAsync(app);
    }

    [Fact]
    public async Task A_failed_sale_leaves_no_alert()
    {
        var s1 = await LocationIdAsync(app, "S1");
        var p = await ProductAsync(app, 21);
        await SetMinAsync(AdminUser, s1, p.Id, "9");
        await using (var db = app.Db())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await StockLedger.ApplyAsync(db, [new StockChange(s1, p.Id, -3)], MovementKind.Sale, "S1-TEST", 1, DateTime.UtcNow, null, default);
            // rolled back: the caller failed after the ledger ran
        }
        Assert.Empty(await AlertsAsync(s1, p.Id));
        Assert.Equal(10, await BalanceAsync(app, s1, p.Id));
    }

    [Fact]
    public async Task Storekeepers_see_and_acknowledge_only_alerts_of_their_locations()
    {
        await app.EnsureStorekeeperS1Async();
        var s1 = await LocationIdAsync(app, "S1");
        var s2 = await LocationIdAsync(app, "S2");
        var p = await ProductAsync(app, 22);
        await SetMinAsync(AdminUser, s2, p.Id, "10");
        await SellAsync(s2, p.Id, 1);
        var alert = Assert.Single(await AlertsAsync(s2, p.Id));

        var seenByS1 = await app.AsAsync(StorekeeperS1User, sp => sp.GetRequiredService<ListLowStockAlerts>().HandleAsync(default));
        Assert.DoesNotContain(seenByS1, a => a.Id == alert.Id);
        var e = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.AsAsync(StorekeeperS1User, sp => sp.GetRequiredService<AcknowledgeLowStockAlert>().HandleAsync(alert.Id, default)));
        Assert.Contains("нет доступа", e.Message);
        await Assert.ThrowsAsync<BusinessRuleException>(() => SetMinAsync(StorekeeperS1User, s2, p.Id, "3"));

        var seen = await app.AsAsync(StorekeeperUser, sp => sp.GetRequiredService<ListLowStockAlerts>().HandleAsync(default));
        Assert.Contains(seen, a => a.Id == alert.Id && a.Threshold == 10 && a.Balance == 9);

        // "Принято" over HTTP as the storekeeper of S2; then the alert is gone from the list and the badge.
        var client = await app.ClientAsync(StorekeeperUser);
        var before = await client.GetStringAsync("/warehouse/alerts/badge");
        Assert.Contains("low-stock-count", before);
        var resp = await HtmxPostAsync(client, "/warehouse/alerts", $"/warehouse/alerts/{alert.Id}/ack", []);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        await using var db = app.Db();
        var acked = await db.LowStockAlerts.SingleAsync(a => a.Id == alert.Id);
        Assert.True(acked.Acknowledged);
        Assert.Equal("storekeeper@alaroma.local", acked.AcknowledgedBy);
        Assert.DoesNotContain($"alert-{alert.Id}\"", await client.GetStringAsync("/warehouse/alerts"));
        // Acknowledging again is harmless.
        Assert.Equal(HttpStatusCode.OK, (await HtmxPostAsync(client, "/warehouse/alerts", $"/warehouse/alerts/{alert.Id}/ack", [])).StatusCode);
    }

    [Fact]
    public async Task The_threshold_is_edited_inline_and_bad_input_is_refused_without_saving()
    {
        var s1 = await LocationIdAsync(app, "S1");
        var p = await ProductAsync(app, 23);
        var client = await app.ClientAsync(StorekeeperUser);
        var page = await client.GetStringAsync($"/warehouse/stock?LocationId={s1}");
        Assert.Contains($"id=\"min-{s1}-{p.Id}\"", page);
        Assert.Contains("hx-get=\"/warehouse/alerts/badge\"", page);

        var form = new Dictionary<string, string> { ["LocationId"] = s1.ToString(), ["ProductId"] = p.Id.ToString(), ["MinQuantity"] = "12" };
        var ok = await HtmxPostAsync(client, "/warehouse/stock", "/warehouse/stock/min", form);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("value=\"12\"", await ok.Content.ReadAsStringAsync());
        Assert.Contains("table-warning", await ok.Content.ReadAsStringAsync()); // 10 on hand < 12

        form["MinQuantity"] = "-1";
        var bad = await HtmxPostAsync(client, "/warehouse/stock", "/warehouse/stock/min", form);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Введите целое число", await bad.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.Equal(12, await db.StockBalances.Where(b => b.LocationId == s1 && b.ProductId == p.Id).Select(b => b.MinQuantity).SingleAsync());

        Assert.Null((await SetMinAsync(StorekeeperUser, s1, p.Id, "")).MinQuantity);
        await using var db2 = app.Db();
        Assert.Null(await db2.StockBalances.Where(b => b.LocationId == s1 && b.ProductId == p.Id).Select(b => b.MinQuantity).SingleAsync());
    }

    [Fact]
    public async Task A_threshold_for_a_product_never_at_the_location_keeps_the_ledger_invariant()
    {
        var s2 = await LocationIdAsync(app, "S2");
        await using (var db = app.Db())
        {
            var product = new AlAroma.Web.Features.Catalog.Product { Sku = "LOW-NEW-1", Name = "Новинка без остатка" };
            product.SetPrice(100, DateTime.UtcNow, "test");
            db.Products.Add(product);
            await db.SaveChangesAsync();
            var cell = await SetMinAsync(AdminUser, s2, product.Id, "2");
            Assert.Equal((2, 0, true), (cell.MinQuantity, cell.Quantity, cell.Below));
        }
        await AssertInvariantAsync(app);
    }

    [Fact]
    public async Task Reorder_lists_products_below_threshold_with_the_suggested_quantity_and_exports_xlsx()
    {
        var s1 = await LocationIdAsync(app, "S1");
        var p = await ProductAsync(app, 24);
        await SetMinAsync(AdminUser, s1, p.Id, "15"); // 10 on hand → 15 × 2 − 10 − 0 = 20

        var model = await app.AsAsync(StorekeeperUser, sp => sp.GetRequiredService<ListReorder>().HandleAsync(new ListReorder.Input { LocationId = s1 }, default));
        var row = Assert.Single(model.Rows, r => r.ProductId == p.Id);
        Assert.Equal((10, 15, 0, 20), (row.Quantity, row.MinQuantity, row.InTransit, row.Suggested));
        Assert.All(model.Rows, r => Assert.Equal(s1, r.LocationId));

        var client = await app.ClientAsync(StorekeeperUser);
        Assert.Contains(p.Name, WebUtility.HtmlDecode(await client.GetStringAsync($"/warehouse/reorder?LocationId={s1}")));
        var resp = await client.GetAsync($"/warehouse/reorder/export.xlsx?LocationId={s1}");
        Assert.Equal(AlAroma.Web.Infrastructure.Excel.ExcelSheetWriter.ContentType, resp.Content.Headers.ContentType?.MediaType);
        using var wb = new XLWorkbook(new MemoryStream(await resp.Content.ReadAsByteArrayAsync()));
        var ws = wb.Worksheets.First();
        var cells = ws.CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains(p.Name, cells);
        Assert.Contains("Заказать, шт.", cells);
    }

    [Fact]
    public async Task Cashiers_cannot_open_the_low_stock_pages()
    {
        var client = await app.ClientAsync(CashierUser);
        foreach (var url in new[] { "/warehouse/reorder", "/warehouse/reorder/export.xlsx", "/warehouse/alerts", "/warehouse/alerts/badge" })
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, url);
        Assert.DoesNotContain("/warehouse/alerts/badge", await client.GetStringAsync("/pos"));
    }
}
