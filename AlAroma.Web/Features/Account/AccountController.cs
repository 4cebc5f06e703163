using AlAroma.Web.Features.Locations;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AlAroma.Web.Features.Account.TwoFactor;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Account;

/// <summary>Sign-in form input.</summary>
public sealed class LoginInput
{
    [Required(ErrorMessage = "Введите e-mail."), EmailAddress(ErrorMessage = "Это не похоже на e-mail.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Введите пароль.")]
    public string Password { get; set; } = "";
    public string? ReturnUrl { get; set; }
}

/// <summary>The second step of signing in with two-factor sign-in on: the code from the app, or a recovery code.</summary>
public sealed class LoginCodeInput
{
    [Required(ErrorMessage = "Введите код из приложения или код восстановления.")]
    public string Code { get; set; } = "";
    public string? ReturnUrl { get; set; }
}

[Route("account")]
public sealed class AccountController(SignInManager<AppUser> signIn, StaffPasswordCheck check, SignInLimits limits, LocationScope scope, SignInAudit audit) : Controller
{
    /// <summary>The refusal of a wrong code at the second step.</summary>
    public const string WrongCode = "Код не подошёл. Введите 6 цифр, которые приложение показывает сейчас, или один из кодов восстановления. " +
                                    "После 5 неудачных попыток подряд вход блокируется на 15 минут.";

    /// <summary>
    /// The one answer to every refused sign-in: wrong password, unknown e-mail and locked account look the same, so
    /// the page does not tell which e-mails exist; it still says that repeated failures lock the account.
    /// </summary>
    public const string Refused = "Неверный e-mail или пароль. После 5 неудачных попыток подряд вход блокируется на 15 минут — " +
                                  "если пароль точно верный, подождите или попросите администратора разблокировать.";

    /// <summary>The sign-in form; after a password reset (<c>passwordChanged=true</c>) it says so and has the e-mail filled in.</summary>
    [AllowAnonymous, HttpGet("login")]
    public IActionResult Login(string? returnUrl, string? email, bool passwordChanged = false)
    {
        if (passwordChanged) ViewData["Notice"] = "Пароль изменён. Войдите с новым паролем.";
        return View(new LoginInput { ReturnUrl = returnUrl, Email = email ?? "" });
    }

    /// <summary>Signs in; 429 with Retry-After and the form when this IP or this e-mail tried too often.</summary>
    [AllowAnonymous, HttpPost("login")]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (limits.TryIp(HttpContext.Connection.RemoteIpAddress?.ToString()) is { } ipWait) return TooManyAttempts(input, ipWait);
        if (!ModelState.IsValid) return View(input);
        var result = await check.CheckAsync(input.Email, input.Password);
        if (result.RetryAfter is { } accountWait) return TooManyAttempts(input, accountWait);
        if (result.User is not { } user)
        {
            await AuditRefusalAsync(result.Account, input.Email, result.Account is null ? SignInAudit.UnknownEmail : SignInAudit.WrongPassword, result.LockedOut);
            ModelState.AddModelError("", Refused);
            return View(input);
        }
        if (await signIn.UserManager.GetTwoFactorEnabledAsync(user))
        {
            // What SignInManager.PasswordSignInAsync does for a two-factor user: a short-lived cookie naming the user
            // (Identity's TwoFactorUserIdScheme, 5 minutes), read back by TwoFactorAuthenticatorSignInAsync.
            var pending = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme);
            await HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
            return RedirectToAction(nameof(LoginCode), new { returnUrl = input.ReturnUrl });
        }
        await signIn.SignInAsync(user, isPersistent: false);
        await audit.WriteAsync(SignInAudit.SignIn, user, null, new { Method = SignInAudit.ByPassword });
        return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl! : "/");
    }

    /// <summary>The code form after a right password of a two-factor user; the login form again when that step has expired (5 minutes) or never began.</summary>
    [AllowAnonymous, HttpGet("login/code")]
    public async Task<IActionResult> LoginCode(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? CodeStepExpired(returnUrl)
            : View("LoginCode", new LoginCodeInput { ReturnUrl = returnUrl });

    private ViewResult CodeStepExpired(string? returnUrl)
    {
        ViewData["Notice"] = "Время на ввод кода вышло. Войдите ещё раз.";
        return View("Login", new LoginInput { ReturnUrl = returnUrl });
    }

    /// <summary>
    /// Checks the code: 6 digits against the app (RFC 6238), anything else as a recovery code (each works once).
    /// A wrong code counts towards the lockout as a wrong password does; 429 like the login when this IP posts too often.
    /// </summary>
    [AllowAnonymous, HttpPost("login/code")]
    public async Task<IActionResult> LoginCode(LoginCodeInput input)
    {
        if (limits.TryIp(HttpContext.Connection.RemoteIpAddress?.ToString()) is { } ipWait)
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(ipWait.TotalSeconds)).ToString();
            ModelState.AddModelError("", $"Слишком много попыток входа. {SignInLimits.WaitText(ipWait)} и попробуйте снова.");
            var view = View("LoginCode", input);
            view.StatusCode = StatusCodes.Status429TooManyRequests;
            return view;
        }
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return CodeStepExpired(input.ReturnUrl);
        if (!ModelState.IsValid) return View("LoginCode", input);
        var code = TwoFactorRules.Clean(input.Code);
        var byApp = TwoFactorRules.IsAppCode(code);
        var lockedBefore = await signIn.UserManager.IsLockedOutAsync(user);
        var result = byApp
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await audit.WriteAsync(SignInAudit.SignIn, user, null, new { Method = byApp ? SignInAudit.ByAppCode : SignInAudit.ByRecoveryCode });
            return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl! : "/");
        }
        var lockedNow = result.IsLockedOut || await signIn.UserManager.IsLockedOutAsync(user);
        await AuditRefusalAsync(user, null, lockedBefore ? SignInAudit.LockedOut : SignInAudit.WrongCode, lockedNow);
        if (lockedNow)
        {
            await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            ModelState.AddModelError("", Refused);
            return View("Login", new LoginInput { ReturnUrl = input.ReturnUrl, Email = user.Email ?? "" });
        }
        ModelState.AddModelError("", WrongCode);
        return View("LoginCode", new LoginCodeInput { ReturnUrl = input.ReturnUrl });
    }

    /// <summary>Signs out and changes the security stamp, so a copy of this session's cookie stops working at once (and so do the user's other sessions).</summary>
    [HttpPost("logout")]
    [AllowWithoutTwoFactor]
    public async Task<IActionResult> Logout()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        await signIn.SignOutAsync();
        if (user is not null)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            await audit.WriteAsync(SignInAudit.SignOut, user, null, new { });
        }
        return Redirect("/account/login");
    }

    /// <summary>Audits a refused sign-in, and a lockout as its own entry when this failure locked the account.</summary>
    private async Task AuditRefusalAsync(AppUser? account, string? email, string reason, bool lockedOut)
    {
        await audit.WriteAsync(SignInAudit.SignInFailed, account, email, new { Reason = reason });
        if (lockedOut && reason != SignInAudit.LockedOut) await audit.WriteAsync(SignInAudit.Lockout, account, email, new { Reason = reason });
    }

    private ViewResult TooManyAttempts(LoginInput input, TimeSpan wait)
    {
        Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
        ModelState.AddModelError("", $"Слишком много попыток входа. {SignInLimits.WaitText(wait)} и попробуйте снова.");
        var view = View("Login", input);
        view.StatusCode = StatusCodes.Status429TooManyRequests;
        return view;
    }

    /// <summary>Header location switcher.</summary>
    [HttpPost("location")]
    public async Task<IActionResult> SwitchLocation(int locationId, string? returnUrl)
    {
        if (!await scope.MayAccessAsync(locationId)) return Forbid();
        Response.Cookies.Append(LocationScope.CookieName, locationId.ToString(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
