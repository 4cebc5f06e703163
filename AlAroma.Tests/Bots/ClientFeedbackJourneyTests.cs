using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Bots.Client;
using AlAroma.Web.Features.Feedback;
using AlAroma.Web.Features.Notifications.Bell;
using Microsoft.EntityFrameworkCore;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Bots;

/// <summary>
/// A review from the client bot to the manager and back (issue 12): the customer rates 4 of 10 with a text through the
/// webhook, the manager sees it in «Отзывы и обращения» (and on the bell), replies from the back office, and the
/// dispatcher delivers the reply to the customer's chat through the (fake) Bot API.
/// </summary>
public sealed class ClientFeedbackJourneyTests(ClientBotFixture app) : IClassFixture<ClientBotFixture>
{
    private const string Manager = "manager@alaroma.local"; // bound to no location: sees every shop and hears of every low review

    [Fact]
    public async Task A_review_rated_4_in_the_bot_reaches_the_inbox_and_the_managers_reply_arrives_in_the_customers_chat()
    {
        var (user, customer) = await app.JoinAsync();
        await app.PostAsync(Updates.Text(user, ClientMenu.Text(ClientCommand.Review)));
        await app.PostAsync(Updates.Callback(user, ClientBot.RatePrefix + "4"));
        Assert.Equal(HttpStatusCode.OK, await app.PostAsync(Updates.Text(user, "Консультант не подошла, ушла без покупки")));
        Assert.Contains("Спасибо за отзыв", app.Telegram.Sent(user).Last().Text);

        long id;
        await using (var db = app.Db())
        {
            id = await db.Feedback.Where(f => f.CustomerId == customer.Id).Select(f => f.Id).SingleAsync();
            var bell = await (from n in db.Set<UserNotification>()
                              join u in db.Users on n.UserId equals u.Id
                              where n.Kind == NotificationKinds.LowRating && n.Link == $"/feedback/{id}" && u.Email == Manager
                              select n.Title).SingleAsync();
            Assert.StartsWith("Оценка 4/10", bell);
        }

        // The inbox lists it with the rating and the text; its page offers the reply form.
        using var manager = await AppFixture.ClientAsync(app.Till, Manager);
        var inbox = await manager.GetStringAsync("/feedback");
        var row = Regex.Match(inbox, $"<tr data-href=\"/feedback/{id}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, "the review is a row of the inbox");
        Assert.Contains("<td class=\"num\">4/10</td>", row.Value);
        Assert.Contains("Консультант не подошла, ушла без покупки", row.Value);
        Assert.Contains("Отзыв", row.Value);

        const string answer = "Простите нас! Ждём вас снова — дарим 300 баллов.";
        var resp = await FormPostAsync(manager, $"/feedback/{id}", $"/feedback/{id}/reply", new() { ["text"] = answer });
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        Assert.DoesNotContain(app.Telegram.Sent(user), c => c.Text.Contains(answer)); // queued, not sent from the request

        await app.DispatchUntilAsync(() => app.Telegram.Sent(user).Any(c => c.Text.Contains(answer)));
        var delivered = Assert.Single(app.Telegram.Sent(user), c => c.Text.Contains(answer));
        Assert.Equal("sendMessage", delivered.Method);
        Assert.Equal(customer.TelegramChatId, delivered.Chat);
        Assert.StartsWith("<b>Al Aroma: ответ на ваш отзыв от ", delivered.Text);
        Assert.EndsWith("\n\n" + answer, delivered.Text);

        await using (var db = app.Db())
            Assert.Equal(FeedbackStatus.Answered, (await db.Feedback.SingleAsync(f => f.Id == id)).Status);
        Assert.Contains("доставлен в Telegram", await manager.GetStringAsync($"/feedback/{id}"));
    }
}
