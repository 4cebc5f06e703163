using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Notifications.Bell;

/// <summary>«Уведомления» (/notifications): the signed-in user's notifications, newest first, by pages of <see cref="PageSize"/> (keyset on id).</summary>
public sealed class ListUserNotifications(AppDbContext db, ICurrentUser user)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>Filter: only unread ones, and the page before notification id <see cref="Before"/> (null = newest).</summary>
    public sealed class Input
    {
        public bool Unread { get; set; }
        public long? Before { get; set; }
    }

    /// <summary>A row; time UTC (shown in the chain's zone or the location's).</summary>
    public sealed record Row(long Id, string Title, string Text, string? Link, DateTime CreatedUtc, bool Read, string? Location, string? TimeZoneId);

    /// <summary>The page, the unread total, and the id to continue from (null on the last page).</summary>
    public sealed record Result(Input Filter, List<Row> Rows, int Unread, long? Next);

    public async Task<Result> HandleAsync(Input input, CancellationToken ct)
    {
        var mine = db.Set<UserNotification>().AsNoTracking().Where(n => n.UserId == user.UserId);
        var q = mine;
        if (input.Unread) q = q.Where(n => n.ReadUtc == null);
        if (input.Before is { } before) q = q.Where(n => n.Id < before);
        var rows = await (from n in q
                          join l in db.Locations on n.LocationId equals l.Id into ls
                          from l in ls.DefaultIfEmpty()
                          orderby n.Id descending
                          select new Row(n.Id, n.Title, n.Text, n.Link, n.CreatedUtc, n.ReadUtc != null, l.Name, l.TimeZoneId))
            .Take(PageSize + 1).ToListAsync(ct);
        long? next = rows.Count > PageSize ? rows[PageSize - 1].Id : null;
        if (next is not null) rows.RemoveAt(PageSize);
        return new Result(input, rows, await mine.CountAsync(n => n.ReadUtc == null, ct), next);
    }
}
