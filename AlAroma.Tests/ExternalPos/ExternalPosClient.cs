using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.ExternalPos;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.ExternalPos;

/// <summary>
/// An external register as an integrator would write it from the API's description: JSON bodies signed with its own
/// HMAC code (not the app's), so a test fails when the app's signature check drifts from what it documents.
/// </summary>
internal sealed class ExternalPosClient(HttpClient http, string apiKey, string secret)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ApiKey => apiKey;

    /// <summary>The register's secret (a test signs a body other than the one it sends with it).</summary>
    public string Secret => secret;

    /// <summary>A register made through the admin's use case, with its credentials.</summary>
    public static async Task<ExternalPosClient> CreateAsync(AppFixture app, HttpClient http, string? name = null)
    {
        using var scope = app.Scope();
        var issued = await scope.ServiceProvider.GetRequiredService<ManageExternalRegisters>().CreateAsync(name ?? "Касса " + Guid.NewGuid().ToString("N")[..8], default);
        return new ExternalPosClient(http, issued.ApiKey, issued.Secret);
    }

    /// <summary>lower-hex HMAC-SHA256(secret, timestamp + "." + body), as the description says.</summary>
    public static string Sign(string secret, string timestamp, string body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes(timestamp + "." + body)).Select(b => b.ToString("x2")));
    }

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/>, signed now (or at <paramref name="at"/>), or with <paramref name="signature"/>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, object body, DateTimeOffset? at = null, string? signature = null, string? key = null)
    {
        var json = body as string ?? JsonSerializer.Serialize(body, Json);
        var ts = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Api-Key", key ?? apiKey);
        request.Headers.Add("X-Timestamp", ts);
        request.Headers.Add("X-Signature", signature ?? Sign(secret, ts, json));
        return await http.SendAsync(request);
    }

    /// <summary>The answer's JSON root.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
