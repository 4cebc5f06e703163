using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Notifications;

/// <summary>«Уведомления»: the outbox with filters, attempts and errors, «Повторить» and a test send.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Manager), Route("admin/notifications")]
public sealed class NotificationsController(SearchNotifications search) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] NotificationFilter filter, CancellationToken ct) =>
        View("Notifications", await search.HandleAsync(filter, ct));

    /// <summary>«Повторить» of one failed message.</summary>
    [HttpPost("{id:long}/retry")]
    public async Task<IActionResult> Retry(long id, [FromServices] RetryNotifications retry, CancellationToken ct)
    {
        TempData["SuccessToast"] = await retry.HandleAsync([id], ct) > 0 ? "Сообщение снова в очереди отправки." : "Это сообщение уже не в статусе «Не отправлено».";
        return Redirect(Request.Headers.Referer.FirstOrDefault() is { } back && Url.IsLocalUrl(new Uri(back).PathAndQuery) ? new Uri(back).PathAndQuery : "/admin/notifications");
    }

    /// <summary>The test-send form.</summary>
    [HttpPost("test")]
    public async Task<IActionResult> Test(Channel channel, string? recipient, string? text, [FromServices] SendTestNotification send, CancellationToken ct)
    {
        var m = await send.HandleAsync(channel, recipient, text, ct);
        TempData["SuccessToast"] = $"Проверочное сообщение поставлено в очередь: {m.Recipient}.";
        return Redirect("/admin/notifications");
    }
}
