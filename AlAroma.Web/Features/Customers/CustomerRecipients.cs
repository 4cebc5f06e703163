using System.Globalization;

namespace AlAroma.Web.Features.Customers;

/// <summary>The outbox recipients that are this customer: their phone (SMS), e-mail and Telegram chat id.</summary>
public static class CustomerRecipients
{
    /// <summary>"+79161234567", the e-mail when on file, the chat id as digits when the bot knows it.</summary>
    public static List<string> Of(Customer c)
    {
        var recipients = new List<string> { c.Phone };
        if (!string.IsNullOrWhiteSpace(c.Email)) recipients.Add(c.Email);
        if (c.TelegramChatId is { } chat) recipients.Add(chat.ToString(CultureInfo.InvariantCulture));
        return recipients;
    }
}
