using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Customers.Merge;
using AlAroma.Web.Features.Feedback;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AlAroma.Tests.Customers;

/// <summary>Merging two cards of one person, on a real PostgreSQL.</summary>
public sealed class CustomerMergeTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Manager = "manager@alaroma.local";

    private Task<MergeCustomers.Result> MergeAsync(long kept, long merged) =>
        app.AsAsync(Manager, sp => sp.GetRequiredService<MergeCustomers>().HandleAsync(kept, merged, default));

    [Fact]
    public async Task Sales_points_consents_and_tags_move_to_the_kept_card_whose_ledger_adds_up_to_the_balance()
    {
        var now = DateTime.UtcNow;
        var day = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddDays(-10); // whole seconds: PostgreSQL keeps microseconds
        var kept = await app.CustomerAsync(c => { c.Tags = ["VIP"]; c.SetConsent(ConsentChannel.Sms, true, ConsentSource.Till, day); c.SetConsent(ConsentChannel.Email, true, ConsentSource.Till, day.AddDays(5)); }, points: 70);
        var dup = await app.CustomerAsync(c =>
        {
            c.Tags = ["опт", "vip"]; c.Email = "dup@mail.ru"; c.Birthday = new DateOnly(1991, 2, 3); c.TelegramChatId = 777_000 + Random.Shared.Next(1000);
            c.SetConsent(ConsentChannel.Sms, false, ConsentSource.Bot, day.AddDays(1)); c.SetConsent(ConsentChannel.Email, false, ConsentSource.Import, day);
        }, points: 45);
        var keptSale = await app.SellAsync(kept);
        var dupSale = await app.SellAsync(dup);
        long dupReview;
        using (var scope = app.Scope())
            dupReview = (await scope.ServiceProvider.GetRequiredService<SubmitFeedback>().SubmitAsync(dup.Id, FeedbackKind.Review, 9, "Отличный магазин", default)).Id;
        long dupGift;
        await using (var db = app.Db())
        {
            var type = new AlAroma.Web.Features.Loyalty.Gifts.GiftType { Name = "Пробник при объединении " + dup.Id, Kind = AlAroma.Web.Features.Loyalty.Gifts.GiftKind.Discount, DiscountPercent = 5, ValidDays = 30 };
            db.GiftTypes.Add(type);
            await db.SaveChangesAsync();
            var gift = new AlAroma.Web.Features.Loyalty.Gifts.CustomerGift { CustomerId = dup.Id, GiftTypeId = type.Id, Name = type.Name, Kind = type.Kind, DiscountPercent = 5,
                Source = AlAroma.Web.Features.Loyalty.Gifts.GiftSource.Campaign, IssuedBy = "system", IssuedAtUtc = DateTime.UtcNow, ExpiresAtUtc = DateTime.UtcNow.AddDays(30) };
            db.CustomerGifts.Add(gift);
            await db.SaveChangesAsync();
            dupGift = gift.Id;
        }
        int keptBalance, dupBalance;
        await using (var db = app.Db())
        {
            keptBalance = (await db.Customers.SingleAsync(c => c.Id == kept.Id)).PointsBalance;
            dupBalance = (await db.Customers.SingleAsync(c => c.Id == dup.Id)).PointsBalance;
        }

        var r = await MergeAsync(kept.Id, dup.Id);
        Assert.Equal((1, 2, dupBalance, 1), (r.Sales, r.PointsEntries, r.Points, r.Feedback));

        await using (var db = app.Db())
        {
            var k = await db.Customers.SingleAsync(c => c.Id == kept.Id);
            var d = await db.Customers.SingleAsync(c => c.Id == dup.Id);
            Assert.Equal(keptBalance + dupBalance, k.PointsBalance);
            var ledger = await db.PointsEntries.Where(e => e.CustomerId == kept.Id).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(k.PointsBalance, ledger.Sum(e => e.Points));
            Assert.Equal(k.PointsBalance, ledger[^1].BalanceAfter);
            Assert.False(await db.PointsEntries.AnyAsync(e => e.CustomerId == dup.Id));
            Assert.Equal(0, d.PointsBalance);
            Assert.Equal([keptSale, dupSale], await db.Sales.Where(s => s.CustomerId == kept.Id).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync());
            Assert.Equal(kept.Id, await db.Feedback.Where(f => f.Id == dupReview).Select(f => f.CustomerId).SingleAsync());
            Assert.Equal(kept.Id, await db.CustomerGifts.Where(g => g.Id == dupGift).Select(g => g.CustomerId).SingleAsync()); // an open gift follows the person
            Assert.Equal(kept.Id, d.MergedIntoId);
            Assert.NotNull(d.MergedAtUtc);
            // The latest answer per channel: SMS withdrawn in the bot after the till's yes; e-mail yes from the till after the import's no.
            Assert.Equal(new Consent(ConsentChannel.Sms, false, day.AddDays(1), ConsentSource.Bot), k.ConsentOf(ConsentChannel.Sms));
            Assert.Equal(new Consent(ConsentChannel.Email, true, day.AddDays(5), ConsentSource.Till), k.ConsentOf(ConsentChannel.Email));
            Assert.Equal(["VIP", "опт"], k.Tags);
            Assert.Equal("dup@mail.ru", k.Email);
            Assert.Equal(new DateOnly(1991, 2, 3), k.Birthday);
            Assert.Equal(dup.TelegramChatId, k.TelegramChatId);
            Assert.Null(d.TelegramChatId);
            var marked = await db.AuditEntries.Where(a => a.Entity == nameof(Customer) && a.Key == dup.Id.ToString() && a.Action != CustomerCardAudit.Action)
                .OrderByDescending(a => a.Id).FirstAsync();
            Assert.Equal(Manager, marked.UserName);
            Assert.Contains("MergedIntoId", marked.NewValues);
            var saleAudit = await db.AuditEntries.Where(a => a.Entity == "Sale" && a.Key == dupSale.ToString() && a.Action == "Update").Select(a => a.NewValues).ToListAsync();
            Assert.Contains(saleAudit, v => v!.Contains(kept.Id.ToString()));
        }

        using var client = await app.ClientAsync(Manager);
        var resp = await client.GetAsync($"/customers/{dup.Id}");
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        Assert.Equal($"/customers/{kept.Id}", resp.Headers.Location?.ToString());
        // The duplicate's review is in the «Отзывы» block of the kept card, linked to its page.
        var card = await client.GetStringAsync($"/customers/{kept.Id}");
        Assert.Contains($"<a href=\"/feedback/{dupReview}\">", card);
        Assert.Contains("Отличный магазин", card);
        var again = await Assert.ThrowsAsync<BusinessRuleException>(() => MergeAsync(kept.Id, dup.Id));
        Assert.Contains("уже объединена", again.Message);

        // At the till the duplicate's phone brings up the kept card.
        var later = await app.SellAsync(dup);
        await using var check = app.Db();
        Assert.Equal(kept.Id, await check.Sales.Where(s => s.Id == later).Select(s => s.CustomerId).SingleAsync());
    }

    [Fact]
    public async Task A_failure_in_the_middle_of_a_merge_leaves_both_cards_as_they_were()
    {
        var kept = await app.CustomerAsync(points: 10);
        var dup = await app.CustomerAsync(c => c.Tags = ["дубль"], points: 25);
        var dupSale = await app.SellAsync(dup);
        // PostgreSQL refuses the last step (marking the duplicate merged), after the sales and points have moved.
        await using (var conn = new NpgsqlConnection(app.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"""
                CREATE FUNCTION test_refuse_merge() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'merge refused by the test'; END $$;
                CREATE TRIGGER test_refuse_merge BEFORE UPDATE ON customers FOR EACH ROW
                    WHEN (NEW.merged_into_id IS NOT NULL AND NEW.id = {dup.Id}) EXECUTE FUNCTION test_refuse_merge();
                """, conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try
        {
            var e = await Assert.ThrowsAnyAsync<Exception>(() => MergeAsync(kept.Id, dup.Id));
            Assert.Contains("merge refused by the test", e.ToString());
        }
        finally
        {
            await using var conn = new NpgsqlConnection(app.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("DROP TRIGGER test_refuse_merge ON customers; DROP FUNCTION test_refuse_merge();", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        await using var db = app.Db();
        var k = await db.Customers.SingleAsync(c => c.Id == kept.Id);
        var d = await db.Customers.SingleAsync(c => c.Id == dup.Id);
        Assert.Equal(10, k.PointsBalance);
        Assert.Empty(k.Tags);
        Assert.Null(d.MergedIntoId);
        Assert.Equal(d.PointsBalance, await db.PointsEntries.Where(e => e.CustomerId == dup.Id).SumAsync(e => e.Points));
        Assert.Equal(10, await db.PointsEntries.Where(e => e.CustomerId == kept.Id).SumAsync(e => e.Points));
        Assert.Equal(dup.Id, await db.Sales.Where(s => s.Id == dupSale).Select(s => s.CustomerId).SingleAsync());
    }

    [Fact]
    public async Task The_merge_page_previews_both_cards_and_refuses_one_card_twice()
    {
        var kept = await app.CustomerAsync(c => c.Name = "Оставить Эту");
        var dup = await app.CustomerAsync(c => c.Name = "Дубль Этой");
        using var client = await app.ClientAsync(Manager);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/customers/merge?keep={kept.Id}&merge={Uri.EscapeDataString(dup.Phone)}"));
        Assert.Contains("Оставить Эту", html);
        Assert.Contains("Дубль Этой", html);
        Assert.Contains("id=\"merge-confirm\"", html);
        var same = WebUtility.HtmlDecode(await client.GetStringAsync($"/customers/merge?keep={kept.Id}&merge={kept.Id}"));
        Assert.Contains("одна и та же карта", same);
        Assert.DoesNotContain("id=\"merge-confirm\"", same);

        var token = await AppFixture.FormTokenAsync(client, $"/customers/merge?keep={kept.Id}&merge={dup.Id}");
        var resp = await client.PostAsync("/customers/merge", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token, ["keptId"] = kept.Id.ToString(), ["mergedId"] = dup.Id.ToString() }));
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        Assert.Equal($"/customers/{kept.Id}", resp.Headers.Location?.ToString());
    }
}
