namespace AlAroma.Web.Features.Notifications.Channels.Telegram;

/// <summary>
/// Text for Telegram's HTML parse mode. Bot API "Formatting options → HTML style": every <c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c> that is not part of a tag or entity must be replaced with <c>&amp;lt;</c>, <c>&amp;gt;</c>,
/// <c>&amp;amp;</c>; nothing else is escaped (guillemets and Cyrillic stay as they are).
/// </summary>
public static class TelegramHtml
{
    /// <summary>User or database text made safe inside a Telegram HTML message.</summary>
    public static string Escape(string? text) => (text ?? "").Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
