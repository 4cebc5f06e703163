using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.Stocks;
using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;
using static AlAroma.Tests.Warehouse.WriteOffTestKit;

namespace AlAroma.Tests.Warehouse;

/// <summary>Settling the transit discrepancy of a received transfer: return to the source or loss, once, by a manager.</summary>
public class DiscrepancyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Return_puts_the_missing_units_back_at_the_source_once()
    {
        int wh = await LocationIdAsync(app, "WH"), s1 = await LocationIdAsync(app, "S1");
        var p = await ProductAsync(app, 8);
        int onWh = await BalanceAsync(app, wh, p.Id), onS1 = await BalanceAsync(app, s1, p.Id);
        var id = await ReceivedWithShortageAsync(app, "WH", "S1", p.Id, shipped: 5, received: 3);
        Assert.Equal(onWh - 5, await BalanceAsync(app, wh, p.Id));

        var number = await app.AsAsync(ManagerUser, sp => sp.GetRequiredService<ResolveTransferDiscrepancy>().HandleAsync(id, DiscrepancyResolution.ReturnToSource, "нашлись в машине", Ct));
        Assert.Equal(onWh - 3, await BalanceAsync(app, wh, p.Id));
        Assert.Equal(onS1 + 3, await BalanceAsync(app, s1, p.Id));
        await using (var db = app.Db())
        {
            var m = await db.StockMovements.SingleAsync(x => x.DocumentId == id && x.Kind == MovementKind.Correction);
            Assert.Equal((wh, p.Id, 2, number), (m.LocationId, m.ProductId, m.Quantity, m.DocumentNumber));
            var t = await db.Transfers.SingleAsync(x => x.Id == id);
            Assert.Equal(DiscrepancyResolution.ReturnToSource, t.Resolution);
            Assert.Equal(ManagerUser, t.ResolvedBy);
            Assert.Equal("нашлись в машине", t.ResolutionComment);
            Assert.Empty(await StockInvariant.FindMismatchesAsync(db, Ct));
        }

        var again = await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(ManagerUser, sp =>
            sp.GetRequiredService<ResolveTransferDiscrepancy>().HandleAsync(id, DiscrepancyResolution.ReturnToSource, null, Ct)));
        Assert.Contains("уже разобрано", again.Message);
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(AdminUser, sp =>
            sp.GetRequiredService<ResolveTransferDiscrepancy>().HandleAsync(id, DiscrepancyResolution.Loss, null, Ct)));
        Assert.Equal(onWh - 3, await BalanceAsync(app, wh, p.Id));

        var html = WebUtility.HtmlDecode(await (await app.ClientAsync(StorekeeperUser)).GetStringAsync($"/warehouse/transfers/{id}"));
        Assert.Contains("Возвращено на склад-источник", html);
        Assert.DoesNotContain("Вернуть на склад-источник</button>", html);
    }

    [Fact]
    public async Task Loss_is_recorded_without_moving_stock_and_only_a_manager_decides()
    {
        int wh = await LocationIdAsync(app, "WH");
        var p = await ProductAsync(app, 9);
        var id = await ReceivedWithShortageAsync(app, "WH", "S2", p.Id, shipped: 4, received: 3);
        var onWh = await BalanceAsync(app, wh, p.Id);

        var keeper = await app.ClientAsync(StorekeeperUser);
        var page = $"/warehouse/transfers/{id}";
        var html = WebUtility.HtmlDecode(await keeper.GetStringAsync(page));
        Assert.Contains("Расхождение", html);
        Assert.DoesNotContain($"action=\"{page}/resolve\"", html);
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(StorekeeperUser, sp =>
            sp.GetRequiredService<ResolveTransferDiscrepancy>().HandleAsync(id, DiscrepancyResolution.Loss, null, Ct)));
        Assert.Contains(page, await keeper.GetStringAsync("/warehouse/transfers?OpenDiscrepancy=true"));

        var manager = await app.ClientAsync(ManagerUser);
        Assert.Equal(HttpStatusCode.Redirect, (await FormPostAsync(manager, page, $"{page}/resolve", new() { ["how"] = "Loss", ["comment"] = "бой в дороге" })).StatusCode);
        Assert.Equal(onWh, await BalanceAsync(app, wh, p.Id));
        await using var db = app.Db();
        Assert.False(await db.StockMovements.AnyAsync(m => m.DocumentId == id && m.Kind == MovementKind.Correction));
        Assert.Equal(DiscrepancyResolution.Loss, (await db.Transfers.SingleAsync(t => t.Id == id)).Resolution);
        Assert.Contains("Списано как потеря", WebUtility.HtmlDecode(await manager.GetStringAsync(page)));
        Assert.DoesNotContain(page, await keeper.GetStringAsync("/warehouse/transfers?OpenDiscrepancy=true"));
    }

    [Fact]
    public async Task Nothing_to_resolve_without_a_discrepancy()
    {
        var p = await ProductAsync(app, 10);
        var id = await ReceivedWithShortageAsync(app, "WH", "S1", p.Id, shipped: 2, received: 2);
        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(ManagerUser, sp =>
            sp.GetRequiredService<ResolveTransferDiscrepancy>().HandleAsync(id, DiscrepancyResolution.ReturnToSource, null, Ct)));
        Assert.Contains("нет расхождения", e.Message);
    }

    [Fact]
    public async Task In_transit_excel_lists_shipped_lines()
    {
        var p = await ProductAsync(app, 11);
        var id = await NewTransferAsync(app, "WH", "S2", (p.Id, 3));
        await app.AsAsync(AdminUser, sp => sp.GetRequiredService<ShipTransfer>().HandleAsync(id, Ct));
        var resp = await (await app.ClientAsync(StorekeeperUser)).GetAsync("/warehouse/transfers/in-transit.xlsx");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        using var wb = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await resp.Content.ReadAsByteArrayAsync()));
        var ws = wb.Worksheet("В пути");
        var row = ws.RangeUsed()!.RowsUsed().Single(r => r.Cell(7).GetString() == p.Name);
        Assert.Equal(3, row.Cell(8).GetValue<int>());
        Assert.Equal("Центральный склад", row.Cell(4).GetString());
    }
}
