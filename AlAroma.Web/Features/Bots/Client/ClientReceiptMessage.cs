using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Notifications.Channels.Telegram;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Bots.Client;

/// <summary>
/// The receipt summary the client bot sends after a purchase (issue 12): number, shop, total, points earned and
/// spent, the balance after. Queued by the till's checkout in the sale's transaction, to customers reachable in
/// Telegram whose notifications are on (the bot's «Уведомления вкл/выкл», i.e. the Telegram consent).
/// </summary>
public static class ClientReceiptMessage
{
    /// <summary>The outbox subject type (entity id = the sale id); the receipt number replaces the provisional one when it is taken.</summary>
    public const string EntityType = "Sale";

    /// <summary>True when the customer gets the receipt in Telegram.</summary>
    public static bool Wanted(Customer c) => c.ReachableInTelegram && c.MarketingTelegram;

    /// <summary>The message, Telegram HTML.</summary>
    /// <param name="number">Receipt number ("S1-000123").</param>
    /// <param name="total">Total paid, ₽.</param>
    /// <param name="earned">Points accrued.</param>
    /// <param name="spent">Points paid with.</param>
    /// <param name="balance">Points balance after the sale.</param>
    public static string Text(string number, string shop, decimal total, int earned, int spent, int balance) => $"""
        🧾 <b>Чек {TelegramHtml.Escape(number)}</b> · {TelegramHtml.Escape(shop)}
        Сумма: {Money.Format(total)}
        Начислено баллов: +{earned}{(spent > 0 ? $"\nСписано баллов: {spent}" : "")}
        На счёте: {ClientCard.Points(balance)} баллов
        Спасибо за покупку!
        """;

    /// <summary>Queues the message for <paramref name="c"/> about sale <paramref name="saleId"/> when <see cref="Wanted"/>.</summary>
    /// <param name="subjectType">The outbox subject: <see cref="EntityType"/> for our tills' sales, another for an external register's.</param>
    public static OutboxMessage? Enqueue(NotificationOutbox outbox, Customer c, long saleId, string number, string shop, decimal total, int earned, int spent, int balance,
        string subjectType = EntityType) =>
        Wanted(c) ? outbox.Telegram(c.TelegramChatId!.Value, Text(number, shop, total, earned, spent, balance), new NotificationSubject(subjectType, saleId.ToString(System.Globalization.CultureInfo.InvariantCulture))) : null;
}
