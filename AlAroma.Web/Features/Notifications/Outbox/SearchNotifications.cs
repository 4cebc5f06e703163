using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Notifications.Outbox;

/// <summary>Filter of the «Уведомления» page. Dates are local days of the chain default zone (the outbox spans every location), inclusive.</summary>
public sealed record NotificationFilter(Channel? Channel, OutboxStatus? Status, DateOnly? From, DateOnly? To, string? Recipient, long? Before);

/// <summary>The outbox newest first, 50 per page (keyset on the id), with the attempt log of each row and the counts per status.</summary>
public sealed class SearchNotifications(AppDbContext db)
{
    public const int PageSize = 50;

    /// <summary>A page: rows with their attempts, the id to page on from, the counts per status of the filter without its status.</summary>
    public sealed record Page(IReadOnlyList<OutboxMessage> Rows, long? NextBefore, IReadOnlyDictionary<OutboxStatus, int> Counts);

    public async Task<Page> HandleAsync(NotificationFilter f, CancellationToken ct)
    {
        var q = db.Notifications.AsNoTracking();
        if (f.Channel is { } channel) q = q.Where(n => n.Channel == channel);
        var (fromUtc, toUtc) = LocalTime.Period(f.From, f.To);
        if (fromUtc is { } start) q = q.Where(n => n.CreatedAtUtc >= start);
        if (toUtc is { } end) q = q.Where(n => n.CreatedAtUtc < end);
        if (!string.IsNullOrWhiteSpace(f.Recipient))
        {
            var like = SqlLike.Contains(f.Recipient.Trim());
            q = q.Where(n => EF.Functions.ILike(n.Recipient, like, SqlLike.Escape));
        }
        var counts = await q.GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        if (f.Status is { } status) q = q.Where(n => n.Status == status);
        if (f.Before is { } before) q = q.Where(n => n.Id < before);
        var rows = await q.OrderByDescending(n => n.Id).Take(PageSize + 1).Include(n => n.AttemptLog.OrderBy(a => a.Number)).ToListAsync(ct);
        return new Page(rows.Take(PageSize).ToList(), rows.Count > PageSize ? rows[PageSize - 1].Id : null, counts);
    }

    /// <summary>Russian name of a status.</summary>
    public static string StatusLabel(OutboxStatus s) => s switch
    {
        OutboxStatus.Pending => "В очереди",
        OutboxStatus.Sending => "Отправляется",
        OutboxStatus.Sent => "Отправлено",
        OutboxStatus.Failed => "Не отправлено",
        OutboxStatus.Cancelled => "Отменено",
        _ => s.ToString(),
    };

    /// <summary>Russian name of a channel.</summary>
    public static string ChannelLabel(Channel c) => c switch
    {
        Channel.Email => "E-mail",
        Channel.Sms => "SMS",
        Channel.Telegram => "Telegram",
        _ => c.ToString(),
    };
}
