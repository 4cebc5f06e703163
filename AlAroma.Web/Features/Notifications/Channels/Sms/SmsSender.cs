using System.Net;
using System.Text.Json;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.Extensions.Options;

namespace AlAroma.Web.Features.Notifications.Channels.Sms;

/// <summary>SMS settings (section "Notifications:Sms").</summary>
public sealed class SmsOptions
{
    /// <summary>The provider's API key (SMS.ru: api_id). Empty = the channel is not configured.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The provider's send endpoint (SMS.ru form API).</summary>
    public string Url { get; set; } = "https://sms.ru/sms/send";

    /// <summary>Sender name approved by the provider; empty = the provider's default.</summary>
    public string? From { get; set; }
}

/// <summary>One SMS provider's protocol: the pluggable adapter behind <see cref="SmsSender"/>.</summary>
public interface ISmsProvider
{
    /// <summary>Sends <paramref name="text"/> to <paramref name="phone"/> (E.164) once.</summary>
    Task<SendResult> SendAsync(string phone, string text, CancellationToken ct);
}

/// <summary>The SMS channel: hands the row's text to the configured <see cref="ISmsProvider"/>.</summary>
public sealed class SmsSender(ISmsProvider provider) : IChannelSender
{
    public Channel Channel => Channel.Sms;

    public Task<SendResult> SendAsync(OutboxMessage message, CancellationToken ct) =>
        provider.SendAsync(message.Recipient, JsonSerializer.Deserialize<TextMessage>(message.Data)?.Text ?? "", ct);
}

/// <summary>
/// SMS.ru's form API (POST api_id, to, msg, json=1; answer <c>{"status":"OK","sms":{"7916…":{"status":"OK","sms_id":"…"}}}</c>).
/// HTTP 429 waits its Retry-After; 5xx and timeouts retry; a refusal of the number or text (status "ERROR") is permanent.
/// The HttpClient has a timeout from Microsoft.Extensions.Http.Resilience and no retries of its own.
/// </summary>
public sealed class SmsRuProvider(HttpClient http, IOptionsMonitor<SmsOptions> options) : ISmsProvider
{
    public async Task<SendResult> SendAsync(string phone, string text, CancellationToken ct)
    {
        var o = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(o.ApiKey)) return SendResult.Retry("Отправка SMS не настроена (Notifications:Sms:ApiKey).");
        var to = phone.TrimStart('+');
        var form = new Dictionary<string, string> { ["api_id"] = o.ApiKey, ["to"] = to, ["msg"] = text, ["json"] = "1" };
        if (!string.IsNullOrWhiteSpace(o.From)) form["from"] = o.From;
        try
        {
            using var resp = await http.PostAsync(o.Url, new FormUrlEncodedContent(form), ct);
            if (resp.StatusCode == HttpStatusCode.TooManyRequests)
                return SendResult.Throttled(RetryAfter(resp) ?? TimeSpan.FromSeconds(1), "SMS-провайдер просит подождать (429).");
            if ((int)resp.StatusCode >= 500) return SendResult.Retry($"SMS-провайдер недоступен ({(int)resp.StatusCode}).", RetryAfter(resp));
            using var json = JsonDocument.Parse(await resp.Content.ReadAsStringAsync(ct));
            var root = json.RootElement;
            if (root.TryGetProperty("sms", out var all) && all.TryGetProperty(to, out var one))
                return one.GetProperty("status").GetString() == "OK"
                    ? SendResult.Sent(one.TryGetProperty("sms_id", out var id) ? id.GetString() : null)
                    : SendResult.Permanent($"SMS-провайдер отказал: {Text(one)}");
            return SendResult.Retry($"SMS-провайдер ответил ошибкой: {Text(root)}");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            return SendResult.Retry($"SMS-провайдер недоступен: {e.Message}");
        }
    }

    private static string Text(JsonElement e) =>
        $"{(e.TryGetProperty("status_code", out var c) ? c.ToString() : "?")} {(e.TryGetProperty("status_text", out var t) ? t.GetString() : "")}".Trim();

    private static TimeSpan? RetryAfter(HttpResponseMessage r) =>
        r.Headers.RetryAfter?.Delta ?? (r.Headers.RetryAfter?.Date is { } d ? d - DateTimeOffset.UtcNow : null);
}
