using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Notifications.Bell;

/// <summary>The bell of every signed-in user: its event stream and the list «Уведомления».</summary>
[Authorize, Route("notifications")]
public sealed class NotificationsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListUserNotifications.Input input, [FromServices] ListUserNotifications list, CancellationToken ct) =>
        View("/Features/Notifications/Bell/Notifications.cshtml", await list.HandleAsync(input, ct));

    /// <summary>Server-Sent Events of the bell (see <see cref="BellStream"/>); one per open page.</summary>
    [HttpGet("stream")]
    public IResult Stream([FromServices] BellStream stream, [FromServices] ICurrentUser user, CancellationToken ct)
    {
        // TypedResults.ServerSentEvents sets no cache headers; nginx would buffer the stream without the second one.
        Response.Headers.CacheControl = "no-cache";
        Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(stream.EventsAsync(user.UserId!, ct));
    }

    /// <summary>A click on a notification: marks it read and opens its link (the list when it has none).</summary>
    [HttpPost("{id:long}/open")]
    public async Task<IActionResult> Open(long id, [FromServices] MarkNotificationsRead read, CancellationToken ct)
    {
        var link = await read.OneAsync(id, ct);
        return LocalRedirect(link is not null && Url.IsLocalUrl(link) ? link : "/notifications");
    }

    [HttpPost("{id:long}/read")]
    public async Task<IActionResult> Read(long id, [FromServices] MarkNotificationsRead read, CancellationToken ct)
    {
        await read.OneAsync(id, ct);
        if (!Request.IsHtmx()) return Redirect("/notifications");
        return PartialView("/Features/Notifications/Bell/_ReadMark.cshtml");
    }

    [HttpPost("read-all")]
    public async Task<IActionResult> ReadAll([FromServices] MarkNotificationsRead read, CancellationToken ct)
    {
        var n = await read.AllAsync(ct);
        TempData["SuccessToast"] = n == 0 ? "Непрочитанных уведомлений нет" : $"Прочитано: {n}";
        return Redirect("/notifications");
    }
}
