using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.GiftCards;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.GiftCards;

public sealed class CertificateLedgerTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    private async Task<GiftCertificate> IssueAsync(decimal nominal)
    {
        using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var shop = await db.Locations.FirstAsync(l => l.Code == "S1");
        return await CertificateLedger.ActivateAsync(db, nominal, shop.Id, null, Now, "test", CancellationToken.None);
    }

    private async Task<decimal> RedeemAsync(string code, decimal amount, DateTime? at = null)
    {
        using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var (_, left) = await CertificateLedger.RedeemAsync(db, code, amount, null, at ?? Now.AddDays(1), "test", CancellationToken.None);
        await tx.CommitAsync();
        return left;
    }

    [Fact]
    public async Task Partial_redemptions_keep_the_remainder_and_the_ledger_records_each_balance()
    {
        var cert = await IssueAsync(3000m);
        Assert.Equal(1800m, await RedeemAsync(cert.Code, 1200m));
        Assert.Equal(0m, await RedeemAsync(CertificateCode.Format(cert.Code), 1800m)); // the printed form is accepted too
        await using var db = app.Db();
        var entries = await db.GiftCertificateEntries.Where(e => e.CertificateId == cert.Id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([3000m, 1800m, 0m], entries.Select(e => e.BalanceAfter));
        Assert.Equal(0m, entries.Sum(e => e.Amount));
    }

    [Fact]
    public async Task An_empty_expired_mistyped_or_overdrawn_certificate_is_refused_with_the_reason()
    {
        var cert = await IssueAsync(1000m);
        var ex = await Assert.ThrowsAsync<BusinessRuleException>(() => RedeemAsync(cert.Code, 1000.01m));
        Assert.Contains("1\u202F000,00", ex.Message);
        var typo = cert.Code[..12] + (char)('0' + (cert.Code[12] - '0' + 1) % 10);
        Assert.Contains("с ошибкой", (await Assert.ThrowsAsync<BusinessRuleException>(() => RedeemAsync(typo, 10m))).Message);
        Assert.Contains("истёк", (await Assert.ThrowsAsync<BusinessRuleException>(() => RedeemAsync(cert.Code, 10m, Now.AddMonths(12).AddMinutes(1)))).Message);
        await RedeemAsync(cert.Code, 1000m);
        Assert.Contains("использован полностью", (await Assert.ThrowsAsync<BusinessRuleException>(() => RedeemAsync(cert.Code, 1m))).Message);
    }

    [Fact]
    public async Task Two_tills_spending_the_same_code_at_once_never_take_more_than_the_balance()
    {
        var cert = await IssueAsync(5000m);
        // 20 tills try to take 700 ₽ each at the same moment: 7 fit into 5 000 ₽ (4 900 ₽), 13 are refused.
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try { await RedeemAsync(cert.Code, 700m); return true; }
            catch (BusinessRuleException) { return false; }
        }));
        Assert.Equal(7, results.Count(ok => ok));
        await using var db = app.Db();
        var fresh = await db.GiftCertificates.Include(c => c.Entries).SingleAsync(c => c.Id == cert.Id);
        Assert.Equal(100m, fresh.Balance);
        Assert.Equal(fresh.Balance, fresh.Entries.Sum(e => e.Amount));
        Assert.Equal(8, fresh.Entries.Count);
    }

    [Fact]
    public async Task A_refund_never_lifts_the_balance_above_the_nominal()
    {
        var cert = await IssueAsync(1000m);
        await RedeemAsync(cert.Code, 400m);
        using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        Assert.Equal(1000m, await CertificateLedger.RefundAsync(db, cert.Id, 400m, null, Now, "test", CancellationToken.None));
        await Assert.ThrowsAsync<BusinessRuleException>(() => CertificateLedger.RefundAsync(db, cert.Id, 0.01m, null, Now, "test", CancellationToken.None));
    }
}

public sealed class CertificateBackOfficeTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_manager_sees_the_outstanding_liability_and_each_certificates_ledger()
    {
        long id;
        using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var s1 = await db.Locations.FirstAsync(l => l.Code == "S1");
            var now = DateTime.UtcNow;
            var a = await CertificateLedger.ActivateAsync(db, 3000m, s1.Id, null, now, "test", default);
            await CertificateLedger.ActivateAsync(db, 1000m, s1.Id, null, now, "test", default);
            await using var tx = await db.Database.BeginTransactionAsync();
            await CertificateLedger.RedeemAsync(db, a.Code, 1200m, null, now, "test", default);
            await tx.CommitAsync();
            id = a.Id;
        }
        var manager = await app.ClientAsync("manager@alaroma.local");
        var html = System.Net.WebUtility.HtmlDecode(await manager.GetStringAsync("/giftcards"));
        Assert.Contains("2\u202F800,00", html); // 1 800 left on the first + 1 000 on the second

        var card = System.Net.WebUtility.HtmlDecode(await manager.GetStringAsync($"/giftcards/{id}"));
        Assert.Contains("Оплата покупки", card);
        Assert.Contains("1\u202F800,00", card);

        var xlsx = await manager.GetAsync("/giftcards/liability.xlsx");
        using var wb = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var ws = wb.Worksheet("По магазинам");
        var totals = ws.Column(1).CellsUsed().Single(c => c.GetString() == "Итого").Address.RowNumber;
        Assert.Equal(2800m, ws.Cell(totals, 4).GetValue<decimal>());
    }
}
