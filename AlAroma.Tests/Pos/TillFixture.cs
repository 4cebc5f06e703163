using Microsoft.AspNetCore.TestHost;
using System.Security.Claims;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Features.Promotions.Engine;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Pos;

/// <summary>Promotions the till sees in tests; set per test (tests of a class run one after another).</summary>
public sealed class FakePromotions : IActivePromotions
{
    public IReadOnlyList<Promotion> Current { get; set; } = [];

    public Task<IReadOnlyList<Promotion>> ForAsync(DateOnly localDate, int locationId, CancellationToken ct) => Task.FromResult(Current);
}

/// <summary>The app with <see cref="FakePromotions"/> in place of the default (empty) promotions, plus till helpers.</summary>
public class TillFixture : AppFixture, IAsyncLifetime
{
    private static int phoneCounter;

    public FakePromotions Promotions { get; } = new();
    public WebApplicationFactory<Program> Till { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await BeforeStartAsync();
        await InitializeAsync();
        Till = Factory.WithWebHostBuilder(b =>
        {
            b.ConfigureTestServices(s => s.AddSingleton<IActivePromotions>(Promotions));
            ConfigureTill(b);
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Till.DisposeAsync();
        await DisposeAsync();
        await AfterStopAsync();
    }

    /// <summary>What a derived fixture starts before the app (a fake provider the settings point at).</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    /// <summary>What a derived fixture stops after the app.</summary>
    protected virtual Task AfterStopAsync() => Task.CompletedTask;

    /// <summary>Settings a derived fixture adds to <see cref="Till"/>.</summary>
    protected virtual void ConfigureTill(Microsoft.AspNetCore.Hosting.IWebHostBuilder b) { }

    /// <summary>Runs <paramref name="action"/> in a scope of the app with fake promotions, as <paramref name="user"/>.</summary>
    public async Task<T> AsAsync<T>(ClaimsPrincipal user, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Till.Services.CreateScope().As(user);
        return await action(scope.ServiceProvider);
    }

    /// <summary>Same without a result.</summary>
    public Task AsAsync(ClaimsPrincipal user, Func<IServiceProvider, Task> action) => AsAsync(user, async sp => { await action(sp); return 0; });

    /// <summary>The register with an open shift of <paramref name="user"/> and an empty cart.</summary>
    public async Task<int> TillAsync(ClaimsPrincipal user, string registerName)
    {
        var register = await PosTestUsers.RegisterIdAsync(this, "S1", registerName);
        await using (var db = Db())
        {
            if (!await db.Shifts.AnyAsync(s => s.RegisterId == register && s.ClosedAtUtc == null))
                await AsAsync(user, sp => sp.GetRequiredService<OpenShift>().HandleAsync(register, 1000m, default));
        }
        await AsAsync(user, sp => sp.GetRequiredService<EditCart>().ClearAsync(register, default));
        return register;
    }

    /// <summary>Products of the demo catalog by position (id order), with their retail price.</summary>
    public async Task<(int Id, decimal Price)[]> ProductsAsync(int skip, int count)
    {
        await using var db = Db();
        return (await db.Products.OrderBy(p => p.Id).Skip(skip).Take(count).Select(p => new { p.Id, p.RetailPrice }).ToListAsync())
            .Select(p => (p.Id, p.RetailPrice)).ToArray();
    }

    /// <summary>A new customer with a fresh phone, <paramref name="points"/> on the balance (a gift entry).</summary>
    public async Task<Customer> CustomerAsync(int points = 0, DateOnly? birthday = null, DateTime? birthdaySetAtUtc = null)
    {
        var n = Interlocked.Increment(ref phoneCounter);
        await using var db = Db();
        var c = new Customer
        {
            Phone = $"+7916{Random.Shared.Next(100, 999)}{n:D4}", Name = $"Клиент {n}", CreatedAtUtc = DateTime.UtcNow,
            Birthday = birthday, BirthdaySetAtUtc = birthdaySetAtUtc,
        };
        db.Customers.Add(c);
        await db.SaveChangesAsync();
        if (points > 0)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await PointsLedger.PostAsync(db, c.Id, PointsEntryKind.Gift, points, null, DateTime.UtcNow, "test", null, default);
            await tx.CommitAsync();
        }
        return c;
    }

    /// <summary>Puts the customer on the receipt of <paramref name="register"/> by phone.</summary>
    public Task AttachAsync(ClaimsPrincipal user, int register, Customer c) =>
        AsAsync(user, sp => sp.GetRequiredService<TillCustomer>().FindAsync(register, c.Phone, default));

    /// <summary>Adds products (id, quantity) to the cart.</summary>
    public Task AddAsync(ClaimsPrincipal user, int register, params (int Id, int Qty)[] lines) =>
        AsAsync(user, async sp =>
        {
            foreach (var (id, qty) in lines) await sp.GetRequiredService<EditCart>().ChangeAsync(register, id, qty, default);
        });

    /// <summary>The till's cart as shown.</summary>
    public Task<GetTill.CartView> CartAsync(ClaimsPrincipal user, int register) =>
        AsAsync(user, async sp => (await sp.GetRequiredService<GetTill>().HandleAsync(register, default))!.Cart);

    /// <summary>Sells the cart.</summary>
    public Task<CheckoutResult> PayAsync(ClaimsPrincipal user, int register, PaymentInput pay) =>
        AsAsync(user, sp => sp.GetRequiredService<Checkout>().HandleAsync(new CheckoutCommand(register, Guid.NewGuid(), pay), default));

    /// <summary>The written sale with lines, explanations and payments.</summary>
    public async Task<Sale> SaleAsync(long id)
    {
        await using var db = Db();
        return await db.Sales.Include(s => s.Lines).ThenInclude(l => l.Discounts).Include(s => s.Payments).SingleAsync(s => s.Id == id);
    }

    /// <summary>The customer as stored now.</summary>
    public async Task<Customer> ReloadAsync(Customer c)
    {
        await using var db = Db();
        return await db.Customers.SingleAsync(x => x.Id == c.Id);
    }
}
