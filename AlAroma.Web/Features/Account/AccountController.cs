using AlAroma.Web.Features.Locations;
using System.ComponentModel.DataAnnotations;
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

[Route("account")]
public sealed class AccountController(SignInManager<AppUser> signIn, StaffPasswordCheck check, SignInLimits limits, LocationScope scope) : Controller
{
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
            ModelState.AddModelError("", Refused);
            return View(input);
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl! : "/");
    }

    /// <summary>Signs out and changes the security stamp, so a copy of this session's cookie stops working at once (and so do the user's other sessions).</summary>
    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        await signIn.SignOutAsync();
        if (user is not null) await signIn.UserManager.UpdateSecurityStampAsync(user);
        return Redirect("/account/login");
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
