using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Notifications.Bell;

/// <summary>
/// The Server-Sent Events of one user's bell (<c>GET /notifications/stream</c>, htmx-ext-sse): <c>bell</c> carries the
/// HTML of the bell link (the unread count, swapped by <c>sse-swap="bell"</c>), <c>toast</c> a JSON
/// <c>{id, title, text, link}</c> per notification that arrived since the stream opened (wwwroot/js/bell.js shows
/// it), and <c>ping</c> every <see cref="Heartbeat"/> when nothing happened, so proxies keep the idle connection open
/// (TypedResults.ServerSentEvents cannot write SSE comments; an event nobody listens to costs the browser nothing).
/// </summary>
public sealed class BellStream(AppDbContext db, BellHub hub)
{
    /// <summary>Seconds between heartbeats of an idle stream.</summary>
    public static TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Most toasts sent at one wake-up (the rest are in the list and the count).</summary>
    public const int MaxToasts = 5;

    /// <summary>The events of <paramref name="userId"/>'s bell until <paramref name="ct"/> (the client left).</summary>
    public async IAsyncEnumerable<SseItem<string>> EventsAsync(string userId, [EnumeratorCancellation] CancellationToken ct)
    {
        using var sub = hub.Subscribe(userId);
        var mine = db.Set<UserNotification>().AsNoTracking().Where(n => n.UserId == userId);
        var lastId = await mine.MaxAsync(n => (long?)n.Id, ct) ?? 0;
        yield return new SseItem<string>(BellHtml(await mine.CountAsync(n => n.ReadUtc == null, ct)), "bell");
        while (!ct.IsCancellationRequested)
        {
            if (!await WokenAsync(sub, ct))
            {
                if (ct.IsCancellationRequested) yield break;
                yield return new SseItem<string>("", "ping");
                continue;
            }
            var fresh = await mine.Where(n => n.Id > lastId).OrderByDescending(n => n.Id).Take(MaxToasts)
                .Select(n => new { n.Id, n.Title, n.Text, n.Link, n.ReadUtc }).ToListAsync(ct);
            if (fresh.Count > 0) lastId = fresh[0].Id;
            foreach (var n in fresh.Where(n => n.ReadUtc == null).OrderBy(n => n.Id))
                yield return new SseItem<string>(JsonSerializer.Serialize(new { id = n.Id, title = n.Title, text = n.Text, link = n.Link }), "toast") { EventId = n.Id.ToString() };
            yield return new SseItem<string>(BellHtml(await mine.CountAsync(n => n.ReadUtc == null, ct)), "bell");
        }
    }

    /// <summary>The inside of the bell link: the bell and, when there is something unread, the red count.</summary>
    public static string BellHtml(int unread) => unread > 0
        ? $"&#128276;<span class=\"badge rounded-pill bg-danger ms-1\" id=\"bell-count\">{unread}</span>"
        : "&#128276;<span class=\"visually-hidden\" id=\"bell-count\">0</span>";

    /// <summary>True when woken, false after a heartbeat's silence or when the client left.</summary>
    private static async Task<bool> WokenAsync(BellHub.Subscription sub, CancellationToken ct)
    {
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
        quiet.CancelAfter(Heartbeat);
        try
        {
            await sub.Signal.Reader.ReadAsync(quiet.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
