using System.Net;
using AlAroma.Tests.Customers;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Bots.Staff;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Bots;

/// <summary>
/// The staff bot on a real PostgreSQL: a staff member links Telegram with the one-time code from their profile, finds a
/// customer by the code from the client bot, and gives points only within their role's daily limit, audited as them.
/// </summary>
public sealed class StaffBotTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static long telegramIds = 7_000_000 + Random.Shared.Next(100_000);

    private async Task<IReadOnlyList<StaffBotReply>> SayAsync(long telegramUserId, string text)
    {
        using var scope = app.Scope(); // like the webhook: nobody signed in until the bot finds the linked staff member
        return await scope.ServiceProvider.GetRequiredService<StaffBot>().HandleAsync(new StaffBotMessage(telegramUserId, telegramUserId, text), default);
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = app.Db();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<long> LinkedAsync(string email)
    {
        var tg = Interlocked.Increment(ref telegramIds);
        var code = await app.AsAsync(email, sp => sp.GetRequiredService<StaffLinks>().IssueAsync(sp.GetRequiredService<AlAroma.Web.Infrastructure.ICurrentUser>().UserId!, default));
        var reply = Assert.Single(await SayAsync(tg, code.Code));
        Assert.StartsWith("Готово", reply.Html);
        return tg;
    }

    [Fact]
    public async Task A_staff_member_links_telegram_with_the_profile_code_once_and_a_stranger_cannot_reuse_it()
    {
        var tg = Interlocked.Increment(ref telegramIds);
        Assert.Contains("пришлите шестизначный код из профиля", Assert.Single(await SayAsync(tg, "/start")).Html);

        var client = await app.ClientAsync("seller@alaroma.local");
        var profile = WebUtility.HtmlDecode(await client.GetStringAsync("/account/profile"));
        Assert.Contains("Привязать Telegram", profile);
        using var req = new HttpRequestMessage(HttpMethod.Post, "/account/profile/telegram/code");
        req.Headers.Add("HX-Request", "true");
        req.Headers.Add("RequestVerificationToken", await AppFixture.FormTokenAsync(client, "/account/profile"));
        var block = await (await client.SendAsync(req)).Content.ReadAsStringAsync();
        var code = System.Text.RegularExpressions.Regex.Match(block, "id=\"telegram-link-code\">(\\d{6})<").Groups[1].Value;
        Assert.Matches("^\\d{6}$", code);

        var done = Assert.Single(await SayAsync(tg, code));
        Assert.Equal("Готово, Продавцова Полина: Telegram привязан к вашей учётной записи. Выберите действие.", done.Html);
        Assert.Contains(StaffBot.Find, done.Keyboard!);
        await using (var db = app.Db())
            Assert.Equal(tg, await db.Users.Where(u => u.Email == "seller@alaroma.local").Select(u => u.TelegramUserId).SingleAsync());

        var stranger = Interlocked.Increment(ref telegramIds);
        Assert.StartsWith("Код не подошёл", Assert.Single(await SayAsync(stranger, code)).Html);
        await using (var db = app.Db())
            Assert.False(await db.Users.AnyAsync(u => u.TelegramUserId == stranger));
        Assert.Contains("Привязан", WebUtility.HtmlDecode(await client.GetStringAsync("/account/profile")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_linked_manager_finds_a_customer_by_the_bot_code_and_the_lookup_is_audited_as_them()
    {
        var tg = await LinkedAsync("manager@alaroma.local");
        var customer = await app.CustomerAsync(c => c.Name = "Вера Кодова", points: 420);
        string code;
        await using (var db = app.Db()) code = (await CustomerCodes.IssueAsync(db, customer.Id, DateTime.UtcNow, default)).Code;

        var card = Assert.Single(await SayAsync(tg, code));
        Assert.Contains("<b>Вера Кодова</b>", card.Html);
        Assert.Contains("Баллов: 420", card.Html);
        Assert.StartsWith("Код не подошёл", Assert.Single(await SayAsync(tg, code)).Html); // single use, as at the till

        var manager = await UserIdAsync("manager@alaroma.local");
        await using (var db = app.Db())
            Assert.True(await db.AuditEntries.AnyAsync(a => a.UserId == manager && a.Action == CustomerCardAudit.Action && a.Key == customer.Id.ToString()));
    }

    [Fact]
    public async Task A_gift_beyond_the_role_s_daily_limit_is_refused_and_what_fits_is_given_and_audited_as_the_staff_member()
    {
        var tg = await LinkedAsync("cashier@alaroma.local"); // Cashier: 300 points a day (appsettings)
        var customer = await app.CustomerAsync(c => c.Name = "Ольга Подаркова");
        await SayAsync(tg, customer.Phone);
        Assert.Contains("лимит — 300 баллов в день", Assert.Single(await SayAsync(tg, StaffBot.Gift)).Html);
        Assert.StartsWith("Подарено 200 баллов", Assert.Single(await SayAsync(tg, "200 извинение за ожидание")).Html);

        await SayAsync(tg, StaffBot.Gift);
        var refused = Assert.Single(await SayAsync(tg, "150 ещё раз"));
        Assert.Equal("Лимит подарков для роли «Кассир» — 300 баллов в день; сегодня вы уже подарили 200, можно ещё 100.", refused.Html);
        Assert.StartsWith("Подарено 100 баллов", Assert.Single(await SayAsync(tg, "100 ещё раз")).Html);

        var cashier = await UserIdAsync("cashier@alaroma.local");
        await using var db = app.Db();
        var gifts = await db.PointsEntries.Where(e => e.CustomerId == customer.Id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([(PointsEntryKind.Gift, 200, "извинение за ожидание"), (PointsEntryKind.Gift, 100, "ещё раз")], gifts.Select(g => (g.Kind, g.Points, g.Comment)));
        Assert.Equal(300, (await db.Customers.SingleAsync(c => c.Id == customer.Id)).PointsBalance);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.UserId == cashier && a.Entity == nameof(PointsEntry) && a.Action == "Create"));
    }

    [Fact]
    public async Task Two_staff_members_with_the_same_full_name_have_separate_daily_gift_limits()
    {
        async Task<long> NamesakeAsync()
        {
            using (var scope = app.Scope())
            {
                var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AlAroma.Web.Features.Account.AppUser>>();
                var email = $"namesake{Interlocked.Increment(ref telegramIds)}@alaroma.local";
                var user = new AlAroma.Web.Features.Account.AppUser { UserName = email, Email = email, FullName = "Тёзкина Тамара", EmailConfirmed = true, LockoutEnabled = true };
                Assert.True((await users.CreateAsync(user)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, AlAroma.Web.Features.Account.Roles.Cashier)).Succeeded); // 300 points a day
                return await LinkedAsync(email);
            }
        }
        var (first, second) = (await NamesakeAsync(), await NamesakeAsync());
        var customer = await app.CustomerAsync(c => c.Name = "Игорь Тёзкин");
        foreach (var tg in new[] { first, second })
        {
            await SayAsync(tg, customer.Phone);
            await SayAsync(tg, StaffBot.Gift);
            Assert.StartsWith("Подарено 300 баллов", Assert.Single(await SayAsync(tg, "300 за ожидание")).Html); // the namesake's 300 do not count
        }
        await SayAsync(first, customer.Phone);
        await SayAsync(first, StaffBot.Gift);
        Assert.Equal("Лимит подарков для роли «Кассир» — 300 баллов в день; сегодня вы уже подарили 300, можно ещё 0.", Assert.Single(await SayAsync(first, "1 ещё")).Html);

        await using var db = app.Db();
        var givers = await db.PointsEntries.Where(e => e.CustomerId == customer.Id && e.Kind == PointsEntryKind.Gift).Select(e => e.StaffUserId).ToListAsync();
        Assert.Equal(2, givers.Distinct().Count(id => id != null));
    }

    [Fact]
    public async Task At_closing_a_manager_who_linked_the_bot_gets_the_day_s_sales_new_customers_and_reviews_once()
    {
        const long chat = 6_660_001;
        await using (var db = app.Db())
            await db.Users.Where(u => u.Email == "manager@alaroma.local").ExecuteUpdateAsync(s => s.SetProperty(u => u.TelegramChatId, chat).SetProperty(u => u.TelegramUserId, chat));
        var customer = await app.CustomerAsync(c => c.Name = "Зоя Итогова");
        await app.SellAsync(customer);
        await app.AsAsync("manager@alaroma.local", sp => sp.GetRequiredService<AlAroma.Web.Features.Feedback.SubmitFeedback>()
            .SubmitAsync(customer.Id, AlAroma.Web.Features.Feedback.FeedbackKind.Review, 4, "Долго ждала на кассе", default));

        async Task<AlAroma.Web.Infrastructure.Jobs.JobOutcome> RunAsync()
        {
            using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<SendStaffDaySummary>().RunAsync(default);
        }
        Assert.Equal(1, (await RunAsync()).Rows);
        Assert.Equal(0, (await RunAsync()).Rows);

        await using var check = app.Db();
        var row = await check.Notifications.SingleAsync(n => n.EntityType == SendStaffDaySummary.EntityType && n.Recipient == chat.ToString());
        var data = System.Text.Json.JsonSerializer.Deserialize<AlAroma.Web.Features.Notifications.Outbox.TextMessage>(row.Data)!;
        Assert.Equal(AlAroma.Web.Features.Notifications.Outbox.TextMessage.StaffBot, data.Bot);
        Assert.StartsWith("<b>Итоги дня ", data.Text);
        Assert.Contains("Магазин на Тверской: ", data.Text);
        Assert.Matches("Новых клиентов: [1-9]", data.Text);
        Assert.Contains("Отзывов: 1, средняя оценка 4,0, низких (≤ 6): 1", data.Text);
    }
}
