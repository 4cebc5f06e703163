using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Bots.Client;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Customers.Card;
using AlAroma.Web.Features.Feedback;
using AlAroma.Web.Features.Loyalty.Gifts;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Pos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Bots;

/// <summary>
/// The client bot driven through its webhook with real Update JSON against the fake Bot API: the whole journey from
/// /start to the receipt message after a sale at the till, and what the bot refuses.
/// </summary>
public sealed class ClientBotTests(ClientBotFixture app) : IClassFixture<ClientBotFixture>
{
    [Fact]
    public async Task Start_contact_card_code_at_the_till_sale_and_the_receipt_with_points_arrives_in_the_chat()
    {
        var user = ClientBotFixture.NewUser();
        var phone = ClientBotFixture.NewPhone();

        Assert.Equal(HttpStatusCode.OK, await app.PostAsync(Updates.Text(user, "/start S1")));
        var askContact = app.Telegram.Sent(user).Last();
        Assert.Contains("\"request_contact\":true", askContact.ReplyMarkup);

        await app.PostAsync(Updates.Contact(user, phone[1..], user)); // Telegram sends the number without "+"
        var customer = (await app.CustomerOfAsync(user))!;
        Assert.Equal((phone, user, "S1"), (customer.Phone, customer.TelegramChatId!.Value, customer.Source));
        Assert.Equal(200, customer.PointsBalance); // the welcome bonus of the default terms
        var afterContact = app.Telegram.Sent(user).Skip(1).ToList();
        Assert.Contains(afterContact, c => c.Text.Contains("+200 баллов"));
        var consentQuestion = Assert.Single(afterContact, c => c.ReplyMarkup?.Contains(ClientBot.ConsentYes) == true);

        await app.PostAsync(Updates.Callback(user, ClientBot.ConsentYes));
        customer = (await app.CustomerOfAsync(user))!;
        Assert.True(customer.MarketingTelegram);
        Assert.Equal(ConsentSource.Bot, customer.TelegramConsentSource);
        Assert.Contains(app.Telegram.Calls, c => c.Method == "answerCallbackQuery" && c.Status == 200);

        await app.PostAsync(Updates.Text(user, ClientMenu.Text(ClientCommand.Card)));
        var card = app.Telegram.Sent(user).Last();
        Assert.Equal("sendPhoto", card.Method);
        Assert.Equal(CardQrCode.Png(customer), card.Photo); // the PNG went up as a multipart file
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], card.Photo![..4]);
        Assert.Contains("Баллов: <b>200</b>", card.Text);
        Assert.Contains("до Серебра", card.Text);

        await app.PostAsync(Updates.Text(user, ClientMenu.Text(ClientCommand.TillCode)));
        var code = Regex.Match(app.Telegram.Sent(user).Last().Text, @"(\d{3}) (\d{3})");
        Assert.True(code.Success);

        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 1");
        var found = await app.AsAsync(cashier, sp => sp.GetRequiredService<TillCustomer>().FindAsync(register, code.Value, default));
        Assert.True(found.Attached);
        var product = (await app.ProductsAsync(0, 1))[0];
        await app.AddAsync(cashier, register, (product.Id, 1));
        var sale = await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, product.Price, null));
        var written = await app.SaleAsync(sale.SaleId);
        Assert.True(written.PointsAccrued > 0);

        await app.DispatchUntilAsync(() => app.Telegram.Sent(user).Any(c => c.Text.Contains("Чек")));
        var receipt = app.Telegram.Sent(user).Last();
        Assert.Contains($"Чек {sale.Number}", receipt.Text);
        Assert.DoesNotContain("~", receipt.Text); // the provisional number was replaced in the outbox row
        Assert.Contains($"Начислено баллов: +{written.PointsAccrued}", receipt.Text);
        Assert.Contains($"На счёте: {ClientCard.Points(200 + written.PointsAccrued)} баллов", receipt.Text);

        var manager = await app.ClientAsync("manager@alaroma.local");
        Assert.Contains("источник: S1", await manager.GetStringAsync($"/customers/{customer.Id}"));
    }

    [Fact]
    public async Task With_notifications_off_a_sale_queues_no_receipt_message()
    {
        var (user, customer) = await app.JoinAsync();
        await app.PostAsync(Updates.Callback(user, ClientBot.ConsentNo));
        Assert.False((await app.ReloadAsync(customer)).MarketingTelegram);

        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 2");
        await app.AttachAsync(cashier, register, customer);
        var product = (await app.ProductsAsync(1, 1))[0];
        await app.AddAsync(cashier, register, (product.Id, 1));
        var sale = await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, product.Price, null));

        await using var db = app.Db();
        Assert.True((await db.Sales.SingleAsync(s => s.Id == sale.SaleId)).PointsAccrued > 0);
        Assert.False(await db.Notifications.AnyAsync(n => n.Channel == Channel.Telegram && n.EntityType == "Sale" && n.EntityId == sale.SaleId.ToString()));
    }

    [Fact]
    public async Task Someone_elses_contact_is_refused_and_links_nothing()
    {
        var user = ClientBotFixture.NewUser();
        await app.PostAsync(Updates.Text(user, "/start"));
        await app.PostAsync(Updates.Contact(user, ClientBotFixture.NewPhone(), ClientBotFixture.NewUser()));
        await app.PostAsync(Updates.Contact(user, ClientBotFixture.NewPhone(), contactUserId: null)); // a typed contact has no user_id

        Assert.Null(await app.CustomerOfAsync(user));
        var replies = app.Telegram.Sent(user).Skip(1).ToList();
        Assert.Equal(2, replies.Count);
        Assert.All(replies, r => Assert.Contains("Это не ваш номер", r.Text));
    }

    [Fact]
    public async Task A_replayed_update_id_does_nothing_and_a_wrong_secret_gets_403()
    {
        var (user, customer) = await app.JoinAsync();
        var before = app.Telegram.Sent(user).Count;
        var update = Updates.Text(user, ClientMenu.Text(ClientCommand.TillCode));

        Assert.Equal(HttpStatusCode.OK, await app.PostAsync(update));
        Assert.Equal(HttpStatusCode.OK, await app.PostAsync(update)); // Telegram resends until it gets a 2xx
        Assert.Equal(before + 1, app.Telegram.Sent(user).Count);
        await using (var db = app.Db())
            Assert.Equal(1, await db.CustomerCodes.CountAsync(c => c.CustomerId == customer.Id));

        Assert.Equal(HttpStatusCode.Forbidden, await app.PostAsync(Updates.Text(user, ClientMenu.Text(ClientCommand.TillCode)), "wrong-secret"));
        Assert.Equal(HttpStatusCode.Forbidden, await app.PostAsync(Updates.Text(user, ClientMenu.Text(ClientCommand.TillCode)), secret: null));
        Assert.Equal(HttpStatusCode.Forbidden, await app.PostAsync(Updates.Text(user, ClientMenu.Text(ClientCommand.TillCode)), ClientBotFixture.Secret + "x"));
        Assert.Equal(before + 1, app.Telegram.Sent(user).Count);
    }

    [Fact]
    public async Task The_welcome_bonus_is_given_once_and_an_existing_customer_is_linked_by_phone()
    {
        var existing = await app.CustomerAsync(points: 50);
        var (user, linked) = await app.JoinAsync("8" + existing.Phone[2..]);
        Assert.Equal(existing.Id, linked.Id);
        Assert.Equal(250, linked.PointsBalance);

        await app.PostAsync(Updates.Contact(user, existing.Phone, user)); // shared again
        Assert.Equal(250, (await app.ReloadAsync(existing)).PointsBalance);
        await using var db = app.Db();
        Assert.Single(await db.PointsEntries.Where(p => p.CustomerId == existing.Id && p.Comment == "Приветственный бонус за вход в бот").ToListAsync());
    }

    [Fact]
    public async Task A_customer_who_blocked_the_bot_is_unreachable_until_they_write_again()
    {
        var (user, customer) = await app.JoinAsync();
        app.Telegram.BlockedChats[user] = true;
        using (var scope = app.Till.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<NotificationOutbox>().Telegram(user, "Подарок ко дню рождения", new NotificationSubject("Campaign", "1"));
            await scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>().SaveChangesAsync();
        }
        await app.DispatchUntilAsync(() => app.Telegram.Calls.Any(c => c.Chat == user && c.Status == 403));
        await Task.Delay(200);

        var blocked = await app.ReloadAsync(customer);
        Assert.NotNull(blocked.TelegramBlockedAtUtc);
        Assert.False(blocked.ReachableInTelegram);
        await using (var db = app.Db())
            Assert.False(await db.Customers.AnyAsync(c => c.Id == customer.Id && c.TelegramChatId != null && c.TelegramBlockedAtUtc == null));
        var client = await app.ClientAsync("manager@alaroma.local");
        Assert.Contains("недоступен в Telegram", await client.GetStringAsync($"/customers/{customer.Id}"));

        app.Telegram.BlockedChats.TryRemove(user, out _);
        await app.PostAsync(Updates.Text(user, "/start"));
        Assert.True((await app.ReloadAsync(customer)).ReachableInTelegram);

        // A reply Telegram refuses for good is not a reason to have the update sent again: 200, one attempt.
        app.Telegram.BlockedChats[user] = true;
        var refusals = app.Telegram.Calls.Count(c => c.Chat == user && c.Status == 403);
        Assert.Equal(HttpStatusCode.OK, await app.PostAsync(Updates.Text(user, ClientMenu.Text(ClientCommand.Purchases))));
        Assert.Equal(refusals + 1, app.Telegram.Calls.Count(c => c.Chat == user && c.Status == 403));
    }

    [Fact]
    public async Task The_nearest_shop_comes_as_a_venue_with_its_address_and_hours()
    {
        var (user, _) = await app.JoinAsync();
        await app.PostAsync(Updates.Text(user, ClientMenu.Text(ClientCommand.NearestShop)));
        Assert.Contains("\"request_location\":true", app.Telegram.Sent(user).Last().ReplyMarkup);

        await app.PostAsync(Updates.Location(user, 55.7890, 37.5290)); // next to the Aviapark
        var venue = app.Telegram.Sent(user).Single(c => c.Method == "sendVenue");
        Assert.Contains("Авиапарк", venue.Body["title"]!.ToString());
        Assert.Equal("Москва, Ходынский б-р, 4", venue.Body["address"]!.ToString());
        Assert.Contains("Часы работы: ежедневно 10:00–22:00", app.Telegram.Sent(user).Last().Text);
    }

    [Fact]
    public async Task A_review_rated_4_goes_to_the_feedback_inbox_with_the_last_receipt()
    {
        var (user, customer) = await app.JoinAsync();
        await app.PostAsync(Updates.Text(user, ClientMenu.Text(ClientCommand.Review)));
        Assert.Contains("rate:10", app.Telegram.Sent(user).Last().ReplyMarkup);
        await app.PostAsync(Updates.Callback(user, ClientBot.RatePrefix + "4"));
        await app.PostAsync(Updates.Text(user, "Долго ждала на кассе"));

        await using var db = app.Db();
        var f = await db.Set<Web.Features.Feedback.Feedback>().SingleAsync(x => x.CustomerId == customer.Id);
        Assert.Equal((FeedbackKind.Review, 4, "Долго ждала на кассе"), (f.Kind, f.Rating, f.Text));
        Assert.Contains("Спасибо за отзыв", app.Telegram.Sent(user).Last().Text);
    }

    [Fact]
    public async Task A_birthday_is_set_once_and_the_second_time_the_bot_sends_to_a_manager()
    {
        var (user, customer) = await app.JoinAsync();
        await app.PostAsync(Updates.Text(user, ClientMenu.Text(ClientCommand.Birthday)));
        await app.PostAsync(Updates.Text(user, "31.02.1990"));
        Assert.Contains("Не получилось прочитать дату", app.Telegram.Sent(user).Last().Text);
        await app.PostAsync(Updates.Text(user, "15.03.1990"));
        Assert.Equal(new DateOnly(1990, 3, 15), (await app.ReloadAsync(customer)).Birthday);

        await app.PostAsync(Updates.Text(user, ClientMenu.Text(ClientCommand.Birthday)));
        Assert.Contains("менеджер", app.Telegram.Sent(user).Last().Text);
    }

    [Fact]
    public async Task The_card_lists_the_open_gifts_with_their_last_day_but_not_an_expired_or_handed_over_one()
    {
        var (user, customer) = await app.JoinAsync();
        var product = (await app.ProductsAsync(0, 1))[0].Id;
        async Task<CustomerGift> IssueAsync(string name, GiftKind kind, int days)
        {
            int type;
            await using (var db = app.Db())
            {
                var t = new GiftType
                {
                    Name = $"{name} {customer.Id}", Kind = kind, ValidDays = days, StaffMayGive = true,
                    DiscountPercent = kind == GiftKind.Discount ? 15 : null, ProductId = kind == GiftKind.Product ? product : null,
                };
                db.GiftTypes.Add(t);
                await db.SaveChangesAsync();
                type = t.Id;
            }
            var manager = await app.PrincipalAsync("manager@alaroma.local");
            return await app.AsAsync(manager, sp => sp.GetRequiredService<IssueGift>().HandleAsync(customer.Id, type, GiftSource.Staff, "Менеджерова Мария", default));
        }
        static string LastDay(CustomerGift g) => $"{g.ExpiresAtUtc.AddHours(3).AddTicks(-1):dd.MM.yyyy}"; // Moscow: the customer has no home shop

        var discount = await IssueAsync("Скидка на день рождения", GiftKind.Discount, 7);
        var sample = await IssueAsync("Миниатюра Dior", GiftKind.Product, 40);
        var expired = await IssueAsync("Просроченный пробник", GiftKind.Product, 30);
        var handedOver = await IssueAsync("Выданный пробник", GiftKind.Product, 30);
        await using (var db = app.Db())
        {
            await db.CustomerGifts.Where(g => g.Id == expired.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresAtUtc, DateTime.UtcNow.AddMinutes(-1)));
            await db.CustomerGifts.Where(g => g.Id == handedOver.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.RedeemedAtUtc, DateTime.UtcNow));
        }

        await app.PostAsync(Updates.Text(user, ClientMenu.Text(ClientCommand.Card)));
        var card = app.Telegram.Sent(user).Last();
        Assert.Equal("sendPhoto", card.Method);
        var gifts = card.Text.Split('\n').Single(l => l.StartsWith("🎁 Подарки: "));
        Assert.Equal($"🎁 Подарки: {discount.Name} — до {LastDay(discount)}; {sample.Name} — до {LastDay(sample)}", gifts); // soonest to expire first
        Assert.DoesNotContain(expired.Name, card.Text);
        Assert.DoesNotContain(handedOver.Name, card.Text);
    }

    [Fact]
    public async Task A_returning_customer_s_name_is_escaped_for_telegram_html_only_where_it_must_be()
    {
        var (user, customer) = await app.JoinAsync();
        await using (var db = app.Db())
            await db.Customers.Where(c => c.Id == customer.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Анна «Роза» O'Hara & <Co>"));
        await app.PostAsync(Updates.Text(user, "/start"));
        Assert.StartsWith("С возвращением, Анна «Роза» O'Hara &amp; &lt;Co&gt;! ", app.Telegram.Sent(user).Last().Text);
    }

    [Fact]
    public async Task The_card_qr_holds_what_the_till_finds_the_customer_by()
    {
        var customer = await app.CustomerAsync();
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 2");
        var found = await app.AsAsync(cashier, sp => sp.GetRequiredService<TillCustomer>().FindAsync(register, CardQrCode.Content(customer), default));
        Assert.True(found.Attached);
        Assert.Equal(customer.Name, (await app.CartAsync(cashier, register)).Customer!.Name);
    }
}
