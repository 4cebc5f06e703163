using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Reports;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Admin.Audit;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.GiftCards;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure.Auditing;
using AlAroma.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Jobs;

/// <summary>Each nightly job called twice as the scheduler would: the first run does the work, the second changes nothing.</summary>
public sealed class NightlyJobsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateTime Now = DateTime.UtcNow;

    private async Task<(JobOutcome First, JobOutcome Second)> RunTwiceAsync<T>(Func<T, Task<JobOutcome>> run) where T : notnull
    {
        JobOutcome first, second;
        using (var scope = app.Scope()) first = await run(scope.ServiceProvider.GetRequiredService<T>());
        using (var scope = app.Scope()) second = await run(scope.ServiceProvider.GetRequiredService<T>());
        return (first, second);
    }

    [Fact]
    public async Task A_certificate_past_its_12_months_burns_what_is_left_once_and_leaves_the_liability_report()
    {
        long oldId, liveId;
        using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var shop = await db.Locations.FirstAsync(l => l.Code == "S1");
            var old = await CertificateLedger.ActivateAsync(db, 3000m, shop.Id, null, Now.AddMonths(-12).AddDays(-1), "test", CancellationToken.None);
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await CertificateLedger.RedeemAsync(db, old.Code, 1000m, null, Now.AddMonths(-6), "test", CancellationToken.None);
                await tx.CommitAsync();
            }
            var fresh = await CertificateLedger.ActivateAsync(db, 2000m, shop.Id, null, Now.AddMonths(-11), "test", CancellationToken.None);
            (oldId, liveId) = (old.Id, fresh.Id);
        }

        var (first, second) = await RunTwiceAsync<ExpireCertificates>(w => w.RunAsync(CancellationToken.None));

        Assert.True(first.Rows >= 1);
        Assert.Contains("Сгорело", first.Summary);
        Assert.Equal(0, second.Rows);
        Assert.Equal("Сертификатов с истёкшим сроком нет", second.Summary);
        await using var check = app.Db();
        var expired = await check.GiftCertificates.Include(c => c.Entries).SingleAsync(c => c.Id == oldId);
        Assert.Equal(CertificateStatus.Expired, expired.Status);
        Assert.Equal(0m, expired.Balance);
        var burn = Assert.Single(expired.Entries, e => e.Kind == CertificateEntryKind.Expire);
        Assert.Equal(-2000m, burn.Amount);
        Assert.Equal(0m, expired.Entries.Sum(e => e.Amount));
        var live = await check.GiftCertificates.SingleAsync(c => c.Id == liveId);
        Assert.Equal((CertificateStatus.Active, 2000m), (live.Status, live.Balance));

        using var scope2 = app.Scope();
        var report = await scope2.ServiceProvider.GetRequiredService<GetCertificateLiability>().HandleAsync(null, CancellationToken.None);
        Assert.Equal(await check.GiftCertificates.Where(c => c.Status == CertificateStatus.Active && c.ExpiresAtUtc > Now).SumAsync(c => c.Balance), report.TotalOutstanding);
        Assert.Equal("Истёк срок", report.Certificates.Single(c => c.Id == oldId).Status);
    }

    [Fact]
    public async Task Points_older_than_12_months_expire_oldest_first_once_taking_only_what_is_left_of_each_accrual()
    {
        long id;
        using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var c = new Customer { Phone = "+7916" + Random.Shared.Next(1_000_000, 9_999_999), Name = "Баллова Бэлла", CreatedAtUtc = Now.AddYears(-2) };
            db.Customers.Add(c);
            await db.SaveChangesAsync();
            id = c.Id;
            await using var tx = await db.Database.BeginTransactionAsync();
            await PointsLedger.PostAsync(db, id, PointsEntryKind.Accrual, 100, null, Now.AddMonths(-14), "test", null, CancellationToken.None); // expired 2 months ago
            await PointsLedger.PostAsync(db, id, PointsEntryKind.Accrual, 50, null, Now.AddMonths(-13), "test", null, CancellationToken.None);  // expired a month ago
            await PointsLedger.PostAsync(db, id, PointsEntryKind.Accrual, 80, null, Now.AddMonths(-6), "test", null, CancellationToken.None);   // still alive
            await PointsLedger.RedeemAsync(db, id, 120, null, Now.AddMonths(-13).AddDays(5), "test", CancellationToken.None);                // 100 from the first, 20 from the second
            await tx.CommitAsync();
        }

        var (first, second) = await RunTwiceAsync<ExpirePoints>(w => w.RunAsync(CancellationToken.None));

        Assert.True(first.Rows >= 1);
        Assert.Equal(0, second.Rows);
        Assert.Equal("Сгоревших баллов нет", second.Summary);
        await using var check = app.Db();
        var expiry = Assert.Single(await check.PointsEntries.Where(e => e.CustomerId == id && e.Kind == PointsEntryKind.Expiry).ToListAsync());
        Assert.Equal(-30, expiry.Points); // what was left of the second accrual; the first had been spent whole
        Assert.Equal(80, (await check.Customers.SingleAsync(c => c.Id == id)).PointsBalance);
        Assert.Equal(80, expiry.BalanceAfter);
    }

    [Fact]
    public async Task Levels_follow_12_month_purchases_net_of_returns_and_a_second_run_changes_nothing()
    {
        long fell, lapsed, kept;
        await using (var db = app.Db())
        {
            var shop = await db.Locations.SingleAsync(l => l.Code == "S1");
            var product = await db.Products.OrderBy(p => p.Id).FirstAsync();
            var shift = await SalesReportFixture.OpenShiftAsync(db, shop, Now.AddMonths(-14));
            Customer New(string name, LoyaltyLevel level) => new() { Phone = "+7916" + Random.Shared.Next(1_000_000, 9_999_999), Name = name, Level = level, CreatedAtUtc = Now.AddYears(-2) };
            var (a, b, c) = (New("Возвратова Вера", LoyaltyLevel.Silver), New("Давнова Дина", LoyaltyLevel.Silver), New("Щедрова Щука", LoyaltyLevel.Gold));
            db.Customers.AddRange(a, b, c);
            await db.SaveChangesAsync();
            Sale Sold(Customer who, DateTime at, decimal total)
            {
                var s = SalesReportFixture.NewSale(shop, shift, "T-" + Guid.NewGuid().ToString("N")[..10], at, "test", "Тест", [(product, 1, total, 0m)], (PaymentMethod.Card, total, null));
                s.CustomerId = who.Id;
                return s;
            }
            var returnedFrom = Sold(a, Now.AddMonths(-2), 20_000m);                 // 20 000 bought, 6 000 returned: 14 000 < 15 000
            db.Sales.AddRange(returnedFrom, Sold(b, Now.AddMonths(-13), 16_000m),   // bought over a year ago: no longer counts
                Sold(c, Now.AddMonths(-3), 60_000m));                               // still Gold
            await db.SaveChangesAsync();
            db.SaleReturns.Add(new SaleReturn
            {
                Number = "T-V" + Guid.NewGuid().ToString("N")[..8], SaleId = returnedFrom.Id, LocationId = shop.Id, RegisterId = shift.RegisterId, ShiftId = shift.Id,
                CashierName = "Тест", CreatedAtUtc = Now.AddMonths(-1), IdempotencyKey = Guid.NewGuid(), Total = 6_000m,
            });
            await db.SaveChangesAsync();
            (fell, lapsed, kept) = (a.Id, b.Id, c.Id);
        }

        var (first, second) = await RunTwiceAsync<RecalculateLevels>(w => w.RunAsync(CancellationToken.None));

        Assert.True(first.Rows >= 2);
        Assert.Contains("Понижен уровень", first.Summary);
        Assert.Equal((0, "Уровни клиентов не изменились"), (second.Rows, second.Summary));
        await using var check = app.Db();
        var levels = await check.Customers.Where(x => x.Id == fell || x.Id == lapsed || x.Id == kept).ToDictionaryAsync(x => x.Id, x => x.Level);
        Assert.Equal(LoyaltyLevel.Standard, levels[fell]);
        Assert.Equal(LoyaltyLevel.Standard, levels[lapsed]);
        Assert.Equal(LoyaltyLevel.Gold, levels[kept]);
    }

    [Fact]
    public async Task Audit_entries_older_than_90_days_are_deleted_once_and_newer_ones_stay()
    {
        await using (var db = app.Db())
        {
            db.AuditEntries.AddRange(
                new AuditEntry { AtUtc = Now.AddDays(-91), UserName = "test", Action = "Update", Entity = "JobsTest", Key = "old" },
                new AuditEntry { AtUtc = Now.AddDays(-89), UserName = "test", Action = "Update", Entity = "JobsTest", Key = "recent" });
            await db.SaveChangesAsync();
        }

        var (first, second) = await RunTwiceAsync<PurgeAuditEntries>(w => w.RunAsync(CancellationToken.None));

        Assert.True(first.Rows >= 1);
        Assert.Contains("Удалено", first.Summary);
        Assert.Equal((0, "Записей старше 90 дней нет"), (second.Rows, second.Summary));
        await using var check = app.Db();
        Assert.Equal(["recent"], await check.AuditEntries.Where(a => a.Entity == "JobsTest").Select(a => a.Key).ToListAsync());
    }
}
