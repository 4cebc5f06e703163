using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlAroma.Tests.Leads;

/// <summary>
/// A local stand-in for Zadarma's user API (https://api.zadarma.com) on a loopback port: <c>GET /v1/request/callback/</c>
/// checks the <c>Authorization: key:signature</c> header the way Zadarma's PHP client builds it (parameters sorted by name,
/// http_build_query, base64 of the hex HMAC-SHA1 of method + query + md5(query)) — computed here on its own, not with the
/// app's code — and answers <c>{"status":"success","from":…,"to":…,"time":…}</c>, or 401 with
/// <c>{"status":"error","message":"Not authorized"}</c>; extension <see cref="UnknownExtension"/> is refused.
/// </summary>
public sealed class FakeZadarmaApi : IAsyncLifetime
{
    public const string Key = "test-zadarma-key", Secret = "test-zadarma-secret", UnknownExtension = "999";
    private WebApplication? _app;

    /// <summary>Every call: its query parameters and whether its signature was right.</summary>
    public ConcurrentQueue<(IReadOnlyDictionary<string, string> Query, bool Signed)> Calls { get; } = new();

    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var b = WebApplication.CreateSlimBuilder();
        b.WebHost.UseUrls("http://127.0.0.1:0");
        b.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = b.Build();
        _app.MapGet("/v1/request/callback/", (HttpRequest req) =>
        {
            var query = req.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            var signed = req.Headers.Authorization.ToString() == $"{Key}:{Sign("/v1/request/callback/", query)}";
            Calls.Enqueue((query, signed));
            if (!signed) return Results.Json(new { status = "error", message = "Not authorized" }, statusCode: 401);
            if (query.GetValueOrDefault("from") == UnknownExtension) return Results.Json(new { status = "error", message = "Wrong from number" });
            return Results.Json(new { status = "success", from = long.Parse(query["from"]), to = long.Parse(query["to"]), time = DateTimeOffset.UtcNow.ToUnixTimeSeconds() });
        });
        await _app.StartAsync();
        Url = _app.Urls.First();
    }

    // PHP: ksort($params); $s = http_build_query($params, null, '&', PHP_QUERY_RFC1738);
    //      base64_encode(hash_hmac('sha1', $method . $s . md5($s), $secret))
    private static string Sign(string method, Dictionary<string, string> query)
    {
        var s = string.Join("&", query.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => HttpUtility.UrlEncode(q.Key) + "=" + HttpUtility.UrlEncode(q.Value)));
        var md5 = string.Concat(MD5.HashData(Encoding.UTF8.GetBytes(s)).Select(x => x.ToString("x2")));
        var hmac = string.Concat(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(method + s + md5)).Select(x => x.ToString("x2")));
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(hmac));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
