using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Customers;
using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Notifications;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Feedback;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Notifications.Bell;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;
using Entity = AlAroma.Web.Features.Feedback.Feedback;

namespace AlAroma.Tests.Feedback;

/// <summary>«Отзывы и обращения» on a real PostgreSQL: submitting (as the bot does), the bell, the inbox, the reply through the outbox.</summary>
public sealed class FeedbackInboxTests(AppFixture app, FakeBotApi bot) : IClassFixture<AppFixture>, IClassFixture<FakeBotApi>
{
    private const string Manager = "manager@alaroma.local";      // bound to no location: sees every shop
    private const string ManagerS1 = "manager.s1@alaroma.local";
    private const string ManagerS2 = "manager.s2@alaroma.local";

    private async Task<Entity> SubmitAsync(long customerId, FeedbackKind kind, int? rating, string text)
    {
        using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<SubmitFeedback>().SubmitAsync(customerId, kind, rating, text, default);
    }

    /// <summary>Managers bound to S1 only and to S2 only (created once per fixture database).</summary>
    private async Task EnsureShopManagersAsync()
    {
        await app.EnsureUserAsync(ManagerS1, "Управляющая Тверской", Roles.Manager, "S1");
        await app.EnsureUserAsync(ManagerS2, "Управляющая Авиапарка", Roles.Manager, "S2");
    }

    /// <summary>Who got the bell for feedback <paramref name="id"/>: e-mail → link.</summary>
    private async Task<Dictionary<string, string?>> RungAsync(long id)
    {
        await using var db = app.Db();
        return await (from n in db.Set<UserNotification>()
                      join u in db.Users on n.UserId equals u.Id
                      where n.Kind == NotificationKinds.LowRating && n.Link == $"/feedback/{id}"
                      select new { u.Email, n.Link }).ToDictionaryAsync(x => x.Email!, x => (string?)x.Link);
    }

    [Fact]
    public async Task A_low_review_is_tied_to_the_last_receipt_and_rings_the_managers_of_that_shop_not_of_another()
    {
        await EnsureShopManagersAsync();
        var customer = await app.CustomerAsync();
        await app.SellAsync(customer);
        var lastSale = await app.SellAsync(customer);   // both at S1; the later one counts

        var low = await SubmitAsync(customer.Id, FeedbackKind.Review, 4, "  Долго ждала на кассе.  ");

        var s1 = await LocationIdAsync(app, "S1");
        Assert.Equal((lastSale, s1, "Долго ждала на кассе.", FeedbackStatus.New), (low.SaleId, low.LocationId, low.Text, low.Status));
        var rung = await RungAsync(low.Id);
        Assert.True(rung.ContainsKey(ManagerS1), "the manager of S1 hears of it");
        Assert.True(rung.ContainsKey(Manager), "and the manager who sees every shop");
        Assert.False(rung.ContainsKey(ManagerS2), "the manager of S2 does not");
        Assert.False(rung.ContainsKey("seller@alaroma.local"), "nor the sellers of S1");
        Assert.All(rung.Values, link => Assert.Equal($"/feedback/{low.Id}", link));
        await using (var db = app.Db())
        {
            var notice = await db.Set<UserNotification>().FirstAsync(n => n.Link == $"/feedback/{low.Id}");
            Assert.StartsWith("Оценка 4/10", notice.Title);
            Assert.Contains("Долго ждала на кассе.", notice.Text);
            Assert.Equal(s1, notice.LocationId);
        }

        // 7 is not low; an idea has no rating at all: nobody is rung.
        var fine = await SubmitAsync(customer.Id, FeedbackKind.Review, 7, "");
        var idea = await SubmitAsync(customer.Id, FeedbackKind.Idea, null, "Поставьте пробники у входа");
        Assert.Empty(await RungAsync(fine.Id));
        Assert.Empty(await RungAsync(idea.Id));
        Assert.Equal(s1, idea.LocationId);
    }

    [Fact]
    public async Task A_customer_who_never_bought_gets_no_shop_and_bad_input_saves_nothing()
    {
        await EnsureShopManagersAsync();
        var customer = await app.CustomerAsync();
        var f = await SubmitAsync(customer.Id, FeedbackKind.Message, null, "Хочу стать поставщиком");
        Assert.Equal((null, null), (f.SaleId, f.LocationId));
        // A low review without a shop reaches only the managers who see every shop.
        var low = await SubmitAsync(customer.Id, FeedbackKind.Review, 2, "Не понравилось");
        Assert.Equal([Manager], (await RungAsync(low.Id)).Keys);
        await Assert.ThrowsAsync<BusinessRuleException>(() => SubmitAsync(customer.Id, FeedbackKind.Review, 11, "Лучше всех"));
        await Assert.ThrowsAsync<BusinessRuleException>(() => SubmitAsync(customer.Id, FeedbackKind.Idea, null, new string('я', 4001)));
        var none = await Assert.ThrowsAsync<BusinessRuleException>(() => SubmitAsync(-1, FeedbackKind.Idea, null, "Идея"));
        Assert.Contains("не найден", none.Message);
        await using var db = app.Db();
        Assert.Equal(2, await db.Feedback.CountAsync(x => x.CustomerId == customer.Id));
    }

    [Fact]
    public async Task A_reply_is_queued_to_the_customers_telegram_chat_marks_the_feedback_answered_and_is_audited()
    {
        var chat = 5_000_000_000 + Random.Shared.Next(1_000_000);
        var customer = await app.CustomerAsync(c => c.TelegramChatId = chat);
        await app.SellAsync(customer);
        var f = await SubmitAsync(customer.Id, FeedbackKind.Review, 3, "Продавец грубил");
        using var client = await app.ClientAsync(Manager);

        var resp = await FormPostAsync(client, $"/feedback/{f.Id}", $"/feedback/{f.Id}/reply", new() { ["text"] = "Простите нас. Дарим 500 баллов <3" });
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        Assert.Equal($"/feedback/{f.Id}", resp.Headers.Location?.OriginalString);

        await using (var db = app.Db())
        {
            var message = await db.Notifications.SingleAsync(m => m.EntityType == "Feedback" && m.EntityId == f.Id.ToString());
            Assert.Equal((Channel.Telegram, chat.ToString(), OutboxStatus.Pending), (message.Channel, message.Recipient, message.Status));
            Assert.Contains("Простите нас. Дарим 500 баллов &lt;3", message.Data);
            Assert.Contains("ответ на ваш отзыв", message.Summary);
            var reply = await db.FeedbackReplies.SingleAsync(r => r.FeedbackId == f.Id);
            Assert.Equal((message.Id, "Менеджерова Мария"), (reply.OutboxMessageId, reply.UserName));
            Assert.Equal(FeedbackStatus.Answered, (await db.Feedback.SingleAsync(x => x.Id == f.Id)).Status);
            var audit = await db.AuditEntries.Where(a => a.Entity == "Feedback" && a.Key == f.Id.ToString() && a.Action == "Update").SingleAsync();
            Assert.Equal(Manager, audit.UserName);
            Assert.Contains("Answered", audit.NewValues);
        }
        var page = await client.GetStringAsync($"/feedback/{f.Id}");
        Assert.Contains("отвечен", page);
        Assert.Contains("Простите нас. Дарим 500 баллов &lt;3", page);
        Assert.Contains("в очереди на отправку", page);

        // The dispatcher delivers it to the customer's chat through the (fake) Bot API, HTML-escaped; the page says so.
        var host = app.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Notifications:Telegram:Token", "123456:TEST-token_abc");
            b.UseSetting("Notifications:Telegram:BaseUrl", bot.BaseUrl);
        });
        await host.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);
        var call = Assert.Single(bot.Calls, c => c.Chat == chat);
        Assert.Equal(200, call.Status);
        Assert.StartsWith("<b>Al Aroma: ответ на ваш отзыв от ", call.Text);
        Assert.EndsWith("\n\nПростите нас. Дарим 500 баллов &lt;3", call.Text);
        Assert.Contains("доставлен в Telegram", await client.GetStringAsync($"/feedback/{f.Id}"));
    }

    [Fact]
    public async Task A_customer_without_a_telegram_chat_is_not_pretended_answered()
    {
        var customer = await app.CustomerAsync();
        await app.SellAsync(customer);
        var f = await SubmitAsync(customer.Id, FeedbackKind.Message, null, "Перезвоните мне");
        using var client = await app.ClientAsync(Manager);
        var page = await client.GetStringAsync($"/feedback/{f.Id}");
        Assert.Contains("ответ через бот отправить некуда", page);
        Assert.DoesNotContain($"action=\"/feedback/{f.Id}/reply\"", page);

        var e = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.AsAsync(Manager, sp => sp.GetRequiredService<ReplyToFeedback>().HandleAsync(f.Id, "Перезвоним", default)));
        Assert.Contains("Позвоните ему", e.Message);
        await using var db = app.Db();
        Assert.False(await db.Notifications.AnyAsync(m => m.EntityType == "Feedback" && m.EntityId == f.Id.ToString()));
        Assert.False(await db.FeedbackReplies.AnyAsync(r => r.FeedbackId == f.Id));
        Assert.Equal(FeedbackStatus.New, (await db.Feedback.SingleAsync(x => x.Id == f.Id)).Status);

        // After a phone call the manager marks it answered by hand.
        var resp = await FormPostAsync(client, $"/feedback/{f.Id}", $"/feedback/{f.Id}/status", new() { ["status"] = nameof(FeedbackStatus.Answered) });
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        db.ChangeTracker.Clear();
        Assert.Equal(FeedbackStatus.Answered, (await db.Feedback.SingleAsync(x => x.Id == f.Id)).Status);
    }

    [Fact]
    public async Task The_inbox_filters_by_rating_and_shows_count_average_and_nps_per_shop_and_month()
    {
        await EnsureShopManagersAsync();
        var customer = await app.CustomerAsync();
        int shop;
        var month = DateTime.UtcNow.AddMonths(-2);
        var at = new DateTime(month.Year, month.Month, 10, 9, 0, 0, DateTimeKind.Utc);
        await using (var db = app.Db())
        {
            var location = new Location { Code = "F" + Random.Shared.Next(100, 999), Name = "Отзывы-" + Guid.NewGuid().ToString("N")[..6], Kind = LocationKind.Shop, Address = "Москва" };
            db.Locations.Add(location);
            await db.SaveChangesAsync();
            shop = location.Id;
            foreach (var r in new[] { 10, 9, 8, 7, 6, 1, 10 })
                db.Feedback.Add(new Entity { CustomerId = customer.Id, Kind = FeedbackKind.Review, Rating = r, Text = $"Оценка {r}", LocationId = shop, CreatedAtUtc = at });
            db.Feedback.Add(new Entity { CustomerId = customer.Id, Kind = FeedbackKind.Idea, Text = "Идея без оценки", LocationId = shop, CreatedAtUtc = at });
            await db.SaveChangesAsync();
        }
        using var client = await app.ClientAsync(Manager);

        var html = await client.GetStringAsync($"/feedback?LocationId={shop}");
        var nps = Regex.Match(html, "<table[^>]*id=\"feedback-nps\".*?</table>", RegexOptions.Singleline).Value;
        var cells = Regex.Matches(Regex.Match(nps, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline)
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim())).ToList();
        string[] months = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];
        Assert.Equal([$"{months[at.Month - 1]} {at.Year}", await ShopNameAsync(shop), "7", "7,3", "3", "2", "+14"], cells);

        var rows = Rows(await client.GetStringAsync($"/feedback?LocationId={shop}&RatingFrom=1&RatingTo=6"));
        Assert.Equal(["Оценка 1", "Оценка 6"], rows.Order());
        Assert.Equal(8, Rows(html).Count);

        // «Экспорт в Excel» holds the same filtered rows with the whole text, in the list's order (rating 1 first here).
        var resp = await client.GetAsync($"/feedback/export?LocationId={shop}&RatingFrom=1&RatingTo=6&sort=rating");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        using (var wb = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await resp.Content.ReadAsByteArrayAsync())))
        {
            var ws = wb.Worksheet(1);
            const int header = AlAroma.Web.Infrastructure.Excel.ExcelSheetWriter.HeaderRow;
            var headers = ws.Row(header).CellsUsed().Select(c => c.GetString()).ToList();
            Assert.Equal(["Получен", "Вид", "Оценка", "Текст", "Покупатель", "Телефон", "Магазин", "Чек", "Статус"], headers);
            var texts = ws.RowsUsed().Where(r => r.RowNumber() > header).Select(r => (r.Cell(3).GetValue<int>(), r.Cell(4).GetString())).ToList();
            Assert.Equal([(1, "Оценка 1"), (6, "Оценка 6")], texts);
        }

        // The manager of S2 does not see this shop's feedback at all.
        using var other = await app.ClientAsync(ManagerS2);
        Assert.Empty(Rows(await other.GetStringAsync($"/feedback?LocationId={shop}")));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/feedback/{await FirstIdAsync(shop)}")).StatusCode);
    }

    private static List<string> Rows(string html) =>
        Regex.Matches(html, "<tr data-href=\"/feedback/\\d+\">.*?<td class=\"small\">(.*?)</td>", RegexOptions.Singleline)
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    private async Task<string> ShopNameAsync(int id)
    {
        await using var db = app.Db();
        return await db.Locations.Where(l => l.Id == id).Select(l => l.Name).SingleAsync();
    }

    private async Task<long> FirstIdAsync(int shop)
    {
        await using var db = app.Db();
        return await db.Feedback.Where(f => f.LocationId == shop).Select(f => f.Id).FirstAsync();
    }
}
