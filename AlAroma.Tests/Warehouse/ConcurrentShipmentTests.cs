using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Warehouse;

/// <summary>Stock never goes negative under concurrent shipments (own class: a fresh database with exactly 10 on hand).</summary>
public class ConcurrentShipmentTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Ten_parallel_shipments_of_three_from_ten_on_hand_exactly_three_succeed()
    {
        int s1 = await LocationIdAsync(app, "S1");
        var p = await ProductAsync(app, 7);
        Assert.Equal(10, await BalanceAsync(app, s1, p.Id));   // the demo chain: 10 of each product at each shop
        var ids = new List<long>();
        for (var i = 0; i < 10; i++) ids.Add(await NewTransferAsync(app, "S1", "S2", (p.Id, 3)));

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = ids.Select(id => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                // Each shipment in its own DI scope (own DbContext, own connection, own transaction).
                await app.AsAsync(StorekeeperUser, sp => sp.GetRequiredService<ShipTransfer>().HandleAsync(id, CancellationToken.None));
                return (Ok: true, Error: (string?)null);
            }
            catch (BusinessRuleException e) { return (Ok: false, Error: e.Message); }
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(tasks);

        Assert.Equal(3, results.Count(r => r.Ok));
        Assert.All(results.Where(r => !r.Ok), r => Assert.Contains("Недостаточно товара", r.Error));
        Assert.Equal(1, await BalanceAsync(app, s1, p.Id));
        await using var db = app.Db();
        Assert.Equal(3, await db.Transfers.CountAsync(t => ids.Contains(t.Id) && t.Status == TransferStatus.Shipped));
        Assert.Equal(7, await db.Transfers.CountAsync(t => ids.Contains(t.Id) && t.Status == TransferStatus.Draft));
        Assert.Equal(-9, await db.StockMovements.Where(m => ids.Contains(m.DocumentId) && m.Kind == MovementKind.TransferOut).SumAsync(m => m.Quantity));
        await AssertInvariantAsync(app);
    }
}
