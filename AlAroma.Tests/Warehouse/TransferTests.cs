using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Warehouse;

/// <summary>Transfers through the handlers on a real database: ship, receive with a discrepancy, shortages, cancelling, rights.</summary>
public class TransferTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Ship_and_receive_with_a_discrepancy()
    {
        int wh = await LocationIdAsync(app, "WH"), s2 = await LocationIdAsync(app, "S2");
        var a = await ProductAsync(app, 0);
        var b = await ProductAsync(app, 1);
        int whA = await BalanceAsync(app, wh, a.Id), whB = await BalanceAsync(app, wh, b.Id);
        int s2A = await BalanceAsync(app, s2, a.Id), s2B = await BalanceAsync(app, s2, b.Id);
        var id = await NewTransferAsync(app, "WH", "S2", (a.Id, 5), (b.Id, 3));

        var number = await app.AsAsync(StorekeeperUser, sp => sp.GetRequiredService<ShipTransfer>().HandleAsync(id, Ct));
        Assert.Matches($@"^ПМ-{DateTime.UtcNow.Year}-\d{{6}}$", number);
        Assert.Equal(whA - 5, await BalanceAsync(app, wh, a.Id));
        Assert.Equal(whB - 3, await BalanceAsync(app, wh, b.Id));
        Assert.Equal(s2A, await BalanceAsync(app, s2, a.Id));   // in transit: nowhere yet
        await AssertInvariantAsync(app);

        // In transit shows on the destination's stock page.
        var stock = await app.AsAsync(AdminUser, sp => sp.GetRequiredService<ListStockBalances>().HandleAsync(
            new ListStockBalances.Input { LocationId = s2, Q = a.Name }, Ct));
        Assert.Equal(5, stock.Rows.Single(r => r.ProductId == a.Id).InTransit);

        var doc = await app.AsAsync(StorekeeperUser, async sp =>
        {
            var t = (await sp.GetRequiredService<GetTransfer>().HandleAsync(id, Ct))!;
            var lineB = t.Lines.Single(l => l.ProductId == b.Id).Id;
            var (_, discrepancy) = await sp.GetRequiredService<ReceiveTransfer>().HandleAsync(id, new Dictionary<long, int> { [lineB] = 2 }, Ct);
            Assert.True(discrepancy);
            return (await sp.GetRequiredService<GetTransfer>().HandleAsync(id, Ct))!;
        });

        Assert.Equal(TransferStatus.Received, doc.Status);
        Assert.True(doc.HasDiscrepancy);
        Assert.Equal(0, doc.Lines.Single(l => l.ProductId == a.Id).Discrepancy);
        Assert.Equal(1, doc.Lines.Single(l => l.ProductId == b.Id).Discrepancy);
        Assert.Equal(s2A + 5, await BalanceAsync(app, s2, a.Id));
        Assert.Equal(s2B + 2, await BalanceAsync(app, s2, b.Id));
        await using var db = app.Db();
        var moves = await db.StockMovements.Where(m => m.DocumentId == id && m.DocumentNumber == number).ToListAsync();
        Assert.Equal(2, moves.Count(m => m.Kind == MovementKind.TransferOut && m.LocationId == wh && m.Quantity < 0));
        Assert.Equal(7, moves.Where(m => m.Kind == MovementKind.TransferIn && m.LocationId == s2).Sum(m => m.Quantity));
        await AssertInvariantAsync(app);

        // Received once only.
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(AdminUser, sp =>
            sp.GetRequiredService<ReceiveTransfer>().HandleAsync(id, new Dictionary<long, int>(), Ct)));
    }

    [Fact]
    public async Task A_shortage_refuses_the_whole_shipment_naming_the_product_and_what_is_on_hand()
    {
        int s1 = await LocationIdAsync(app, "S1");
        var a = await ProductAsync(app, 2);
        var b = await ProductAsync(app, 3);
        int onA = await BalanceAsync(app, s1, a.Id), onB = await BalanceAsync(app, s1, b.Id);
        var id = await NewTransferAsync(app, "S1", "WH", (a.Id, 1), (b.Id, onB + 1));

        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(AdminUser, sp => sp.GetRequiredService<ShipTransfer>().HandleAsync(id, Ct)));
        Assert.Contains(b.Name, e.Message);
        Assert.Contains($"в наличии {onB} шт.", e.Message);

        Assert.Equal(onA, await BalanceAsync(app, s1, a.Id));     // the line that was available did not move either
        Assert.Equal(onB, await BalanceAsync(app, s1, b.Id));
        await using var db = app.Db();
        Assert.Equal(TransferStatus.Draft, (await db.Transfers.SingleAsync(t => t.Id == id)).Status);
        Assert.False(await db.StockMovements.AnyAsync(m => m.DocumentId == id && m.Kind == MovementKind.TransferOut));
        await AssertInvariantAsync(app);
    }

    [Fact]
    public async Task Only_a_draft_can_be_cancelled()
    {
        var p = await ProductAsync(app, 4);
        var draft = await NewTransferAsync(app, "WH", "S1", (p.Id, 1));
        await app.AsAsync(AdminUser, sp => sp.GetRequiredService<CancelTransfer>().HandleAsync(draft, Ct));
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(AdminUser, sp => sp.GetRequiredService<ShipTransfer>().HandleAsync(draft, Ct)));

        var shipped = await NewTransferAsync(app, "WH", "S1", (p.Id, 1));
        await app.AsAsync(AdminUser, sp => sp.GetRequiredService<ShipTransfer>().HandleAsync(shipped, Ct));
        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(AdminUser, sp => sp.GetRequiredService<CancelTransfer>().HandleAsync(shipped, Ct)));
        Assert.Contains("только черновик", e.Message);

        await using var db = app.Db();
        Assert.Equal(TransferStatus.Cancelled, (await db.Transfers.SingleAsync(t => t.Id == draft)).Status);
        Assert.Equal(TransferStatus.Shipped, (await db.Transfers.SingleAsync(t => t.Id == shipped)).Status);
        await AssertInvariantAsync(app);
    }

    [Fact]
    public async Task A_storekeeper_ships_only_from_and_receives_only_at_their_locations()
    {
        await app.EnsureStorekeeperS1Async();
        var p = await ProductAsync(app, 5);
        int wh = await LocationIdAsync(app, "WH"), s1 = await LocationIdAsync(app, "S1");
        var toS1 = await NewTransferAsync(app, "WH", "S1", (p.Id, 2));
        var onWh = await BalanceAsync(app, wh, p.Id);

        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(StorekeeperS1User, sp => sp.GetRequiredService<ShipTransfer>().HandleAsync(toS1, Ct)));
        Assert.Contains("Центральный склад", e.Message);
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(StorekeeperS1User, sp => sp.GetRequiredService<CancelTransfer>().HandleAsync(toS1, Ct)));
        Assert.Equal(onWh, await BalanceAsync(app, wh, p.Id));

        await app.AsAsync(StorekeeperUser, sp => sp.GetRequiredService<ShipTransfer>().HandleAsync(toS1, Ct));
        var onS1 = await BalanceAsync(app, s1, p.Id);
        await app.AsAsync(StorekeeperS1User, sp => sp.GetRequiredService<ReceiveTransfer>().HandleAsync(toS1, new Dictionary<long, int>(), Ct));
        Assert.Equal(onS1 + 2, await BalanceAsync(app, s1, p.Id));

        // From S1 to S2: S1's storekeeper ships, but may not receive at S2.
        var toS2 = await NewTransferAsync(app, "S1", "S2", (p.Id, 1));
        await app.AsAsync(StorekeeperS1User, sp => sp.GetRequiredService<ShipTransfer>().HandleAsync(toS2, Ct));
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(StorekeeperS1User, sp =>
            sp.GetRequiredService<ReceiveTransfer>().HandleAsync(toS2, new Dictionary<long, int>(), Ct)));
        await AssertInvariantAsync(app);
    }

    [Fact]
    public async Task Same_source_and_destination_is_refused()
    {
        var wh = await LocationIdAsync(app, "WH");
        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(AdminUser, sp => sp.GetRequiredService<CreateTransfer>().HandleAsync(
            new CreateTransfer.Input { FromLocationId = wh, ToLocationId = wh }, Ct)));
        Assert.Contains("отличаться", e.Message);
    }
}
