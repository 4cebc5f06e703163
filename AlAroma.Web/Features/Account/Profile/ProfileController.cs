using System.Security.Claims;
using AlAroma.Web.Features.Bots.Staff;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Account.Profile;

/// <summary>«Профиль» of the signed-in staff member, with «Привязать Telegram» for the staff bot.</summary>
[Authorize, Route("account/profile")]
public sealed class ProfileController : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] GetProfile get, CancellationToken ct) =>
        await get.HandleAsync(UserId, null, ct) is { } m ? View("Profile", m) : NotFound();

    /// <summary>«Получить код привязки»: a fresh one-time code (10 minutes) for the staff bot; htmx gets the Telegram block.</summary>
    [HttpPost("telegram/code")]
    public async Task<IActionResult> LinkCode([FromServices] StaffLinks links, [FromServices] GetProfile get, CancellationToken ct)
    {
        var code = await links.IssueAsync(UserId, ct);
        var m = await get.HandleAsync(UserId, code.Code, ct);
        return Request.IsHtmx() ? PartialView("_TelegramLink", m) : View("Profile", m);
    }

    /// <summary>«Отвязать»: the staff bot forgets this user's Telegram account.</summary>
    [HttpPost("telegram/unlink")]
    public async Task<IActionResult> Unlink([FromServices] StaffLinks links, [FromServices] GetProfile get, CancellationToken ct)
    {
        await links.UnlinkAsync(UserId, ct);
        Response.Toast("Telegram отвязан: бот сотрудников вас больше не узнает.");
        var m = await get.HandleAsync(UserId, null, ct);
        return Request.IsHtmx() ? PartialView("_TelegramLink", m) : View("Profile", m);
    }
}
