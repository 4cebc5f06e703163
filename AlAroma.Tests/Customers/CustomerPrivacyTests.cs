using System.Net;
using System.Text.Json;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Feedback;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Customers.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Customers;

/// <summary>
/// 152-ФЗ on the customer card: a manager downloads everything stored about a person, and erases it on request —
/// the purchases stay for accounting, the person's data (and their traces in the audit log) go.
/// </summary>
public sealed class CustomerPrivacyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Manager = "manager@alaroma.local";

    private async Task<(Web.Features.Customers.Customer Customer, long SaleId)> PersonAsync()
    {
        var chat = Random.Shared.NextInt64(1_000_000, 9_000_000);
        var c = await app.CustomerAsync(x =>
        {
            x.Name = "Вера Приватная"; x.Email = $"vera{chat}@mail.ru"; x.TelegramUserId = chat; x.TelegramChatId = chat;
            x.Birthday = new DateOnly(1990, 3, 8); x.Tags = ["VIP"]; x.MarketingSms = true;
        }, points: 50);
        var saleId = await app.SellAsync(c);
        await app.AsAsync(Manager, async sp =>
        {
            await sp.GetRequiredService<SubmitFeedback>().SubmitAsync(c.Id, FeedbackKind.Idea, null, "Вера: позвоните мне на +7 926 000-00-00", default);
            var db = sp.GetRequiredService<Web.Data.AppDbContext>();
            sp.GetRequiredService<NotificationOutbox>().Telegram(chat, "Вера, ваш чек готов", new NotificationSubject("Test", "1"));
            await db.SaveChangesAsync();
        });
        return (c, saleId);
    }

    [Fact]
    public async Task The_export_holds_the_profile_purchases_feedback_and_messages_and_is_audited()
    {
        var (c, saleId) = await PersonAsync();
        using var client = await app.ClientAsync(Manager);
        await client.GetStringAsync($"/customers/{c.Id}"); // a card lookup, listed in the export

        using var resp = await client.GetAsync($"/customers/{c.Id}/personal-data/export");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal($"customer-{c.Id}-personal-data.json", resp.Content.Headers.ContentDisposition?.FileNameStar ?? resp.Content.Headers.ContentDisposition?.FileName);
        using var doc = JsonDocument.Parse(await resp.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal(c.Phone, root.GetProperty("Profile").GetProperty("Phone").GetString());
        Assert.Equal("1990-03-08", root.GetProperty("Profile").GetProperty("Birthday").GetString());
        var purchase = Assert.Single(root.GetProperty("Purchases").EnumerateArray());
        Assert.Equal(saleId, purchase.GetProperty("Id").GetInt64());
        Assert.NotEmpty(purchase.GetProperty("Lines").EnumerateArray());
        Assert.Contains("позвоните мне", Assert.Single(root.GetProperty("Feedback").EnumerateArray()).GetProperty("Text").GetString());
        Assert.Contains(root.GetProperty("Messages").EnumerateArray(), m => m.GetProperty("Summary").GetString()!.Contains("ваш чек готов"));
        Assert.Contains(root.GetProperty("CardOpenedBy").EnumerateArray(), l => l.GetProperty("UserName").GetString()!.Length > 0);
        Assert.Equal(3, root.GetProperty("Consents").GetArrayLength());

        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "Customer" && a.Key == c.Id.ToString() && a.Action == ExportCustomerData.Action));
    }

    [Fact]
    public async Task Erasing_removes_the_person_everywhere_keeps_the_sale_and_leaves_no_trace_in_the_audit_log()
    {
        var (c, saleId) = await PersonAsync();
        using var client = await app.ClientAsync(Manager);
        // An edit first, so the audit log holds the name and e-mail in an Update entry.
        await app.AsAsync(Manager, async sp =>
        {
            var db = sp.GetRequiredService<Web.Data.AppDbContext>();
            var card = await db.Customers.SingleAsync(x => x.Id == c.Id);
            card.Name = "Вера Приватная-Иванова";
            await db.SaveChangesAsync();
        });

        var token = await AppFixture.FormTokenAsync(client, $"/customers/{c.Id}/erase");
        var refused = await client.PostAsync($"/customers/{c.Id}/erase", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["reason"] = " ",
        }));
        Assert.Contains("Укажите основание", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        await using (var db = app.Db()) Assert.Null((await db.Customers.SingleAsync(x => x.Id == c.Id)).ErasedAtUtc);

        var done = await client.PostAsync($"/customers/{c.Id}/erase", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["reason"] = "заявление клиента от 02.12.2026",
        }));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/customers/{c.Id}"));
        Assert.Contains("Персональные данные удалены по заявлению клиента", page);
        Assert.DoesNotContain("Вера", page);

        await using (var db = app.Db())
        {
            var erased = await db.Customers.SingleAsync(x => x.Id == c.Id);
            Assert.Equal($"~{c.Id}", erased.Phone);
            Assert.Equal("", erased.Name);
            Assert.Null(erased.Email);
            Assert.Null(erased.Birthday);
            Assert.Null(erased.TelegramChatId);
            Assert.Empty(erased.Tags);
            Assert.False(erased.MarketingSms);
            Assert.Equal(50 + (await db.Sales.SingleAsync(s => s.Id == saleId)).PointsAccrued, erased.PointsBalance); // accounting stays
            Assert.Equal(c.Id, (await db.Sales.SingleAsync(s => s.Id == saleId)).CustomerId);
            Assert.Equal(EraseCustomerData.Erased, (await db.Feedback.SingleAsync(f => f.CustomerId == c.Id)).Text);
            var chat = c.TelegramChatId!.Value.ToString();
            Assert.False(await db.Notifications.AnyAsync(m => m.Recipient == chat || m.Recipient == c.Phone || m.Recipient == c.Email));

            var key = c.Id.ToString();
            var log = await db.AuditEntries.Where(a => a.Entity == "Customer" && a.Key == key).ToListAsync();
            Assert.Contains(log, a => a.Action == "Update"); // who changed what and when stays
            var values = string.Join("\n", log.Select(a => a.OldValues + a.NewValues));
            Assert.DoesNotContain("Вера", values);
            Assert.DoesNotContain(c.Phone, values);
            Assert.DoesNotContain(c.Email!, values);
            var entry = Assert.Single(log, a => a.Action == EraseCustomerData.Action);
            Assert.Contains("заявление клиента от 02.12.2026", entry.NewValues);
            Assert.Equal("manager@alaroma.local", (await db.Users.SingleAsync(u => u.Id == entry.UserId)).Email);
        }

        // The till no longer finds the person by their phone; a second erase is refused.
        using var list = await client.GetAsync($"/customers?q={Uri.EscapeDataString(c.Phone)}");
        Assert.DoesNotContain($"/customers/{c.Id}\"", await list.Content.ReadAsStringAsync());
        var again = await client.PostAsync($"/customers/{c.Id}/erase", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["reason"] = "ещё раз",
        }));
        Assert.Contains("уже удалены", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("seller@alaroma.local")]
    [InlineData("cashier@alaroma.local")]
    public async Task Only_the_back_office_may_export_or_erase(string email)
    {
        var c = await app.CustomerAsync();
        using var client = await app.ClientAsync(email);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/customers/{c.Id}/personal-data/export")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/customers/{c.Id}/erase")).StatusCode);
    }
}
