using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Notifications.Templates;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Pos;

/// <summary>
/// Queues a copy of a receipt to the customer's e-mail on the notifications outbox (the same layout as the printed
/// 80 mm receipt). Nothing talks to SMTP here: the dispatcher sends it, retries while the server is down, and the
/// «Уведомления» page shows where it is.
/// </summary>
public sealed class EmailReceipt(AppDbContext db, NotificationOutbox outbox)
{
    /// <summary>The outbox's entity type of a receipt copy (<see cref="OutboxMessage.EntityType"/>).</summary>
    public const string EntityType = "Sale";

    /// <summary>Queues the copy and saves; returns the address it will go to.</summary>
    /// <param name="html">The receipt rendered by <c>_ReceiptPaper</c>.</param>
    /// <exception cref="BusinessRuleException">The address is not an e-mail address; nothing is queued.</exception>
    public async Task<string> HandleAsync(GetReceipt.Model receipt, string email, string html, CancellationToken ct)
    {
        var s = receipt.Sale;
        var text = $"Чек {s.Number}, {receipt.Shop.Name}\nИтого: {Money.Format(s.Total)}\n" +
                   string.Join("\n", s.Lines.Select(l => $"{l.Name}: {l.Quantity} × {Money.Format(l.UnitPrice)} = {Money.Format(l.Total)}"));
        var m = outbox.Email(email, new ReceiptCopyEmail(s.Number, receipt.Shop.Name, s.Total, html, text), new NotificationSubject(EntityType, s.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return m.Recipient;
    }
}
