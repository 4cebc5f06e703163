using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Lists;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Notifications.Outbox;

/// <summary>
/// Filter, sort and page of the «Уведомления» page, from the query string. Dates are local days of the chain default
/// zone (the outbox spans every location), inclusive; empty fields do not filter.
/// </summary>
public sealed class NotificationFilter
{
    public Channel? Channel { get; set; }
    public OutboxStatus? Status { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>Part of the address, phone or chat id.</summary>
    public string? Recipient { get; set; }

    /// <summary>Column key of <see cref="SearchNotifications.Sorts"/>, "-" in front for descending.</summary>
    public string? Sort { get; set; }

    /// <summary>Keyset cursor of «Следующая».</summary>
    public string? After { get; set; }

    /// <summary>Keyset cursor of «Предыдущая».</summary>
    public string? Before { get; set; }
}

/// <summary>
/// The outbox, newest first unless sorted otherwise, 50 per page by keyset (<see cref="SortColumns{T}"/>: the sort
/// value and the id), with the attempt log of each row, the count of the filter and the counts per status.
/// </summary>
public sealed class SearchNotifications(AppDbContext db)
{
    public const int PageSize = 50;

    /// <summary>Columns the list sorts by: created (default, newest first), recipient, attempts.</summary>
    public static readonly SortColumns<OutboxMessage> Sorts = new SortColumns<OutboxMessage>("created", defaultDescending: true)
        .Add("created", n => n.CreatedAtUtc).Add("recipient", n => n.Recipient).Add("attempts", n => n.Attempts);

    /// <summary>A page: rows with their attempts in display order, paging, the count of the filter, the counts per status of the filter without its status.</summary>
    public sealed record Page(NotificationFilter Filter, IReadOnlyList<OutboxMessage> Rows, KeysetPage Paging, int Count,
        IReadOnlyDictionary<OutboxStatus, int> Counts, ListSort Sort);

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
        var sort = Sorts.Parse(f.Sort);
        var paging = await Sorts.PageAsync(q, sort, n => n.Id, f.After, f.Before, PageSize, ct);
        var ids = paging.Ids.ToList();
        var rows = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).Include(n => n.AttemptLog.OrderBy(a => a.Number)).ToListAsync(ct);
        var count = f.Status is { } only ? counts.GetValueOrDefault(only) : counts.Values.Sum();
        return new Page(f, paging.InOrder(rows, n => n.Id), paging, count, counts, sort);
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
