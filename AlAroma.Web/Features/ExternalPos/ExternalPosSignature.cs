using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.ExternalPos;

/// <summary>The register a request came from, known once its signature was checked.</summary>
/// <param name="BodySha256">Lower-case hex SHA-256 of the body (the idempotency check compares repeats by it).</param>
public sealed record ExternalPosCaller(int RegisterId, string RegisterName, string BodySha256)
{
    /// <summary>The name written as "who" in the audit log and the points ledger.</summary>
    public string DisplayName => $"Внешняя касса «{RegisterName}»";
}

/// <summary>
/// The authentication of the external POS API, before model binding: <c>X-Api-Key</c> names an active
/// <see cref="ExternalRegister"/>, and <c>X-Timestamp</c> + <c>X-Signature</c> sign the body with its secret
/// (<see cref="TimestampedHmac"/>, window <see cref="WindowSeconds"/> s), within the register's quota counted across the
/// instances (<see cref="ExternalPosQuota"/>: 429 with Retry-After). Anything else is a 401 with a JSON
/// <c>{"error", "message"}</c> and the action never runs. On success the request's user becomes the register (so the audit
/// log names it) and <see cref="ExternalPosCaller"/> is in <c>HttpContext.Items</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ExternalPosSignatureAttribute : Attribute, IAsyncResourceFilter
{
    /// <summary>How far a request's timestamp may be from the server's clock, seconds (either way).</summary>
    public const int WindowSeconds = 300;

    /// <summary>The largest body read, bytes: a receipt event is well under 4 KiB.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var ct = http.RequestAborted;
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            context.Result = ExternalPosErrors.Json(StatusCodes.Status413PayloadTooLarge, "too_large", $"Тело запроса больше {MaxBodyBytes / 1024} КиБ.");
            return;
        }
        http.Request.EnableBuffering(MaxBodyBytes);
        string body;
        using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8, leaveOpen: true)) body = await reader.ReadToEndAsync(ct);
        http.Request.Body.Position = 0;

        var key = http.Request.Headers["X-Api-Key"].ToString().Trim();
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var register = key.Length == 0 ? null : await db.ExternalRegisters.AsNoTracking().FirstOrDefaultAsync(r => r.ApiKey == key, ct);
        if (register is not { IsActive: true })
        {
            context.Result = ExternalPosErrors.Unauthorized("unknown_key", register is null
                ? "Ключ API не найден: проверьте заголовок X-Api-Key (ключ выдаёт администратор в «Внешние кассы»)."
                : "Эта внешняя касса отключена администратором.");
            return;
        }
        var secret = http.RequestServices.GetRequiredService<ExternalPosSecrets>().Unprotect(register.SecretProtected)!;
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var verdict = TimestampedHmac.Check(secret, http.Request.Headers["X-Timestamp"], http.Request.Headers["X-Signature"], body, clock.GetUtcNow(), WindowSeconds);
        if (verdict != TimestampedHmac.Verdict.Valid)
        {
            context.Result = verdict switch
            {
                TimestampedHmac.Verdict.NoTimestamp => ExternalPosErrors.Unauthorized("no_timestamp", "Нет заголовка X-Timestamp: время запроса в секундах Unix."),
                TimestampedHmac.Verdict.Stale => ExternalPosErrors.Unauthorized("stale_timestamp",
                    $"Время запроса (X-Timestamp) отличается от времени сервера больше чем на {WindowSeconds / 60} минут: сверьте часы кассы; повтор старого запроса не принимается."),
                _ => ExternalPosErrors.Unauthorized("bad_signature", "Подпись X-Signature не совпала: HMAC-SHA256 секретом кассы над «X-Timestamp.тело запроса», в нижнем регистре hex."),
            };
            return;
        }

        if (await http.RequestServices.GetRequiredService<ExternalPosQuota>().TakeAsync(register.Id, clock.GetUtcNow(), ct) is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Result = ExternalPosErrors.Json(StatusCodes.Status429TooManyRequests, "quota",
                $"Превышен лимит запросов этой кассы в минуту (ExternalPos:RequestsPerMinute). Повторите через {retryAfter} с.");
            return;
        }
        var caller = new ExternalPosCaller(register.Id, register.Name, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
        http.Items[typeof(ExternalPosCaller)] = caller;
        http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, caller.DisplayName)], "ExternalPos"));
        await next();
    }
}

/// <summary>The API's error answers: JSON <c>{"error": code, "message": Russian text}</c>.</summary>
public static class ExternalPosErrors
{
    public static IActionResult Json(int status, string error, string message) =>
        new JsonResult(new { error, message }) { StatusCode = status };

    public static IActionResult Unauthorized(string error, string message) => Json(StatusCodes.Status401Unauthorized, error, message);
}
