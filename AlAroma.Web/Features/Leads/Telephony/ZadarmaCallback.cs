using System.Net.Http.Json;
using System.Text.Json.Serialization;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Leads.Telephony;

/// <summary>
/// Zadarma's click-to-call (<c>GET /v1/request/callback/?from=&amp;to=</c>, zadarma/user-api-v1): the PBX rings the
/// operator's extension first, then the number. Configured by <c>Telephony:Zadarma:Key</c> and <c>Telephony:Zadarma:Secret</c>
/// (the same API secret signs the webhooks), <c>Telephony:Zadarma:ApiUrl</c> (default https://api.zadarma.com). Never
/// retried: a second request would ring twice.
/// </summary>
public sealed class ZadarmaCallback(HttpClient http, IConfiguration config)
{
    /// <summary>The API method, as it is signed.</summary>
    public const string Method = "/v1/request/callback/";

    /// <summary>Whether the API key and secret are set.</summary>
    public bool Configured => config["Telephony:Zadarma:Key"] is { Length: > 0 } && config["Telephony:Zadarma:Secret"] is { Length: > 0 };

    /// <summary>Asks the PBX to connect extension <paramref name="from"/> with <paramref name="to"/> (digits, 7XXXXXXXXXX).</summary>
    /// <exception cref="BusinessRuleException">Not configured, the PBX refused (its message) or did not answer.</exception>
    public async Task CallAsync(string from, string to, CancellationToken ct)
    {
        if (!Configured) throw new BusinessRuleException("Звонок через АТС не настроен: позвоните по ссылке с номером.");
        // Sorted by name, as the signature wants them.
        var query = $"format=json&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}";
        var baseUrl = (config["Telephony:Zadarma:ApiUrl"] is { Length: > 0 } u ? u : "https://api.zadarma.com").TrimEnd('/');
        using var request = new HttpRequestMessage(HttpMethod.Get, baseUrl + Method + "?" + query);
        request.Headers.TryAddWithoutValidation("Authorization", TelephonySignatures.ZadarmaApi(config["Telephony:Zadarma:Key"]!, config["Telephony:Zadarma:Secret"]!, Method, query));
        Answer? answer;
        try
        {
            using var response = await http.SendAsync(request, ct);
            answer = await response.Content.ReadFromJsonAsync<Answer>(ct);
            if (answer is null && !response.IsSuccessStatusCode) throw new HttpRequestException($"HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !ct.IsCancellationRequested)
        {
            throw new BusinessRuleException($"АТС не ответила ({e.Message}). Позвоните по ссылке с номером или попробуйте ещё раз через минуту.");
        }
        if (answer?.Status != "success")
            throw new BusinessRuleException($"АТС отказала в звонке: {answer?.Message ?? "без объяснения"}. Проверьте внутренний номер оператора в «Пользователях».");
    }

    private sealed record Answer([property: JsonPropertyName("status")] string? Status, [property: JsonPropertyName("message")] string? Message);
}
