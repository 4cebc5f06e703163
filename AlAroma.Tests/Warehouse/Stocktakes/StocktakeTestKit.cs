using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Pos;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Features.Warehouse.Stocktakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Warehouse.Stocktakes;

/// <summary>Arrangements of the stocktake tests: balances, a fresh stocktake, counts as a given user, a POS sale.</summary>
internal static class StocktakeTestKit
{
    public const string ManagerUser = "manager@alaroma.local";

    /// <summary>Sets the balance of (location, product) to exactly <paramref name="quantity"/> through a Correction movement.</summary>
    public static async Task SetBalanceAsync(AppFixture app, int locationId, int productId, int quantity)
    {
        await using var db = app.Db();
        var onHand = await db.StockBalances.Where(b => b.LocationId == locationId && b.ProductId == productId).Select(b => b.Quantity).FirstOrDefaultAsync();
        if (onHand == quantity) return;
        await using var tx = await db.Database.BeginTransactionAsync();
        await StockLedger.ApplyAsync(db, [new StockChange(locationId, productId, quantity - onHand)], MovementKind.Correction, "TEST", 0, DateTime.UtcNow, "test", default);
        await tx.CommitAsync();
    }

    /// <summary>A new stocktake at <paramref name="locationCode"/> (an open one left there by another test is cancelled first).</summary>
    public static async Task<long> NewStocktakeAsync(AppFixture app, string locationCode, StocktakeScope scope = StocktakeScope.Full,
        string[]? values = null, string email = StorekeeperUser)
    {
        var locationId = await LocationIdAsync(app, locationCode);
        await using (var db = app.Db())
            await db.Database.ExecuteSqlAsync($"UPDATE stocktakes SET status = 'Cancelled' WHERE location_id = {locationId} AND status IN ('Counting', 'Review')");
        return await app.AsAsync(email, sp => sp.GetRequiredService<CreateStocktake>().HandleAsync(new CreateStocktake.Input
        {
            LocationId = locationId, Scope = scope,
            Brands = scope == StocktakeScope.Brands ? [.. values!] : [], Categories = scope == StocktakeScope.Categories ? [.. values!] : [],
        }, default));
    }

    /// <summary>Scans <paramref name="barcode"/> <paramref name="times"/> times as <paramref name="email"/>.</summary>
    public static Task ScanAsync(AppFixture app, long id, string barcode, int times = 1, string email = StorekeeperUser) =>
        app.AsAsync(email, async sp =>
        {
            for (var i = 0; i < times; i++) await sp.GetRequiredService<RecordCount>().ScanAsync(id, barcode, null, default);
        });

    /// <summary>Runs a handler of the stocktake as <paramref name="email"/>.</summary>
    public static Task<T> AsAsync<T>(AppFixture app, string email, Func<IServiceProvider, Task<T>> act) => app.AsAsync(email, act);

    /// <summary>Sells <paramref name="quantity"/> units at S1 through the POS checkout handler (cashier, register "Касса 1", card).</summary>
    public static async Task SellAtS1Async(AppFixture app, int productId, int quantity)
    {
        var cashier = await app.PrincipalAsync(CashierUser);
        var register = await PosTestUsers.RegisterIdAsync(app, "S1", "Касса 1");
        await using (var db = app.Db())
        {
            if (!await db.Shifts.AnyAsync(s => s.RegisterId == register && s.ClosedAtUtc == null))
            {
                using var open = app.Scope().As(cashier);
                await open.ServiceProvider.GetRequiredService<OpenShift>().HandleAsync(register, 5000m, default);
            }
        }
        decimal price;
        await using (var db = app.Db()) price = await db.Products.Where(p => p.Id == productId).Select(p => p.RetailPrice).SingleAsync();
        using var scope = app.Scope().As(cashier);
        await scope.ServiceProvider.GetRequiredService<Checkout>().HandleAsync(
            new CheckoutCommand(register, Guid.NewGuid(), new PaymentInput(PaymentMode.Card, price * quantity, null)),
            [new CheckoutLine(productId, quantity)], default);
    }
}
