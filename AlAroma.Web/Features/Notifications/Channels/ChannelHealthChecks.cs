using System.Text.Json;
using AlAroma.Web.Features.Notifications.Channels.Email;
using AlAroma.Web.Features.Notifications.Channels.Sms;
using AlAroma.Web.Features.Notifications.Channels.Telegram;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace AlAroma.Web.Features.Notifications.Channels;

/// <summary>
/// Health of the outbox's channels for <c>/health/ready</c>: an unreachable SMTP server, SMS provider or Bot API is
/// <b>Degraded</b>, never Unhealthy — messages wait in the outbox and go out when the service is back, so the app stays
/// in the balancer. A channel that is not configured is Healthy with a description saying so. Each answer is kept for
/// <see cref="CacheSeconds"/> s: a balancer polling every few seconds does not open an SMTP session each time.
/// </summary>
public abstract class ChannelHealthCheck(TimeProvider clock) : IHealthCheck
{
    /// <summary>How long a result is reused, seconds.</summary>
    public const int CacheSeconds = 30;

    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (_last is { } last && (now - last.At).TotalSeconds < CacheSeconds) return last.Result;
        HealthCheckResult result;
        try { result = await ProbeAsync(ct); }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            result = HealthCheckResult.Degraded($"недоступен: {e.GetBaseException().Message}");
        }
        _last = (now, result);
        return result;
    }

    /// <summary>One probe; throw or return Degraded when the service does not answer as it should.</summary>
    protected abstract Task<HealthCheckResult> ProbeAsync(CancellationToken ct);
}

/// <summary>SMTP: connects (and signs in) as the sender does, then says goodbye.</summary>
public sealed class SmtpHealthCheck(IOptionsMonitor<SmtpOptions> options, TimeProvider clock) : ChannelHealthCheck(clock)
{
    protected override async Task<HealthCheckResult> ProbeAsync(CancellationToken ct)
    {
        var o = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(o.Host)) return HealthCheckResult.Healthy("не настроен (Smtp:Host)");
        using var smtp = await EmailSender.OpenAsync(o, ct);
        await smtp.DisconnectAsync(true, ct);
        return HealthCheckResult.Healthy($"{o.Host}:{o.Port}");
    }
}

/// <summary>
/// SMS.ru: <c>GET /auth/check?api_id=…&amp;json=1</c> on the provider's host (SMS.ru API, "Проверка авторизации"): status
/// "OK" is healthy; any other answer or none is degraded.
/// </summary>
public sealed class SmsHealthCheck(IOptionsMonitor<SmsOptions> options, IHttpClientFactory http, TimeProvider clock) : ChannelHealthCheck(clock)
{
    /// <summary>The named HttpClient of the probe (5 s timeout).</summary>
    public const string HttpClientName = "sms-health";

    protected override async Task<HealthCheckResult> ProbeAsync(CancellationToken ct)
    {
        var o = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(o.ApiKey)) return HealthCheckResult.Healthy("не настроен (Notifications:Sms:ApiKey)");
        var url = new Uri(new Uri(o.Url), "/auth/check?json=1&api_id=" + Uri.EscapeDataString(o.ApiKey));
        using var resp = await http.CreateClient(HttpClientName).GetAsync(url, ct);
        using var json = JsonDocument.Parse(await resp.Content.ReadAsStringAsync(ct));
        var status = json.RootElement.TryGetProperty("status", out var s) ? s.GetString() : null;
        return status == "OK" ? HealthCheckResult.Healthy(url.Host)
            : HealthCheckResult.Degraded($"{url.Host} ответил {(int)resp.StatusCode}: {(json.RootElement.TryGetProperty("status_text", out var t) ? t.GetString() : status)}");
    }
}

/// <summary>Telegram: <c>getMe</c> of the client bot (Bot API) — the token works and the API answers.</summary>
public sealed class TelegramHealthCheck(IOptionsMonitor<TelegramOptions> options, IHttpClientFactory http, TimeProvider clock) : ChannelHealthCheck(clock)
{
    protected override async Task<HealthCheckResult> ProbeAsync(CancellationToken ct)
    {
        var o = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(o.Token)) return HealthCheckResult.Healthy("не настроен (Notifications:Telegram:Token)");
        var me = await TelegramSender.Client(o.Token, o, http.CreateClient(TelegramSender.HttpClientName)).GetMe(ct);
        return HealthCheckResult.Healthy("@" + me.Username);
    }
}
