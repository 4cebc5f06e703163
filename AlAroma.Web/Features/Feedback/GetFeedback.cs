using AlAroma.Web.Data;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Feedback;

/// <summary>
/// The page of one feedback: what the customer wrote, their card, the receipt and shop it is tied to, and the replies
/// with the delivery status of each message. Only for a user who sees the feedback's shop (<see cref="LocationScope"/>).
/// </summary>
public sealed class GetFeedback(AppDbContext db, LocationScope scope)
{
    /// <summary>A reply as sent: text, who and when (UTC), and the outbox message's status (null: not sent anywhere).</summary>
    public sealed record Reply(long Id, string Text, string UserName, DateTime AtUtc, long? MessageId, OutboxStatus? MessageStatus, string? MessageError);

    /// <summary>The page (null fields when there is no receipt or shop).</summary>
    public sealed record Model(Feedback Feedback, string CustomerName, string Phone, long? TelegramChatId, string? SaleNumber,
        string? Shop, string? TimeZoneId, IReadOnlyList<Reply> Replies);

    /// <summary>Feedback <paramref name="id"/>, or null when there is none or the user may not see its shop.</summary>
    public async Task<Model?> HandleAsync(long id, CancellationToken ct)
    {
        var f = await db.Feedback.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null || !await MaySeeAsync(scope, f.LocationId, ct)) return null;
        var c = await db.Customers.AsNoTracking().Where(x => x.Id == f.CustomerId).Select(x => new { x.Name, x.Phone, x.TelegramChatId }).SingleAsync(ct);
        var sale = f.SaleId is { } s ? await db.Sales.AsNoTracking().Where(x => x.Id == s).Select(x => x.Number).FirstOrDefaultAsync(ct) : null;
        var shop = f.LocationId is { } l ? await db.Locations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == l, ct) : null;
        var replies = await (from r in db.FeedbackReplies.AsNoTracking()
                             where r.FeedbackId == id
                             join m in db.Notifications on r.OutboxMessageId equals m.Id into ms
                             from m in ms.DefaultIfEmpty()
                             orderby r.Id
                             select new Reply(r.Id, r.Text, r.UserName, r.AtUtc, r.OutboxMessageId,
                                 m == null ? null : m.Status, m == null ? null : m.LastError)).ToListAsync(ct);
        return new Model(f, c.Name, c.Phone, c.TelegramChatId, sale, shop?.Name, shop?.TimeZoneId, replies);
    }

    /// <summary>
    /// Whether the signed-in user sees feedback of shop <paramref name="locationId"/>: one of their locations, or any
    /// (also none) when they see every location.
    /// </summary>
    public static async Task<bool> MaySeeAsync(LocationScope scope, int? locationId, CancellationToken ct) =>
        scope.SeesAll || locationId is { } l && await scope.MayAccessAsync(l, ct);
}
