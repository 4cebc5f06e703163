using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Customers;

public sealed class CustomerLedgerTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    private async Task<long> NewCustomerAsync(int points = 0)
    {
        using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var c = new Customer { Phone = "+7916" + Random.Shared.Next(1_000_000, 9_999_999), Name = "Тест", CreatedAtUtc = Now };
        db.Customers.Add(c);
        await db.SaveChangesAsync();
        if (points != 0) await InTx(db, () => PointsLedger.PostAsync(db, c.Id, PointsEntryKind.Accrual, points, null, Now, "test", null, default));
        return c.Id;
    }

    private static async Task<T> InTx<T>(AppDbContext db, Func<Task<T>> work)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var r = await work();
        await tx.CommitAsync();
        return r;
    }

    private async Task<T> WithDb<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await InTx(db, () => work(db));
    }

    [Fact]
    public async Task Concurrent_redemptions_never_spend_more_points_than_the_balance()
    {
        var id = await NewCustomerAsync(points: 1000);
        var ok = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            try { await WithDb(db => PointsLedger.RedeemAsync(db, id, 300, null, Now, "test", default)); return true; }
            catch (BusinessRuleException) { return false; }
        }));
        Assert.Equal(3, ok.Count(x => x));
        await using var check = app.Db();
        var c = await check.Customers.SingleAsync(x => x.Id == id);
        Assert.Equal(100, c.PointsBalance);
        Assert.Equal(100, await check.PointsEntries.Where(e => e.CustomerId == id).SumAsync(e => e.Points));
    }

    [Fact]
    public async Task A_reversal_may_go_negative_and_then_redemption_is_blocked()
    {
        var id = await NewCustomerAsync(points: 50);
        Assert.Equal(-30, await WithDb(db => PointsLedger.PostAsync(db, id, PointsEntryKind.Reversal, -80, null, Now, "test", "возврат", default)));
        var ex = await Assert.ThrowsAsync<BusinessRuleException>(() => WithDb(db => PointsLedger.RedeemAsync(db, id, 1, null, Now, "test", default)));
        Assert.Contains("нет баллов", ex.Message);
    }

    [Fact]
    public async Task A_customer_code_works_once_and_not_after_90_seconds()
    {
        var id = await NewCustomerAsync();
        var code = await WithDb(db => CustomerCodes.IssueAsync(db, id, Now, default));
        Assert.Matches("^[0-9]{6}$", code.Code);
        // Two tills type the same code at the same moment: one gets the customer, the other a refusal.
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try { return await WithDb(db => CustomerCodes.RedeemAsync(db, code.Code, Now.AddSeconds(10), default)); }
            catch (BusinessRuleException) { return 0L; }
        }));
        Assert.Single(results, r => r == id);
        Assert.Single(results, r => r == 0);

        var late = await WithDb(db => CustomerCodes.IssueAsync(db, id, Now.AddMinutes(5), default));
        await Assert.ThrowsAsync<BusinessRuleException>(() => WithDb(db => CustomerCodes.RedeemAsync(db, late.Code, Now.AddMinutes(5).AddSeconds(91), default)));
    }

    [Fact]
    public async Task A_new_code_retires_the_previous_one()
    {
        var id = await NewCustomerAsync();
        var first = await WithDb(db => CustomerCodes.IssueAsync(db, id, Now, default));
        var second = await WithDb(db => CustomerCodes.IssueAsync(db, id, Now.AddSeconds(5), default));
        await Assert.ThrowsAsync<BusinessRuleException>(() => WithDb(db => CustomerCodes.RedeemAsync(db, first.Code, Now.AddSeconds(6), default)));
        Assert.Equal(id, await WithDb(db => CustomerCodes.RedeemAsync(db, second.Code, Now.AddSeconds(6), default)));
    }
}
