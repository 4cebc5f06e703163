using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace AlAroma.Web.Features.Bots.Telegram;

/// <summary>
/// The bots' webhook: <c>POST /bots/telegram/{bot}</c> with an <see cref="Update"/> as JSON. Only Telegram knows
/// the secret it was given in setWebhook and sends it back in <c>X-Telegram-Bot-Api-Secret-Token</c>; the header is
/// compared in constant time and a mismatch gets a plain 403 (no cookie-auth redirect). No antiforgery: Telegram
/// posts no form.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.Webhook)]
public sealed class TelegramWebhookController(IOptionsMonitor<TelegramBotsOptions> options, TelegramBots bots, BotUpdatePipeline pipeline) : Controller
{
    /// <summary>The header Telegram puts the webhook's secret token in (Bot API setWebhook).</summary>
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    [HttpPost("/bots/telegram/{bot}")]
    public async Task<IActionResult> Update(string bot, CancellationToken ct)
    {
        if (!SecretMatches(options.CurrentValue.WebhookSecret, Request.Headers[SecretHeader].ToString())) return StatusCode(StatusCodes.Status403Forbidden);
        if (bots.Find(bot) is not { } registration || bots.Client(registration) is not { } client) return NotFound();
        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(Request.Body, JsonBotAPI.Options, ct);
        }
        catch (JsonException)
        {
            return BadRequest();
        }
        if (update is null) return BadRequest();
        await pipeline.ProcessAsync(registration.Name, client, update, ct);
        return Ok();
    }

    /// <summary>True when <paramref name="given"/> equals the configured non-empty secret; constant time in the content.</summary>
    public static bool SecretMatches(string expected, string given) =>
        expected.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
