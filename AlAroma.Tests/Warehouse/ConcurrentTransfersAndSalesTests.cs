using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Warehouse;

/// <summary>
/// Shipments out of a shop and sales at its till race for the same units (own class: a fresh database, 10 on hand).
/// Whatever the interleaving, the balance never goes negative and every unit that left is accounted for once.
/// </summary>
public class ConcurrentTransfersAndSalesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Cashier = "cashier@alaroma.local";

    [Fact]
    public async Task Transfers_and_sales_of_the_same_units_at_once_never_drive_the_balance_negative()
    {
        var s1 = await LocationIdAsync(app, "S1");
        var p = await ProductAsync(app, 3);
        Assert.Equal(10, await BalanceAsync(app, s1, p.Id));
        decimal price;
        int register;
        await using (var db = app.Db())
        {
            price = await db.Products.Where(x => x.Id == p.Id).Select(x => x.RetailPrice).SingleAsync();
            register = await db.Registers.Where(r => r.LocationId == s1).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        }
        await app.AsAsync(Cashier, sp => sp.GetRequiredService<OpenShift>().HandleAsync(register, 1000m, default));
        // Demand of 20 units against 10 on hand: five shipments of 2 and ten single-unit sales.
        var transfers = new List<long>();
        for (var i = 0; i < 5; i++) transfers.Add(await NewTransferAsync(app, "S1", "WH", (p.Id, 2)));

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ships = transfers.Select(id => Task.Run(async () =>
        {
            await start.Task;
            try { await app.AsAsync(StorekeeperUser, sp => sp.GetRequiredService<ShipTransfer>().HandleAsync(id, default)); return 2; }
            catch (BusinessRuleException) { return 0; }
        }));
        var sales = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await app.AsAsync(Cashier, sp => sp.GetRequiredService<Checkout>().HandleAsync(
                    new CheckoutCommand(register, Guid.NewGuid(), new PaymentInput(PaymentMode.Card, price, null)), [new CheckoutLine(p.Id, 1)], default));
                return 1;
            }
            catch (BusinessRuleException) { return 0; }
        }));
        var all = ships.Concat(sales).ToList();
        start.SetResult();
        var moved = (await Task.WhenAll(all)).Sum();

        var left = await BalanceAsync(app, s1, p.Id);
        Assert.InRange(left, 0, 1);         // a single unit may remain when only shipments of 2 were still waiting
        Assert.Equal(10 - left, moved);     // every unit that left was either shipped or sold, once
        await using var check = app.Db();
        var shippedUnits = -await check.StockMovements.Where(m => transfers.Contains(m.DocumentId) && m.Kind == MovementKind.TransferOut).SumAsync(m => m.Quantity);
        var soldUnits = -await check.StockMovements.Where(m => m.LocationId == s1 && m.ProductId == p.Id && m.Kind == MovementKind.Sale).SumAsync(m => m.Quantity);
        Assert.Equal(moved, shippedUnits + soldUnits);
        Assert.Equal(soldUnits, await check.Sales.CountAsync(s => s.Lines.Any(l => l.ProductId == p.Id)));
        await AssertInvariantAsync(app);
    }
}
