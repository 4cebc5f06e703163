using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Bots.MiniApp;

/// <summary>
/// The Mini App card (issue 12), opened from the client bot's menu button inside Telegram. The page itself holds no
/// data and needs no sign-in; its script posts the Telegram initData to <c>/miniapp/card</c> and <c>/miniapp/code</c>
/// (form field <c>initData</c>, or header <see cref="InitDataHeader"/>), which answer only for a valid, fresh initData
/// (<see cref="MiniAppAuth"/>) and 401 otherwise. There is no cookie inside Telegram, so no antiforgery token can
/// be issued: these POSTs are exempt from antiforgery on purpose — the signed initData is their authentication, and a
/// cross-site form cannot forge it. Telegram's web client shows a Mini App in an iframe, so these responses may be
/// framed by the origins of "Security:FrameAncestors" (https://web.telegram.org); nothing else of the app may.
/// </summary>
[AllowAnonymous, IgnoreAntiforgeryToken, Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.MiniApp), NetEscapades.AspNetCore.SecurityHeaders.SecurityHeadersPolicy(Infrastructure.SecurityHeadersSetup.FramedPolicy)]
public sealed class MiniAppController(MiniAppAuth auth) : Controller
{
    /// <summary>Header that may carry the initData instead of the form field.</summary>
    public const string InitDataHeader = "X-Telegram-Init-Data";

    [HttpGet("/miniapp")]
    public IActionResult Index() => View("MiniApp");

    /// <summary>The card fragment; 401 for a forged or stale initData.</summary>
    [HttpPost("/miniapp/card")]
    public async Task<IActionResult> Card([FromForm] string? initData, [FromServices] GetMiniAppCard get, CancellationToken ct)
    {
        var who = await auth.AuthenticateAsync(InitData(initData), ct);
        if (!who.Check.IsValid) return Refused();
        if (who.CustomerId is not { } id || await get.HandleAsync(id, ct) is not { } card) return PartialView("_MiniAppNotLinked");
        return PartialView("_MiniAppCard", card);
    }

    /// <summary>A fresh six-digit code for the till; 401 for a forged or stale initData.</summary>
    [HttpPost("/miniapp/code")]
    public async Task<IActionResult> Code([FromForm] string? initData, [FromServices] IssueMiniAppCode issue, CancellationToken ct)
    {
        var who = await auth.AuthenticateAsync(InitData(initData), ct);
        if (!who.Check.IsValid) return Refused();
        if (who.CustomerId is not { } id) return PartialView("_MiniAppNotLinked");
        return PartialView("_MiniAppCode", await issue.HandleAsync(id, ct));
    }

    private string? InitData(string? form) => string.IsNullOrEmpty(form) ? Request.Headers[InitDataHeader].FirstOrDefault() : form;

    private PartialViewResult Refused()
    {
        var view = PartialView("_MiniAppRefused");
        view.StatusCode = StatusCodes.Status401Unauthorized;
        return view;
    }
}
