using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Account.PasswordReset;

/// <summary>«Забыли пароль?» from the login page and the set-password page the e-mailed links open.</summary>
[AllowAnonymous, Route("account")]
public sealed class PasswordResetController(SignInLimits limits) : Controller
{
    /// <summary>The one answer to every reset request, whether the address exists or not.</summary>
    public const string Sent = "Если адрес зарегистрирован, мы отправили на него ссылку для нового пароля. Она действует 24 часа и один раз. " +
                               "Письма нет за несколько минут — проверьте папку «Спам» или попросите администратора.";

    [HttpGet("forgot-password")]
    public IActionResult Forgot(string? email) => View("ForgotPassword", new ForgotPasswordInput { Email = email ?? "" });

    /// <summary>Queues the e-mail when the address is a staff member's; the same page either way; 429 when this IP asks too often.</summary>
    [HttpPost("forgot-password")]
    public async Task<IActionResult> Forgot(ForgotPasswordInput input, [FromServices] RequestPasswordReset request, CancellationToken ct)
    {
        if (limits.TryIp(HttpContext.Connection.RemoteIpAddress?.ToString()) is { } wait)
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
            ModelState.AddModelError("", $"Слишком много запросов. {SignInLimits.WaitText(wait)} и попробуйте снова.");
            var refused = View("ForgotPassword", input);
            refused.StatusCode = StatusCodes.Status429TooManyRequests;
            return refused;
        }
        if (!ModelState.IsValid) return View("ForgotPassword", input);
        await request.ExecuteAsync(input.Email, ct);
        return View("ForgotPasswordSent", input);
    }

    /// <summary>The new-password form; a used, expired or mangled link gets the refusal and the way to a new one instead.</summary>
    [HttpGet("reset-password")]
    public async Task<IActionResult> Reset(string? userId, string? token, [FromServices] ResetPassword reset)
    {
        ViewData["LinkWorks"] = await reset.IsValidAsync(userId, token);
        return View("ResetPassword", new ResetPasswordInput { UserId = userId ?? "", Token = token ?? "" });
    }

    /// <summary>Sets the password and sends to the login page with the e-mail filled in.</summary>
    [HttpPost("reset-password")]
    public async Task<IActionResult> Reset(ResetPasswordInput input, [FromServices] ResetPassword reset, CancellationToken ct)
    {
        ViewData["LinkWorks"] = true;
        if (!ModelState.IsValid) return View("ResetPassword", input);
        var (email, errors) = await reset.ExecuteAsync(input, ct);
        if (email is not null) return Redirect($"/account/login?passwordChanged=true&email={Uri.EscapeDataString(email)}");
        if (errors.ContainsKey("")) ViewData["LinkWorks"] = false;
        foreach (var (k, v) in errors) ModelState.AddModelError(k, v);
        return View("ResetPassword", input);
    }
}
