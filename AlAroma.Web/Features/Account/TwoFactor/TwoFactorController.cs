using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace AlAroma.Web.Features.Account.TwoFactor;

/// <summary>
/// «Двухфакторный вход», opened from the profile: set up an authenticator app (QR code, key, confirm with a code),
/// see the recovery codes once, issue new ones, turn it off where the role allows. Open before the setup is done
/// (<see cref="AllowWithoutTwoFactorAttribute"/>), since a user who must have it is sent here.
/// </summary>
[Authorize, AllowWithoutTwoFactor, Route("account/two-factor")]
public sealed class TwoFactorController(UserManager<AppUser> users) : Controller
{
    /// <summary>The page; <c>required=true</c> when the user was sent here because their role requires it.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] GetTwoFactorSetup setup, bool required = false)
    {
        if (await users.GetUserAsync(User) is not { } user) return NotFound();
        ViewData["SentHere"] = required;
        return View("TwoFactor", await setup.HandleAsync(user));
    }

    /// <summary>The QR code of the otpauth:// URI as PNG (not cached); 404 once two-factor sign-in is on.</summary>
    [HttpGet("qr.png")]
    public async Task<IActionResult> Qr([FromServices] GetTwoFactorSetup setup)
    {
        if (await users.GetUserAsync(User) is not { } user) return NotFound();
        var m = await setup.HandleAsync(user);
        if (m.Uri is null) return NotFound();
        using var data = QRCodeGenerator.GenerateQrCode(m.Uri, QRCodeGenerator.ECCLevel.M);
        Response.Headers.CacheControl = "no-store";
        return File(new PngByteQRCode(data).GetGraphic(6), "image/png");
    }

    /// <summary>«Включить»: checks the code from the app; shows the recovery codes once, or the setup again with the error.</summary>
    [HttpPost("enable")]
    public async Task<IActionResult> Enable(string? code, [FromServices] EnableTwoFactor enable, [FromServices] GetTwoFactorSetup setup)
    {
        if (await users.GetUserAsync(User) is not { } user) return NotFound();
        if (await enable.HandleAsync(user, code) is { } codes) return View("RecoveryCodes", codes);
        ModelState.AddModelError("code", "Код не подошёл. Введите 6 цифр, которые приложение показывает сейчас для «Al Aroma»; " +
                                         "если не подходит снова — проверьте, что время на телефоне выставлено автоматически.");
        return View("TwoFactor", await setup.HandleAsync(user));
    }

    /// <summary>«Новые коды восстановления»: the old codes stop working; the new ones are shown once.</summary>
    [HttpPost("recovery-codes")]
    public async Task<IActionResult> RecoveryCodes([FromServices] NewRecoveryCodes issue)
    {
        if (await users.GetUserAsync(User) is not { } user) return NotFound();
        return View("RecoveryCodes", await issue.HandleAsync(user));
    }

    /// <summary>«Отключить» (roles that do not require it).</summary>
    [HttpPost("disable")]
    public async Task<IActionResult> Disable([FromServices] DisableTwoFactor disable, [FromServices] GetTwoFactorSetup setup)
    {
        if (await users.GetUserAsync(User) is not { } user) return NotFound();
        await disable.HandleAsync(user);
        ViewData["Notice"] = "Двухфакторный вход отключён. Запись «Al Aroma» в приложении больше не нужна — её можно удалить.";
        return View("TwoFactor", await setup.HandleAsync(user));
    }
}
