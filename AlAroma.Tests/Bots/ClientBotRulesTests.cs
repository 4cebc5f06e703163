using AlAroma.Web.Features.Bots.Client;
using AlAroma.Web.Features.Bots.Telegram;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Feedback;

namespace AlAroma.Tests.Bots;

/// <summary>The client bot's pure pieces: distances and the nearest shop, the dialog steps, the menu words, dates, the webhook secret.</summary>
public sealed class ClientBotRulesTests
{
    private static readonly NearestShop.Shop Tverskaya = new(1, "Тверская", "Москва, ул. Тверская, 12", "10–22", 55.7636, 37.6062);
    private static readonly NearestShop.Shop Aviapark = new(2, "Авиапарк", "Москва, Ходынский б-р, 4", "10–22", 55.7904, 37.5313);
    private static readonly NearestShop.Shop Nevsky = new(3, "Невский", "Санкт-Петербург, Невский пр., 28", "", 59.9357, 30.3259);

    [Fact]
    public void Distances_are_great_circle_kilometres()
    {
        Assert.InRange(NearestShop.Kilometres(55.7558, 37.6173, 59.9343, 30.3351), 630, 640); // Moscow – St Petersburg ≈ 634 km
        Assert.Equal(0, NearestShop.Kilometres(55.7636, 37.6062, 55.7636, 37.6062), 9);
        Assert.InRange(NearestShop.Kilometres(0, 179.9, 0, -179.9), 22, 23); // across the antimeridian: 0.2° of the equator
    }

    [Fact]
    public void The_nearest_shop_is_picked_by_distance_and_none_without_shops()
    {
        Assert.Equal(Aviapark, NearestShop.Pick([Tverskaya, Aviapark, Nevsky], 55.79, 37.53)!.Value.Shop);
        Assert.Equal(Tverskaya, NearestShop.Pick([Aviapark, Tverskaya, Nevsky], 55.757, 37.615)!.Value.Shop); // by the Kremlin
        Assert.Equal(Nevsky, NearestShop.Pick([Tverskaya, Aviapark, Nevsky], 60.0, 30.3)!.Value.Shop);
        Assert.Null(NearestShop.Pick([], 55.7, 37.6));
    }

    [Theory]
    [InlineData(0.3449, "340 м")]
    [InlineData(2.44, "2,4 км")]
    [InlineData(36.6, "37 км")]
    public void A_distance_is_written_as_people_say_it(double km, string text) => Assert.Equal(text, NearestShop.DistanceText(km));

    [Fact]
    public void A_review_asks_the_rating_then_the_text_and_an_idea_only_the_text()
    {
        var chat = new ClientChat();
        chat.StartFeedback(FeedbackKind.Review);
        Assert.Equal(ClientDialogStep.Rating, chat.Step);
        Assert.Null(chat.TakeFeedback()); // no text before the rating
        Assert.False(chat.Rate(11));
        Assert.False(chat.Rate(0));
        Assert.True(chat.Rate(4));
        Assert.False(chat.Rate(9)); // the rating is taken once
        Assert.Equal(ClientDialogStep.FeedbackText, chat.Step);
        Assert.Equal((FeedbackKind.Review, (int?)4), chat.TakeFeedback());
        Assert.Equal((ClientDialogStep.None, null, null), (chat.Step, chat.FeedbackKind, chat.Rating));
        Assert.Null(chat.TakeFeedback());

        chat.StartFeedback(FeedbackKind.Idea);
        Assert.Equal(ClientDialogStep.FeedbackText, chat.Step);
        Assert.False(chat.Rate(5));
        Assert.Equal((FeedbackKind.Idea, (int?)null), chat.TakeFeedback());
    }

    [Fact]
    public void Another_menu_step_drops_a_feedback_half_written()
    {
        var chat = new ClientChat();
        chat.StartFeedback(FeedbackKind.Review);
        chat.Rate(8);
        chat.Await(ClientDialogStep.Birthday);
        Assert.Null(chat.TakeFeedback());
        Assert.Null(chat.Rating);
    }

    [Theory]
    [InlineData("💳 Моя карта", ClientCommand.Card)]
    [InlineData("моя карта", ClientCommand.Card)]
    [InlineData("  Код для кассы ", ClientCommand.TillCode)]
    [InlineData("🔔 Уведомления вкл/выкл", ClientCommand.Notifications)]
    [InlineData("Написать руководству", ClientCommand.WriteToManagement)]
    [InlineData("⭐ Отзыв", ClientCommand.Review)]
    public void Menu_buttons_and_their_words_typed_by_hand_are_understood(string text, ClientCommand command) =>
        Assert.Equal(command, ClientMenu.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("Долго ждала на кассе")]
    [InlineData("моя карта пожалуйста")]
    public void Other_text_is_no_command(string text) => Assert.Null(ClientMenu.Parse(text));

    [Fact]
    public void Every_button_parses_back_to_its_command() =>
        Assert.All(Enum.GetValues<ClientCommand>(), c => Assert.Equal(c, ClientMenu.Parse(ClientMenu.Text(c))));

    [Theory]
    [InlineData("15.03.1990", 1990, 3, 15)]
    [InlineData("5.3.1990", 1990, 3, 5)]
    [InlineData("15/03/1990", 1990, 3, 15)]
    [InlineData("1990-03-15", 1990, 3, 15)]
    public void A_birthday_is_read_in_the_usual_ways(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), ClientAccount.ParseBirthday(text, new DateOnly(2026, 12, 2)).Date);

    [Theory]
    [InlineData("31.02.1990", "Не получилось")]
    [InlineData("15 марта", "Не получилось")]
    [InlineData("03.12.2026", "Проверьте год")]
    [InlineData("01.01.1900", "Проверьте год")]
    public void An_impossible_birthday_says_how_to_write_it(string text, string error)
    {
        var (date, message) = ClientAccount.ParseBirthday(text, new DateOnly(2026, 12, 2));
        Assert.Null(date);
        Assert.StartsWith(error, message);
    }

    [Theory]
    [InlineData(" S1", "S1")]
    [InlineData("spring_2026-tg", "spring_2026-tg")]
    [InlineData("S1; DROP", null)]
    [InlineData("магазин", null)]
    [InlineData("", null)]
    public void A_start_payload_keeps_only_telegrams_deep_link_alphabet(string payload, string? kept) =>
        Assert.Equal(kept, ClientChat.CleanPayload(payload));

    [Fact]
    public void A_payload_longer_than_64_characters_is_dropped() => Assert.Null(ClientChat.CleanPayload(new string('a', 65)));

    [Fact]
    public void The_webhook_secret_must_match_exactly_and_an_empty_one_opens_nothing()
    {
        Assert.True(TelegramWebhookController.SecretMatches("s3cret_A-1", "s3cret_A-1"));
        Assert.False(TelegramWebhookController.SecretMatches("s3cret_A-1", "s3cret_A-2"));
        Assert.False(TelegramWebhookController.SecretMatches("s3cret_A-1", "s3cret_A-1x"));
        Assert.False(TelegramWebhookController.SecretMatches("s3cret_A-1", ""));
        Assert.False(TelegramWebhookController.SecretMatches("", ""));
    }

    [Fact]
    public void The_receipt_goes_only_to_a_reachable_chat_with_notifications_on()
    {
        var c = new Customer { TelegramChatId = 42, MarketingTelegram = true };
        Assert.True(ClientReceiptMessage.Wanted(c));
        c.MarketingTelegram = false;
        Assert.False(ClientReceiptMessage.Wanted(c));
        c.MarketingTelegram = true;
        c.TelegramBlockedAtUtc = DateTime.UtcNow;
        Assert.False(ClientReceiptMessage.Wanted(c));
        Assert.False(ClientReceiptMessage.Wanted(new Customer { MarketingTelegram = true }));
    }

    [Fact]
    public void The_receipt_escapes_only_what_telegram_html_needs()
    {
        var text = ClientReceiptMessage.Text("S1-000007", "«Ароматы & Ко» <Тверская>", 1500m, 75, 0, 1234);
        Assert.Contains("<b>Чек S1-000007</b> · «Ароматы &amp; Ко» &lt;Тверская&gt;", text); // guillemets stay as typed, no &#171;
        Assert.DoesNotContain("&#", text);
    }

    [Fact]
    public void Auto_mode_is_a_webhook_with_a_public_url_and_polling_without()
    {
        Assert.Equal(BotReceiveMode.Polling, new TelegramBotsOptions().EffectiveMode);
        var o = new TelegramBotsOptions { PublicUrl = "https://crm.alaroma.ru/" };
        Assert.Equal(BotReceiveMode.Webhook, o.EffectiveMode);
        Assert.Equal("https://crm.alaroma.ru/bots/telegram/client", o.WebhookUrl("client"));
        Assert.Equal(BotReceiveMode.Off, new TelegramBotsOptions { PublicUrl = "https://x", Mode = BotReceiveMode.Off }.EffectiveMode);
    }
}
