using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Pos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Customers;

/// <summary>Helpers of the CRM tests: customers arranged straight in the database, and real sales through the till.</summary>
internal static class CustomerCrm
{
    private static int counter;

    /// <summary>A fresh phone "+7926…" no other test uses.</summary>
    public static string NewPhone() => $"+7926{Random.Shared.Next(100, 999)}{Interlocked.Increment(ref counter) % 10000:D4}";

    /// <summary>A customer saved as <paramref name="shape"/> made it, with a fresh phone when none is set.</summary>
    public static async Task<Customer> CustomerAsync(this AppFixture app, Action<Customer>? shape = null, int points = 0)
    {
        await using var db = app.Db();
        var c = new Customer { Phone = NewPhone(), Name = "Клиент " + Interlocked.Increment(ref counter), CreatedAtUtc = DateTime.UtcNow };
        shape?.Invoke(c);
        db.Customers.Add(c);
        await db.SaveChangesAsync();
        if (points != 0)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await PointsLedger.PostAsync(db, c.Id, PointsEntryKind.Accrual, points, null, DateTime.UtcNow, "test", null, default);
            await tx.CommitAsync();
        }
        return c;
    }

    /// <summary>Sells one unit of demo product <paramref name="sku"/> to <paramref name="c"/> at S1 by card, as the demo cashier; the sale's id.</summary>
    public static async Task<long> SellAsync(this AppFixture app, Customer c, string sku = "AA-0004")
    {
        const string cashier = "cashier@alaroma.local";
        int register, productId;
        decimal price;
        await using (var db = app.Db())
        {
            var s1 = await db.Locations.Where(l => l.Code == "S1").Select(l => l.Id).SingleAsync();
            register = await db.Registers.Where(r => r.LocationId == s1).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            var product = await db.Products.SingleAsync(p => p.Sku == sku);
            (productId, price) = (product.Id, product.RetailPrice);
        }
        return await app.AsAsync(cashier, async sp =>
        {
            await using (var db = app.Db())
                if (!await db.Shifts.AnyAsync(s => s.RegisterId == register && s.ClosedAtUtc == null))
                    await sp.GetRequiredService<OpenShift>().HandleAsync(register, 0m, default);
            await sp.GetRequiredService<EditCart>().ClearAsync(register, default);
            await sp.GetRequiredService<TillCustomer>().FindAsync(register, c.Phone, default);
            await sp.GetRequiredService<EditCart>().ChangeAsync(register, productId, 1, default);
            var r = await sp.GetRequiredService<Checkout>().HandleAsync(new CheckoutCommand(register, Guid.NewGuid(), new PaymentInput(PaymentMode.Card, price, null)), default);
            return r.SaleId;
        });
    }
}
