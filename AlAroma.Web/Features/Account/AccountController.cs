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
public sealed class AccountController(SignInManager<AppUser> signIn, LocationScope scope) : Controller
{
    [AllowAnonymous, HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [AllowAnonymous, HttpPost("login")]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (!ModelState.IsValid) return View(input);
        var result = await signIn.PasswordSignInAsync(input.Email.Trim(), input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl! : "/");
        ModelState.AddModelError("", result.IsLockedOut
            ? "Слишком много неудачных попыток. Вход заблокирован на 15 минут — или попросите администратора разблокировать."
            : "Неверный e-mail или пароль.");
        return View(input);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return Redirect("/account/login");
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
