using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Customers.Card;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Customers;

/// <summary>The customer's card and its edit form, on a real PostgreSQL.</summary>
public sealed class CustomerCardTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Manager = "manager@alaroma.local";

    [Fact]
    public async Task The_card_shows_the_purchase_with_its_receipt_link_the_points_left_of_each_accrual_and_the_progress()
    {
        var c = await app.CustomerAsync(points: 100);
        var saleId = await app.SellAsync(c);
        await using (var db = app.Db())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await PointsLedger.RedeemAsync(db, c.Id, 60, null, DateTime.UtcNow, "test", default); // 60 of the first 100 spent
            await tx.CommitAsync();
        }
        var card = await app.AsAsync(Manager, sp => sp.GetRequiredService<GetCustomerCard>().HandleAsync(c.Id, default));
        Assert.NotNull(card);
        var first = card.Ledger.Last();
        Assert.Equal(PointsEntryKind.Accrual, first.Kind);
        Assert.Equal(40, first.Left);
        Assert.NotNull(first.ExpiresAtUtc);
        var purchase = Assert.Single(card.Purchases);
        Assert.Equal(saleId, purchase.Id);
        Assert.Equal(LoyaltyLevel.Standard, card.Progress.Level);
        Assert.Equal(15_000m - decimal.Floor(purchase.Total), card.Progress.Missing);

        using var client = await app.ClientAsync(Manager);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/customers/{c.Id}"));
        Assert.Contains($"href=\"/pos/sales/{saleId}\"", html);
        Assert.Contains("до Серебра", html);
        Assert.Contains("Согласия на рассылки", html);
    }

    [Fact]
    public async Task A_manager_edits_the_card_a_birthday_on_file_changes_only_with_a_reason_and_the_audit_names_the_fields()
    {
        var c = await app.CustomerAsync(x => { x.Birthday = new DateOnly(1985, 5, 1); x.BirthdaySetAtUtc = DateTime.UtcNow.AddYears(-1); });
        using var client = await app.ClientAsync(Manager);
        var token = await AppFixture.FormTokenAsync(client, $"/customers/{c.Id}/edit");
        Dictionary<string, string> Form(string birthday, string reason) => new()
        {
            ["__RequestVerificationToken"] = token, ["Name"] = "Ольга Новая", ["Email"] = "olga@mail.ru", ["Tags"] = "VIP, опт, vip",
            ["Birthday"] = birthday, ["BirthdayReason"] = reason, ["Sms"] = "true", ["EmailConsent"] = "false", ["Telegram"] = "false",
        };
        var refused = await client.PostAsync($"/customers/{c.Id}/edit", new FormUrlEncodedContent(Form("1985-05-02", "")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("напишите причину", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        await using (var db = app.Db()) Assert.Equal(c.Name, (await db.Customers.SingleAsync(x => x.Id == c.Id)).Name);

        var saved = await client.PostAsync($"/customers/{c.Id}/edit", new FormUrlEncodedContent(Form("1985-05-02", "ошибка при вводе на кассе")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = app.Db())
        {
            var after = await db.Customers.SingleAsync(x => x.Id == c.Id);
            Assert.Equal("Ольга Новая", after.Name);
            Assert.Equal(new DateOnly(1985, 5, 2), after.Birthday);
            Assert.Equal("ошибка при вводе на кассе", after.BirthdayChangeReason);
            Assert.Equal(["VIP", "опт"], after.Tags);
            Assert.True(after.MarketingSms);
            Assert.Equal(ConsentSource.Manager, after.SmsConsentSource);
            Assert.NotNull(after.SmsConsentAtUtc);
            Assert.Null(after.EmailConsentAtUtc); // unchanged consents keep "never asked"
        }
        using var admin = await app.ClientAsync("admin@alaroma.local");
        var audit = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/audit?Entity=Customer&Key={c.Id}"));
        foreach (var field in new[] { "Имя", "День рождения", "Причина изменения дня рождения", "Метки", "Согласие на SMS: откуда" })
            Assert.Contains(field, audit);
        Assert.DoesNotContain("BirthdayChangeReason", audit);
        Assert.DoesNotContain("SmsConsentSource", audit);
    }

    [Fact]
    public async Task A_first_birthday_needs_no_reason_and_a_future_one_is_refused()
    {
        var c = await app.CustomerAsync();
        await app.AsAsync(Manager, sp => sp.GetRequiredService<SaveCustomer>().HandleAsync(c.Id,
            new SaveCustomer.Input { Name = c.Name, Birthday = new DateOnly(2000, 1, 31) }, default));
        await using (var db = app.Db())
        {
            var after = await db.Customers.SingleAsync(x => x.Id == c.Id);
            Assert.Equal(new DateOnly(2000, 1, 31), after.Birthday);
            Assert.NotNull(after.BirthdaySetAtUtc);
            Assert.Null(after.BirthdayChangeReason);
        }
        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(Manager, sp => sp.GetRequiredService<SaveCustomer>().HandleAsync(c.Id,
            new SaveCustomer.Input { Name = c.Name, Birthday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5), BirthdayReason = "так" }, default)));
        Assert.Contains("в будущем", e.Message);
    }
}
