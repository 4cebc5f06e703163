using System.Text.RegularExpressions;
using Telegram.Bot.Types.ReplyMarkups;

namespace AlAroma.Web.Features.Bots.Client;

/// <summary>A menu button of the client bot.</summary>
public enum ClientCommand
{
    Card, TillCode, Purchases, Birthday, Certificates, NearestShop, Notifications, Review, Idea, WriteToManagement,
}

/// <summary>
/// The client bot's reply keyboard (Bot API ReplyKeyboardMarkup: a pressed button sends its text as a message) and
/// the parsing of what came back; the share-contact and share-location keyboards (request_contact / request_location
/// work in private chats only).
/// </summary>
public static partial class ClientMenu
{
    private static readonly (ClientCommand Command, string Text)[] Buttons =
    [
        (ClientCommand.Card, "💳 Моя карта"), (ClientCommand.TillCode, "🔢 Код для кассы"),
        (ClientCommand.Purchases, "🧾 Покупки"), (ClientCommand.Certificates, "🎁 Мои сертификаты"),
        (ClientCommand.NearestShop, "📍 Ближайший магазин"), (ClientCommand.Birthday, "🎂 День рождения"),
        (ClientCommand.Review, "⭐ Отзыв"), (ClientCommand.Idea, "💡 Идея"),
        (ClientCommand.WriteToManagement, "✉️ Написать руководству"), (ClientCommand.Notifications, "🔔 Уведомления вкл/выкл"),
    ];

    /// <summary>The text of <paramref name="command"/>'s button.</summary>
    public static string Text(ClientCommand command) => Buttons.First(b => b.Command == command).Text;

    /// <summary>The main menu, two buttons a row, kept open.</summary>
    public static ReplyKeyboardMarkup Keyboard() =>
        new(Buttons.Chunk(2).Select(row => row.Select(b => new KeyboardButton(b.Text)))) { ResizeKeyboard = true, IsPersistent = true };

    /// <summary>One button that shares the sender's phone number.</summary>
    public static ReplyKeyboardMarkup ShareContact() =>
        new(KeyboardButton.WithRequestContact("📱 Поделиться номером")) { ResizeKeyboard = true, OneTimeKeyboard = true };

    /// <summary>One button that sends the sender's location, and the way back to the menu.</summary>
    public static ReplyKeyboardMarkup ShareLocation() =>
        new([[KeyboardButton.WithRequestLocation("📍 Отправить геопозицию")], [new KeyboardButton(Back)]]) { ResizeKeyboard = true, OneTimeKeyboard = true };

    /// <summary>The button that leaves a step without finishing it.</summary>
    public const string Back = "↩️ Меню";

    /// <summary>
    /// The command a text names: a button's text, or the words of it typed by hand ("моя карта", "Код для кассы");
    /// case and emoji do not matter. Null for anything else.
    /// </summary>
    public static ClientCommand? Parse(string? text)
    {
        var words = Normalize(text);
        if (words.Length == 0) return null;
        foreach (var (command, buttonText) in Buttons)
            if (Normalize(buttonText) == words) return command;
        return words switch { "уведомления" => ClientCommand.Notifications, "карта" => ClientCommand.Card, "код" => ClientCommand.TillCode, _ => null };
    }

    /// <summary>True for <see cref="Back"/> or /menu.</summary>
    public static bool IsBack(string? text) => Normalize(text) is "меню" or "menu" || text?.Trim() == "/menu";

    private static string Normalize(string? text) => Spaces().Replace(NotWords().Replace(text ?? "", " "), " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"[^\p{L}\p{N}/]+")]
    private static partial Regex NotWords();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
