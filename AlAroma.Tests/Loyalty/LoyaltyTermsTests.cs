using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Pos;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Loyalty.Settings;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Loyalty;

/// <summary>Dated programme terms (issue 12): a version applies to sales from its day, history is kept, the level is net of returns.</summary>
public class LoyaltyTermsTests(TillFixture app) : IClassFixture<TillFixture>
{
    private static DateOnly Today => LocalTime.Today(DateTimeOffset.UtcNow);

    [Fact]
    public void The_initial_terms_are_consistent_and_a_manager_s_typos_are_named_field_by_field()
    {
        Assert.Empty(new LoyaltyTerms().Mistakes());
        var bad = new LoyaltyTerms { SilverFrom = 60_000m, GoldFrom = 50_000m, SilverPointsPer100 = 0, MaxRedeemPercent = 120, PointsLifetimeMonths = 0 };
        var fields = bad.Mistakes().Select(m => m.Field).ToList();
        Assert.Equal(["GoldFrom", "SilverPointsPer100", "MaxRedeemPercent", "PointsLifetimeMonths"], fields);
        Assert.Equal(0.30m, new LoyaltyTerms().Rules.MaxRedeemShare);
    }

    [Fact]
    public void The_version_in_force_is_the_last_that_started()
    {
        LoyaltyTerms[] versions = [new() { Id = 1, EffectiveFrom = new(2000, 1, 1) }, new() { Id = 2, EffectiveFrom = new(2026, 6, 1) }, new() { Id = 3, EffectiveFrom = new(2027, 1, 1) }];
        Assert.Equal(1, LoyaltyTermsStore.InForce(versions, new(2026, 5, 31)).Id);
        Assert.Equal(2, LoyaltyTermsStore.InForce(versions, new(2026, 6, 1)).Id);
        Assert.Equal(3, LoyaltyTermsStore.InForce(versions, new(2027, 3, 1)).Id);
    }

    [Fact]
    public async Task A_sale_accrues_under_the_terms_of_its_day_and_the_points_live_as_long_as_those_terms_say()
    {
        await using (var db = app.Db())
        {
            // Today's version (a manager entered it yesterday) and tomorrow's; the sale must take today's.
            db.RemoveRange(db.Set<LoyaltyTerms>().Where(t => t.EffectiveFrom >= Today.AddDays(-1)));
            db.Add(new LoyaltyTerms { EffectiveFrom = Today, StandardPointsPer100 = 10, SilverPointsPer100 = 10, GoldPointsPer100 = 10, PlatinumPointsPer100 = 10,
                PointsLifetimeMonths = 6, CreatedBy = "test", CreatedAtUtc = DateTime.UtcNow });
            db.Add(new LoyaltyTerms { EffectiveFrom = Today.AddDays(1), StandardPointsPer100 = 20, SilverPointsPer100 = 20, GoldPointsPer100 = 20, PlatinumPointsPer100 = 20,
                CreatedBy = "test", CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        app.Till.Services.GetRequiredService<LoyaltyTermsStore>().Invalidate();
        try
        {
            var cashier = await app.PrincipalAsync("cashier@alaroma.local");
            var register = await app.TillAsync(cashier, "Касса 1");
            var customer = await app.CustomerAsync();
            var product = (await app.ProductsAsync(0, 1))[0];
            await app.AttachAsync(cashier, register, customer);
            await app.AddAsync(cashier, register, (product.Id, 1));

            var sale = await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, product.Price, null));

            Assert.Equal((int)decimal.Floor(product.Price / 100m) * 10, (await app.SaleAsync(sale.SaleId)).PointsAccrued);
            await using var db = app.Db();
            var accrual = await db.PointsEntries.SingleAsync(e => e.SaleId == sale.SaleId && e.Kind == PointsEntryKind.Accrual);
            Assert.Equal(accrual.AtUtc.AddMonths(6), accrual.ExpiresAtUtc);
        }
        finally
        {
            await using var db = app.Db();
            await db.Set<LoyaltyTerms>().Where(t => t.CreatedBy == "test").ExecuteDeleteAsync();
            app.Till.Services.GetRequiredService<LoyaltyTermsStore>().Invalidate();
        }
    }

    [Fact]
    public async Task A_purchase_returned_in_full_does_not_count_towards_the_level_at_the_till()
    {
        // The example: about 14 000 ₽ bought and returned in full, then a purchase that would have crossed
        // 15 000 ₽ together with it: the customer stays Standard.
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 1");
        var (big, small) = await PairAsync();
        var customer = await app.CustomerAsync();
        await app.AttachAsync(cashier, register, customer);
        await app.AddAsync(cashier, register, (big.Id, 1));
        var first = await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, big.Price, null));
        var line = (await app.SaleAsync(first.SaleId)).Lines.Single();
        await app.AsAsync(cashier, sp => sp.GetRequiredService<ReturnSale>().HandleAsync(
            new ReturnSaleCommand(register, Guid.NewGuid(), first.SaleId, [new ReturnLineInput(line.Id, 1)]), default));

        await app.AttachAsync(cashier, register, customer);
        await app.AddAsync(cashier, register, (small.Id, 1));
        await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, small.Price, null));

        Assert.Equal(LoyaltyLevel.Standard, (await app.ReloadAsync(customer)).Level);
        await using var db = app.Db();
        Assert.Equal(small.Price, await LoyaltyPurchases.NetAsync(db, customer.Id, DateTime.UtcNow.AddMonths(-12), default));
    }

    [Fact]
    public async Task A_manager_plans_new_terms_from_tomorrow_sees_them_in_the_history_and_may_withdraw_them_but_not_the_terms_in_force()
    {
        var manager = await app.ClientAsync("manager@alaroma.local");
        var tomorrow = Today.AddDays(1);
        var posted = await PostAsync(manager, tomorrow, silver: "20000", comment: "Новый порог Серебра");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var page = WebUtility.HtmlDecode(await manager.GetStringAsync("/loyalty/settings"));
        Assert.Contains("Новый порог Серебра", page);
        Assert.Contains("запланированы", page);
        Assert.Contains("Менеджерова Мария", page);
        await using (var db = app.Db())
        {
            var planned = await db.Set<LoyaltyTerms>().SingleAsync(t => t.EffectiveFrom == tomorrow);
            Assert.Equal(20_000m, planned.SilverFrom);
            // A second save for the same future day replaces the plan rather than adding a version.
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(manager, tomorrow, silver: "21000", comment: "Уточнили")).StatusCode);
            Assert.Equal(21_000m, (await db.Set<LoyaltyTerms>().AsNoTracking().SingleAsync(t => t.EffectiveFrom == tomorrow)).SilverFrom);

            var token = await AppFixture.FormTokenAsync(manager, "/loyalty/settings");
            var deleted = await manager.PostAsync($"/loyalty/settings/{planned.Id}/delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
            Assert.False(await db.Set<LoyaltyTerms>().AnyAsync(t => t.EffectiveFrom == tomorrow));

            var initial = await db.Set<LoyaltyTerms>().OrderBy(t => t.EffectiveFrom).FirstAsync();
            token = await AppFixture.FormTokenAsync(manager, "/loyalty/settings");
            var refused = await manager.PostAsync($"/loyalty/settings/{initial.Id}/delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("уже действуют", WebUtility.HtmlDecode(await manager.GetStringAsync("/loyalty/settings"))); // the error toast after the redirect
            Assert.True(await db.Set<LoyaltyTerms>().AnyAsync(t => t.Id == initial.Id));
        }
    }

    [Fact]
    public async Task Terms_cannot_be_changed_backdated_nor_with_thresholds_out_of_order_and_nothing_is_saved()
    {
        var manager = await app.ClientAsync("manager@alaroma.local");
        var backdated = WebUtility.HtmlDecode(await (await PostAsync(manager, Today.AddDays(-3), silver: "15000", comment: "задним числом")).Content.ReadAsStringAsync());
        Assert.Contains("задним числом: укажите", backdated);
        var disordered = WebUtility.HtmlDecode(await (await PostAsync(manager, Today.AddDays(5), silver: "60000", comment: "ошибка")).Content.ReadAsStringAsync());
        Assert.Contains("Порог Золотого уровня должен быть больше порога Серебряного", disordered);
        await using var db = app.Db();
        Assert.False(await db.Set<LoyaltyTerms>().AnyAsync(t => t.Comment == "задним числом" || t.Comment == "ошибка"));
    }

    [Fact]
    public async Task Sellers_and_cashiers_do_not_see_the_terms_page()
    {
        foreach (var email in new[] { "seller@alaroma.local", "cashier@alaroma.local", "storekeeper@alaroma.local" })
        {
            var client = await app.ClientAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/loyalty/settings")).StatusCode);
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, DateOnly from, string silver, string comment)
    {
        var token = await AppFixture.FormTokenAsync(client, "/loyalty/settings");
        return await client.PostAsync("/loyalty/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Form.EffectiveFrom"] = from.ToString("yyyy-MM-dd"), ["Form.Comment"] = comment,
            ["Form.SilverFrom"] = silver, ["Form.GoldFrom"] = "50000", ["Form.PlatinumFrom"] = "150000",
            ["Form.StandardPointsPer100"] = "1", ["Form.SilverPointsPer100"] = "3", ["Form.GoldPointsPer100"] = "5", ["Form.PlatinumPointsPer100"] = "7",
            ["Form.MaxRedeemPercent"] = "30", ["Form.PointsLifetimeMonths"] = "12", ["Form.BirthdayGiftPoints"] = "500", ["Form.BirthdayGiftValidDays"] = "30",
            ["Form.WelcomeBonusPoints"] = "200",
        }));
    }

    /// <summary>Two products of S1's stock, each under 15 000 ₽, together at least 15 000 ₽.</summary>
    private async Task<((int Id, decimal Price) Big, (int Id, decimal Price) Small)> PairAsync()
    {
        await using var db = app.Db();
        var shop = await db.Locations.SingleAsync(l => l.Code == "S1");
        var stocked = await db.StockBalances.Where(b => b.LocationId == shop.Id && b.Quantity > 2)
            .Join(db.Products, b => b.ProductId, p => p.Id, (b, p) => new { p.Id, p.RetailPrice })
            .Where(p => p.RetailPrice < 15_000m).OrderByDescending(p => p.RetailPrice).ToListAsync();
        var big = stocked[0];
        var small = stocked.First(p => p.Id != big.Id && p.RetailPrice + big.RetailPrice >= 15_000m);
        return ((big.Id, big.RetailPrice), (small.Id, small.RetailPrice));
    }
}
