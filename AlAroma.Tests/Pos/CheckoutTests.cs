using AlAroma.Web.Infrastructure.Auditing;
using AlAroma.Web.Features.Warehouse.Stocks;
using System.Security.Claims;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Pos;

public class CheckoutTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<(int ShopId, int ProductId, decimal Price)> ProductAsync(int index, int leaveOnHand)
    {
        await using var db = app.Db();
        var shop = await db.Locations.SingleAsync(l => l.Code == "S1");
        var p = await db.Products.OrderBy(x => x.Id).Skip(index).FirstAsync();
        var onHand = await db.StockBalances.Where(b => b.LocationId == shop.Id && b.ProductId == p.Id).Select(b => b.Quantity).SingleAsync();
        if (onHand != leaveOnHand)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await StockLedger.ApplyAsync(db, [new StockChange(shop.Id, p.Id, leaveOnHand - onHand)], MovementKind.Correction, "TEST", 0, DateTime.UtcNow, "test", default);
            await tx.CommitAsync();
        }
        return (shop.Id, p.Id, p.RetailPrice);
    }

    private async Task<long> OpenShiftAsync(ClaimsPrincipal user, int registerId, decimal openingFloat)
    {
        using var scope = app.Scope().As(user);
        return await scope.ServiceProvider.GetRequiredService<OpenShift>().HandleAsync(registerId, openingFloat, default);
    }

    private async Task<CheckoutResult> SellAsync(ClaimsPrincipal user, int registerId, Guid key, PaymentInput pay, params CheckoutLine[] lines)
    {
        using var scope = app.Scope().As(user);
        return await scope.ServiceProvider.GetRequiredService<Checkout>().HandleAsync(new CheckoutCommand(registerId, key, pay), lines, default);
    }

    [Fact]
    public async Task Thirty_concurrent_checkouts_of_five_on_hand_sell_exactly_five_and_the_rest_write_nothing()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await PosTestUsers.RegisterIdAsync(app, "S1", "Касса 1");
        await EnsureShiftAsync(cashier, register);
        var (shopId, productId, price) = await ProductAsync(0, leaveOnHand: 5);
        var keys = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();

        var outcomes = await Task.WhenAll(keys.Select(key => Task.Run(async () =>
        {
            try { return (object)await SellAsync(cashier, register, key, new PaymentInput(PaymentMode.Card, price, null), new CheckoutLine(productId, 1)); }
            catch (Exception e) { return e; }
        })));

        Assert.Equal(5, outcomes.OfType<CheckoutResult>().Count());
        Assert.Equal(25, outcomes.OfType<BusinessRuleException>().Count());
        Assert.DoesNotContain(outcomes, o => o is Exception and not BusinessRuleException);
        await using var db = app.Db();
        Assert.Equal(0, await db.StockBalances.Where(b => b.LocationId == shopId && b.ProductId == productId).Select(b => b.Quantity).SingleAsync());
        Assert.Empty(await StockInvariant.FindMismatchesAsync(db, default));
        var sales = await db.Sales.Where(s => keys.Contains(s.IdempotencyKey)).Include(s => s.Payments).ToListAsync();
        Assert.Equal(5, sales.Count);
        Assert.Equal(5, sales.SelectMany(s => s.Payments).Count());
        Assert.Equal(5, sales.Select(s => s.Number).Distinct().Count());
        Assert.All(sales, s => Assert.StartsWith("S1-", s.Number));
        Assert.Equal(5, await db.StockMovements.CountAsync(m => m.ProductId == productId && m.Kind == MovementKind.Sale));

        // Numbers are taken last, so the 25 refused sales took none: the five are consecutive and the counter ends at the last.
        var numbers = sales.Select(s => int.Parse(s.Number["S1-".Length..])).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], 5), numbers);
        Assert.Equal(numbers[^1], await db.Set<DocumentCounter>().Where(c => c.Key == "receipt-S1").Select(c => c.LastValue).SingleAsync());
        // Every ledger row of a sale carries the receipt's final number, not the provisional one.
        var ledger = await db.StockMovements.Where(m => m.ProductId == productId && m.Kind == MovementKind.Sale).Select(m => m.DocumentNumber).ToListAsync();
        Assert.Equal(sales.Select(s => s.Number).Order(), ledger.Order());
        // ...and the audit log records the number given to each sale.
        var saleKeys = sales.Select(s => s.Id.ToString()).ToList();
        var numbered = await db.Set<AuditEntry>().Where(a => a.Entity == "Sale" && a.Action == "Update" && saleKeys.Contains(a.Key)).Select(a => a.NewValues!).ToListAsync();
        Assert.Equal(sales.Select(s => $"{{\"Number\": \"{s.Number}\"}}").Order(), numbered.Order());
    }

    [Fact]
    public async Task The_same_checkout_submitted_five_times_at_once_makes_one_sale()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await PosTestUsers.RegisterIdAsync(app, "S1", "Касса 1");
        await EnsureShiftAsync(cashier, register);
        var (shopId, productId, price) = await ProductAsync(1, leaveOnHand: 10);
        var key = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() =>
            SellAsync(cashier, register, key, new PaymentInput(PaymentMode.Cash, null, price * 2 + 100), new CheckoutLine(productId, 2)))));

        Assert.Single(results.Select(r => r.Number).Distinct());
        Assert.Single(results.Select(r => r.SaleId).Distinct());
        Assert.Equal(4, results.Count(r => r.Repeated));
        Assert.All(results, r => Assert.Equal(100m, r.Change));
        await using var db = app.Db();
        Assert.Equal(1, await db.Sales.CountAsync(s => s.IdempotencyKey == key));
        Assert.Equal(8, await db.StockBalances.Where(b => b.LocationId == shopId && b.ProductId == productId).Select(b => b.Quantity).SingleAsync());
        Assert.Empty(await StockInvariant.FindMismatchesAsync(db, default));
    }

    [Fact]
    public async Task The_cart_is_sold_once_and_emptied_even_when_submitted_twice_at_once()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await PosTestUsers.RegisterIdAsync(app, "S1", "Касса 1");
        await EnsureShiftAsync(cashier, register);
        var (shopId, productId, price) = await ProductAsync(2, leaveOnHand: 10);
        using (var scope = app.Scope().As(cashier))
        {
            var cart = scope.ServiceProvider.GetRequiredService<EditCart>();
            await cart.ChangeAsync(register, productId, 1, default);
            await cart.ChangeAsync(register, productId, 2, default);
        }
        var key = Guid.NewGuid();
        async Task<CheckoutResult> Submit()
        {
            using var scope = app.Scope().As(cashier);
            return await scope.ServiceProvider.GetRequiredService<Checkout>()
                .HandleAsync(new CheckoutCommand(register, key, new PaymentInput(PaymentMode.Card, price * 3, null), price * 3), default);
        }

        var results = await Task.WhenAll(Task.Run(Submit), Task.Run(Submit));

        Assert.Single(results.Select(r => r.SaleId).Distinct());
        await using var db = app.Db();
        var sale = await db.Sales.Include(s => s.Lines).SingleAsync(s => s.IdempotencyKey == key);
        Assert.Equal(3, Assert.Single(sale.Lines).Quantity);
        Assert.Equal(price * 3, sale.Total);
        Assert.False(await db.Set<PosCartLine>().AnyAsync(l => db.PosCarts.Any(c => c.Id == l.CartId && c.RegisterId == register)));
        Assert.Equal(7, await db.StockBalances.Where(b => b.LocationId == shopId && b.ProductId == productId).Select(b => b.Quantity).SingleAsync());
    }

    [Fact]
    public async Task Nobody_sells_without_an_open_shift_of_their_own()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var seller = await app.PrincipalAsync("seller@alaroma.local");
        var manager = await app.PrincipalAsync("manager@alaroma.local");
        var s2Register = await PosTestUsers.RegisterIdAsync(app, "S2", "Касса 1");
        var (_, productId, price) = await ProductAsync(3, leaveOnHand: 10);
        var pay = new PaymentInput(PaymentMode.Card, price, null);

        var noShift = await Assert.ThrowsAsync<BusinessRuleException>(() => SellAsync(manager, s2Register, Guid.NewGuid(), pay, new CheckoutLine(productId, 1)));
        Assert.Contains("не открыта", noShift.Message);
        // A cashier of S1 may not even use a register of S2.
        await Assert.ThrowsAsync<BusinessRuleException>(() => OpenShiftAsync(cashier, s2Register, 0));

        var register = await PosTestUsers.RegisterIdAsync(app, "S1", "Касса 1");
        await EnsureShiftAsync(cashier, register);
        var other = await Assert.ThrowsAsync<BusinessRuleException>(() => SellAsync(seller, register, Guid.NewGuid(), pay, new CheckoutLine(productId, 1)));
        Assert.Contains("Кассирова", other.Message);
        var twice = await Assert.ThrowsAsync<BusinessRuleException>(() => OpenShiftAsync(seller, register, 100));
        Assert.Contains("уже открыта", twice.Message);

        await using var db = app.Db();
        Assert.False(await db.Sales.AnyAsync(s => s.Lines.Any(l => l.ProductId == productId)));
    }

    [Fact]
    public async Task Z_report_shows_the_figures_of_the_shift_and_the_cash_discrepancy()
    {
        var seller = await app.PrincipalAsync("seller@alaroma.local");
        var register = await PosTestUsers.RegisterIdAsync(app, "S1", "Касса 2");
        var shiftId = await OpenShiftAsync(seller, register, 1000m);
        var (_, a, priceA) = await ProductAsync(4, 10);
        var (_, b, priceB) = await ProductAsync(5, 10);

        await SellAsync(seller, register, Guid.NewGuid(), new PaymentInput(PaymentMode.Cash, null, priceA + 10), new CheckoutLine(a, 1));
        await SellAsync(seller, register, Guid.NewGuid(), new PaymentInput(PaymentMode.Card, priceB * 2, null), new CheckoutLine(b, 2));
        await SellAsync(seller, register, Guid.NewGuid(), new PaymentInput(PaymentMode.Mixed, 500m, priceA + priceB - 500m), new CheckoutLine(a, 1), new CheckoutLine(b, 1));
        var revenue = priceA + priceB * 2 + priceA + priceB;
        var cashIn = priceA + (priceA + priceB - 500m);
        var expected = 1000m + cashIn;

        using (var scope = app.Scope().As(seller))
            await scope.ServiceProvider.GetRequiredService<CloseShift>().HandleAsync(shiftId, expected - 50m, default);

        using (var scope = app.Scope().As(seller))
        {
            var z = await scope.ServiceProvider.GetRequiredService<GetShiftReport>().HandleAsync(shiftId, default);
            Assert.NotNull(z);
            Assert.Equal("Z-отчёт", z.Title);
            Assert.Equal(3, z.Figures.Receipts);
            Assert.Equal(revenue, z.Figures.Revenue);
            Assert.Equal(cashIn, z.Figures.Of(PaymentMethod.Cash));
            Assert.Equal(priceB * 2 + 500m, z.Figures.Of(PaymentMethod.Card));
            Assert.Equal(10m, z.Figures.ChangeGiven);
            Assert.Equal(Money.Round(revenue / 3), z.Figures.AverageReceipt);
            Assert.Equal(expected, z.Shift.ExpectedCash);
            Assert.Equal(-50m, z.Shift.Discrepancy);
            Assert.False(z.MayClose);
        }
        var closed = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            SellAsync(seller, register, Guid.NewGuid(), new PaymentInput(PaymentMode.Card, priceA, null), new CheckoutLine(a, 1)));
        Assert.Contains("не открыта", closed.Message);
    }

    private async Task EnsureShiftAsync(ClaimsPrincipal user, int registerId)
    {
        await using var db = app.Db();
        if (!await db.Shifts.AnyAsync(s => s.RegisterId == registerId && s.ClosedAtUtc == null)) await OpenShiftAsync(user, registerId, 5000m);
    }
}
