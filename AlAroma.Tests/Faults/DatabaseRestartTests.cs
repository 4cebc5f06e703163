using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.WebRequests;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Faults;

/// <summary>
/// PostgreSQL restarted while ten tills sell: every sale is whole (lines, payment, stock movement, receipt number) or
/// absent, a till that met the outage retries with the same key and gets its sale exactly once, the app recovers
/// without a restart, and /health/ready says 503 while the database is away.
/// </summary>
public sealed class DatabaseRestartTests(RestartableDatabaseFixture app) : IClassFixture<RestartableDatabaseFixture>
{
    private const int Tills = 10;
    private const string Cashier = "cashier@alaroma.local";

    [Fact]
    public async Task Ten_tills_selling_through_a_database_restart_lose_nothing_and_sell_nothing_twice()
    {
        int s1, productId, before;
        var registers = new List<int>();
        await using (var db = app.Db())
        {
            s1 = await db.Locations.Where(l => l.Code == "S1").Select(l => l.Id).SingleAsync();
            for (var i = 0; i < Tills; i++) db.Registers.Add(new Register { LocationId = s1, Name = $"Сбой {i + 1}" });
            await db.SaveChangesAsync();
            registers.AddRange(await db.Registers.Where(r => r.Name.StartsWith("Сбой")).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
            productId = await db.StockBalances.Where(b => b.LocationId == s1).OrderByDescending(b => b.Quantity).Select(b => b.ProductId).FirstAsync();
            await db.StockBalances.Where(b => b.LocationId == s1 && b.ProductId == productId).ExecuteUpdateAsync(u => u.SetProperty(b => b.Quantity, b => b.Quantity + 100_000));
            before = await db.StockBalances.Where(b => b.LocationId == s1 && b.ProductId == productId).Select(b => b.Quantity).SingleAsync();
        }
        foreach (var r in registers) await app.AsAsync(Cashier, sp => sp.GetRequiredService<OpenShift>().HandleAsync(r, 0m, default));

        var completed = new ConcurrentDictionary<Guid, long>();
        var refusals = new ConcurrentBag<string>();
        var attempted = 0;
        var stop = DateTime.UtcNow.AddSeconds(14);
        var tills = registers.Select(register => Task.Run(async () =>
        {
            while (DateTime.UtcNow < stop)
            {
                var key = Guid.NewGuid();
                Interlocked.Increment(ref attempted);
                // The till retries the same receipt (the same key) until it goes through: what the POS does on «Повторите».
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        var sale = await app.AsAsync(Cashier, sp => sp.GetRequiredService<Checkout>().HandleAsync(
                            new CheckoutCommand(register, key, new PaymentInput(PaymentMode.Cash, null, null)), [new CheckoutLine(productId, 1)], default));
                        if (!completed.TryAdd(key, sale.SaleId) && completed[key] != sale.SaleId) throw new InvalidOperationException("one key, two sales");
                        await Task.Delay(150); // the next customer: ten busy tills, not a benchmark (the other suites share the CPU)
                        break;
                    }
                    catch (Exception e) when (e.IsDatabaseUnreachable())
                    {
                        refusals.Add(e.GetBaseException().GetType().Name);
                        if (attempt > 120) throw new TimeoutException("the till could not sell for a minute after the restart", e);
                        await Task.Delay(500);
                    }
                }
            }
        })).ToList();

        // A few seconds of selling, then the server goes down for three seconds and comes back on the same port.
        await Task.Delay(4000);
        using var http = app.Factory.CreateClient();
        app.StopDatabase();
        var down = await http.GetAsync("/health/ready");
        await Task.Delay(3000);
        app.StartDatabase();
        var outage = Stopwatch.StartNew();
        HttpStatusCode ready;
        do ready = (await http.GetAsync("/health/ready")).StatusCode;
        while (ready != HttpStatusCode.OK && outage.Elapsed < TimeSpan.FromSeconds(60));
        await Task.WhenAll(tills);

        await using var check = app.Db();
        var keys = completed.Keys.ToList();
        var sales = await check.Sales.AsNoTracking().Where(s => keys.Contains(s.IdempotencyKey))
            .Select(s => new { s.Id, s.Number, s.Total, Lines = s.Lines.Sum(l => l.Quantity), Paid = s.Payments.Sum(p => p.Amount) }).ToListAsync();
        var ids = sales.Select(s => s.Id).ToList();
        var moved = await check.StockMovements.Where(m => m.Kind == MovementKind.Sale && ids.Contains(m.DocumentId)).SumAsync(m => m.Quantity);
        var after = await check.StockBalances.Where(b => b.LocationId == s1 && b.ProductId == productId).Select(b => b.Quantity).SingleAsync();
        var allSales = await check.Sales.CountAsync(s => registers.Contains(s.RegisterId));
        Console.WriteLine($"[faults] database restart: {attempted} receipts attempted, {completed.Count} completed, {refusals.Count} refusals " +
                          $"({string.Join(", ", refusals.GroupBy(r => r).Select(g => $"{g.Key} × {g.Count()}"))}), {attempted - completed.Count} lost; " +
                          $"ready again {outage.ElapsedMilliseconds} ms after the start");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Equal(attempted, completed.Count);         // nothing lost: every receipt went through in the end
        Assert.Equal(completed.Count, allSales);           // nothing twice, nothing stray
        Assert.Equal(completed.Count, sales.Count);
        Assert.All(sales, s => Assert.True(s.Lines == 1 && s.Paid == s.Total && !s.Number.StartsWith('~'), $"sale {s.Id} is not whole: {s}"));
        Assert.Equal(sales.Count, sales.Select(s => s.Number).Distinct().Count());
        Assert.Equal(-completed.Count, moved);
        Assert.Equal(before - completed.Count, after);
        Assert.NotEmpty(refusals);                          // the restart did hit the tills
    }
}
