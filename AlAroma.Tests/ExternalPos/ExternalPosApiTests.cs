using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Customers;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Tests.ExternalPos;

/// <summary>
/// The external POS API over HTTP as another program's till uses it: sign-in by key and signature (bad, stale, disabled
/// refused and nothing changed), customer lookup, the points quote, sales and returns by the programme's rules,
/// idempotency by event id (repeat, conflict, race), the level, the admin's page and the OpenAPI description.
/// </summary>
public class ExternalPosApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<ExternalPosClient> RegisterAsync() => await ExternalPosClient.CreateAsync(app, app.Factory.CreateClient());

    private async Task<int> BalanceAsync(long customerId)
    {
        await using var db = app.Db();
        return await db.Customers.Where(c => c.Id == customerId).Select(c => c.PointsBalance).SingleAsync();
    }

    private static object Sale(string eventId, long customerId, decimal total, int points = 0) =>
        new { eventId, customerId, receiptNumber = "K-" + eventId, total, pointsRedeemed = points };

    [Fact]
    public async Task Unsigned_forged_stale_and_disabled_requests_get_401_and_change_nothing()
    {
        var pos = await RegisterAsync();
        var c = await app.CustomerAsync(points: 1000);
        var body = Sale("e-refused", c.Id, 2000m, 100);

        var noKey = await pos.PostAsync("/api/v1/events/sale", body, key: "pos_000000000000000000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("unknown_key", (await ExternalPosClient.ReadAsync(noKey)).GetProperty("error").GetString());

        var forged = await pos.PostAsync("/api/v1/events/sale", body, signature: ExternalPosClient.Sign("not-the-secret", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(), "{}"));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("bad_signature", (await ExternalPosClient.ReadAsync(forged)).GetProperty("error").GetString());

        var stale = await pos.PostAsync("/api/v1/events/sale", body, at: DateTimeOffset.UtcNow.AddSeconds(-301));
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal("stale_timestamp", (await ExternalPosClient.ReadAsync(stale)).GetProperty("error").GetString());

        // A body changed after signing (the amount of points) is a forgery too.
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var signedFor = System.Text.Json.JsonSerializer.Serialize(body, ExternalPosClient.Json);
        var tampered = await pos.PostAsync("/api/v1/events/sale", signedFor.Replace("\"pointsRedeemed\":100", "\"pointsRedeemed\":600"),
            at: DateTimeOffset.FromUnixTimeSeconds(long.Parse(ts)), signature: ExternalPosClient.Sign(pos.Secret, ts, signedFor));
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal("bad_signature", (await ExternalPosClient.ReadAsync(tampered)).GetProperty("error").GetString());

        await using (var db = app.Db())
        {
            var id = await db.ExternalRegisters.Where(r => r.ApiKey == pos.ApiKey).Select(r => r.Id).SingleAsync();
            await db.ExternalRegisters.Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.IsActive, false));
        }
        var disabled = await pos.PostAsync("/api/v1/events/sale", body);
        Assert.Equal(HttpStatusCode.Unauthorized, disabled.StatusCode);

        Assert.Equal(1000, await BalanceAsync(c.Id));
        await using var check = app.Db();
        Assert.False(await check.ExternalSales.AnyAsync(s => s.CustomerId == c.Id));
        Assert.False(await check.ExternalPosEvents.AnyAsync(e => e.EventId == "e-refused"));
    }

    [Fact]
    public async Task Lookup_finds_by_any_phone_format_or_by_the_bot_code_once_and_audits_the_register()
    {
        var pos = await RegisterAsync();
        var c = await app.CustomerAsync(x => x.Name = "Внешняя Вера", points: 250);
        var digits = c.Phone[2..];

        var byPhone = await pos.PostAsync("/api/v1/customers/lookup", new { phone = $"8 ({digits[..3]}) {digits[3..6]}-{digits[6..8]}-{digits[8..]}" });
        Assert.Equal(HttpStatusCode.OK, byPhone.StatusCode);
        var found = await ExternalPosClient.ReadAsync(byPhone);
        Assert.Equal(c.Id, found.GetProperty("customerId").GetInt64());
        Assert.Equal("Внешняя Вера", found.GetProperty("name").GetString());
        Assert.Equal(250, found.GetProperty("points").GetInt32());
        Assert.Equal($"+7 {digits[..3]} ***-**-{digits[8..]}", found.GetProperty("phoneMasked").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await pos.PostAsync("/api/v1/customers/lookup", new { phone = "+7 999 000-00-01" })).StatusCode);
        var kz = await pos.PostAsync("/api/v1/customers/lookup", new { phone = "+7 701 123 45 67" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, kz.StatusCode);

        string code;
        await using (var db = app.Db()) code = (await CustomerCodes.IssueAsync(db, c.Id, DateTime.UtcNow, default)).Code;
        var byCode = await pos.PostAsync("/api/v1/customers/lookup", new { code });
        Assert.Equal(c.Id, (await ExternalPosClient.ReadAsync(byCode)).GetProperty("customerId").GetInt64());
        var again = await pos.PostAsync("/api/v1/customers/lookup", new { code });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode); // a code is good once
        Assert.Contains("Код не подошёл", (await ExternalPosClient.ReadAsync(again)).GetProperty("message").GetString());

        await using var check = app.Db();
        var key = c.Id.ToString();
        var lookups = await check.AuditEntries.Where(a => a.Entity == nameof(Customer) && a.Key == key && a.Action == CustomerCardAudit.Action).ToListAsync();
        Assert.Equal(2, lookups.Count);
        Assert.All(lookups, a => Assert.StartsWith("Внешняя касса «", a.UserName));
    }

    [Fact]
    public async Task Quote_sale_and_return_follow_the_programme_rules()
    {
        var pos = await RegisterAsync();
        var c = await app.CustomerAsync(points: 1000);

        // 2 000 ₽: at most 30 % = 600 points; paid 1 400 ₽ in money earns 14 at the standard 1 per 100 ₽.
        var quote = await ExternalPosClient.ReadAsync(await pos.PostAsync("/api/v1/points/quote", new { customerId = c.Id, total = 2000m, pointsToRedeem = 600 }));
        Assert.Equal((600, 1400m, 14), (quote.GetProperty("maxRedeemable").GetInt32(), quote.GetProperty("toPay").GetDecimal(), quote.GetProperty("pointsToAccrue").GetInt32()));
        var tooMany = await pos.PostAsync("/api/v1/points/quote", new { customerId = c.Id, total = 2000m, pointsToRedeem = 601 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Contains("не больше 600", (await ExternalPosClient.ReadAsync(tooMany)).GetProperty("message").GetString());

        var refused = await pos.PostAsync("/api/v1/events/sale", Sale("s-over", c.Id, 2000m, 700));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        await using (var db = app.Db()) Assert.False(await db.ExternalPosEvents.AnyAsync(e => e.EventId == "s-over")); // a refused event leaves no key behind

        var sold = await pos.PostAsync("/api/v1/events/sale", Sale("s-1", c.Id, 2000m, 600));
        Assert.Equal(HttpStatusCode.OK, sold.StatusCode);
        var sale = await ExternalPosClient.ReadAsync(sold);
        Assert.Equal((600, 14, 414), (sale.GetProperty("pointsRedeemed").GetInt32(), sale.GetProperty("pointsAccrued").GetInt32(), sale.GetProperty("balance").GetInt32()));
        Assert.Equal(414, await BalanceAsync(c.Id));

        // Half the receipt back: 300 of the points and 700 ₽; the 700 ₽ kept earn 7, so 7 of the 14 go back.
        var returned = await ExternalPosClient.ReadAsync(await pos.PostAsync("/api/v1/events/return", new { eventId = "r-1", saleEventId = "s-1", amount = 1000m }));
        Assert.Equal((700m, 300, 7, 707), (returned.GetProperty("moneyRefunded").GetDecimal(), returned.GetProperty("pointsRestored").GetInt32(),
            returned.GetProperty("pointsReversed").GetInt32(), returned.GetProperty("balance").GetInt32()));
        var more = await pos.PostAsync("/api/v1/events/return", new { eventId = "r-2", saleEventId = "s-1", amount = 1000.01m });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, more.StatusCode);
        Assert.Contains("не больше 1\u202F000,00\u00A0₽", (await ExternalPosClient.ReadAsync(more)).GetProperty("message").GetString());
        // The rest: everything the receipt moved is undone.
        var rest = await ExternalPosClient.ReadAsync(await pos.PostAsync("/api/v1/events/return", new { eventId = "r-3", saleEventId = "s-1", amount = 1000m }));
        Assert.Equal((700m, 300, 7), (rest.GetProperty("moneyRefunded").GetDecimal(), rest.GetProperty("pointsRestored").GetInt32(), rest.GetProperty("pointsReversed").GetInt32()));
        Assert.Equal(1000, await BalanceAsync(c.Id));

        await using var check = app.Db();
        var ledger = await check.PointsEntries.Where(e => e.CustomerId == c.Id).OrderBy(e => e.Id).Select(e => new { e.Kind, e.Points, e.UserName, e.Comment }).ToListAsync();
        Assert.Equal([PointsEntryKind.Accrual, PointsEntryKind.Redemption, PointsEntryKind.Accrual, PointsEntryKind.Reversal, PointsEntryKind.Reversal, PointsEntryKind.Reversal, PointsEntryKind.Reversal],
            ledger.Select(e => e.Kind));
        Assert.All(ledger.Skip(1), e => Assert.StartsWith("Внешняя касса «", e.UserName));
        Assert.Contains("Чек K-s-1", ledger[1].Comment);
        // Another register cannot return this one's receipt.
        var other = await RegisterAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await other.PostAsync("/api/v1/events/return", new { eventId = "r-x", saleEventId = "s-1", amount = 1m })).StatusCode);
    }

    [Fact]
    public async Task A_repeated_event_answers_the_first_answer_a_reused_id_is_a_conflict_and_a_race_applies_once()
    {
        var pos = await RegisterAsync();
        var c = await app.CustomerAsync(points: 500);
        var first = await pos.PostAsync("/api/v1/events/sale", Sale("dup-1", c.Id, 1000m, 100));
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));

        var repeat = await pos.PostAsync("/api/v1/events/sale", Sale("dup-1", c.Id, 1000m, 100));
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal("true", repeat.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(firstBody, await repeat.Content.ReadAsStringAsync());

        var conflict = await pos.PostAsync("/api/v1/events/sale", Sale("dup-1", c.Id, 1000m, 200));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("event_conflict", (await ExternalPosClient.ReadAsync(conflict)).GetProperty("error").GetString());
        Assert.Equal(500 - 100 + 9, await BalanceAsync(c.Id)); // 900 ₽ of money earns 9

        // Ten copies of one new event at once (a till retrying on a timeout): applied once.
        var race = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => pos.PostAsync("/api/v1/events/sale", Sale("race-1", c.Id, 1000m, 100))));
        Assert.All(race, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(race, r => !r.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(409 - 100 + 9, await BalanceAsync(c.Id));
        await using var db = app.Db();
        Assert.Equal(2, await db.ExternalSales.CountAsync(s => s.CustomerId == c.Id));
    }

    [Fact]
    public async Task An_external_purchase_counts_for_the_level_like_a_purchase_at_our_tills()
    {
        var pos = await RegisterAsync();
        var c = await app.CustomerAsync();
        var sold = await ExternalPosClient.ReadAsync(await pos.PostAsync("/api/v1/events/sale", Sale("lvl-1", c.Id, 16_000m)));
        Assert.Equal(160, sold.GetProperty("pointsAccrued").GetInt32()); // earned at the level before the sale
        Assert.Equal(nameof(LoyaltyLevel.Silver), sold.GetProperty("level").GetString());
        await using var db = app.Db();
        Assert.Equal(LoyaltyLevel.Silver, await db.Customers.Where(x => x.Id == c.Id).Select(x => x.Level).SingleAsync());
        Assert.Equal(16_000m, await LoyaltyPurchases.NetAsync(db, c.Id, DateTime.UtcNow.AddMonths(-12), default));
    }

    [Fact]
    public async Task The_admin_issues_a_key_and_a_secret_once_and_the_description_is_served_at_openapi_json()
    {
        var admin = await app.ClientAsync("admin@alaroma.local");
        var token = await AppFixture.FormTokenAsync(admin, "/admin/external-registers");
        var page = await admin.PostAsync("/admin/external-registers", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Франчайзи Казань", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore);
        var html = await page.Content.ReadAsStringAsync();
        var key = Regex.Match(html, "id=\"issued-key\">([^<]+)<").Groups[1].Value;
        var secret = Regex.Match(html, "id=\"issued-secret\">([^<]+)<").Groups[1].Value;
        Assert.Matches("^pos_[0-9a-f]{24}$", key);
        Assert.True(secret.Length >= 43);

        // The credentials work at once; the list shows the key, never the secret again.
        var pos = new ExternalPosClient(app.Factory.CreateClient(), key, secret);
        Assert.Equal(HttpStatusCode.NotFound, (await pos.PostAsync("/api/v1/customers/lookup", new { phone = "+7 999 000-00-02" })).StatusCode);
        var list = await admin.GetStringAsync("/admin/external-registers");
        Assert.Contains(key, list);
        Assert.DoesNotContain(secret, list);
        await using (var db = app.Db())
        {
            var stored = await db.ExternalRegisters.SingleAsync(r => r.ApiKey == key);
            Assert.DoesNotContain(secret, stored.SecretProtected);
            var audit = await db.AuditEntries.Where(a => a.Entity == "ExternalRegister" && a.Key == stored.Id.ToString()).SingleAsync();
            Assert.DoesNotContain(secret, audit.NewValues);
            Assert.Contains(AuditPolicy.Hidden, audit.NewValues);
        }

        var manager = await app.ClientAsync("manager@alaroma.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/admin/external-registers")).StatusCode);

        var anonymous = app.Factory.CreateClient();
        var doc = await anonymous.GetAsync("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, doc.StatusCode);
        var root = await ExternalPosClient.ReadAsync(doc);
        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["/api/v1/customers/lookup", "/api/v1/events/return", "/api/v1/events/sale", "/api/v1/points/quote"], paths);
        Assert.Equal("X-Api-Key", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Contains("X-Signature", root.GetProperty("info").GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_quota_of_a_register_is_counted_once_for_two_instances_over_one_database()
    {
        // Two hosts of the app over the same database stand for two instances behind the balancer.
        // Mid-minute on a clock of the test's, so that the count cannot roll over into the next minute on its own.
        var real = DateTimeOffset.UtcNow;
        var clock = new SettableClock(new DateTimeOffset(real.Year, real.Month, real.Day, real.Hour, real.Minute, 30, TimeSpan.Zero));
        void Configure(IWebHostBuilder b)
        {
            b.UseSetting("ExternalPos:RequestsPerMinute", "4");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        }
        await using var first = app.Factory.WithWebHostBuilder(Configure);
        await using var second = app.Factory.WithWebHostBuilder(Configure);
        var pos = await ExternalPosClient.CreateAsync(app, first.CreateClient());
        var other = new ExternalPosClient(second.CreateClient(), pos.ApiKey, pos.Secret);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            answers.Add((await (i % 2 == 0 ? pos : other).PostAsync("/api/v1/customers/lookup", new { phone = "+7 999 000-00-04" }, at: clock.Now)).StatusCode);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        var refused = await other.PostAsync("/api/v1/customers/lookup", new { phone = "+7 999 000-00-04" }, at: clock.Now);
        Assert.Equal("quota", (await ExternalPosClient.ReadAsync(refused)).GetProperty("error").GetString());
        Assert.Equal("30", refused.Headers.GetValues("Retry-After").Single()); // the rest of the minute
        // The next minute the register is served again (both instances read the same clock here: the test's).
        clock.Now = clock.Now.AddMinutes(1);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync("/api/v1/customers/lookup", new { phone = "+7 999 000-00-04" }, at: clock.Now)).StatusCode);
        // A forged request does not eat the quota of the key it names (the signature is checked first).
        var fresh = await ExternalPosClient.CreateAsync(app, first.CreateClient());
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.PostAsync("/api/v1/customers/lookup", new { phone = "1" }, at: clock.Now, signature: "00")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fresh.PostAsync("/api/v1/customers/lookup", new { phone = "+7 999 000-00-04" }, at: clock.Now)).StatusCode);
    }

    [Fact]
    public async Task API_answers_carry_the_API_headers()
    {
        var pos = await RegisterAsync();
        var r = await pos.PostAsync("/api/v1/customers/lookup", new { phone = "+7 999 000-00-03" });
        Assert.Equal("application/json", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", r.Headers.GetValues("Content-Security-Policy").Single().TrimEnd(';', ' '));
        Assert.Equal("no-store", r.Headers.GetValues("Cache-Control").Single());
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
    }
}
