using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlAroma.Tests.Notifications;

/// <summary>
/// A local stand-in for SMS.ru's form API (https://sms.ru/api/send) on a loopback port: POST /sms/send with
/// <c>api_id, to, msg, json=1</c>, answers <c>{"status":"OK","sms":{"7916…":{"status":"OK","sms_id":"…"}}}</c>.
/// Number <see cref="RefusedPhone"/> is refused (status ERROR, code 207); <see cref="ThrottledPhone"/> gets 429 with
/// Retry-After: 2 once, <see cref="UnavailablePhone"/> gets 503 once, then both are accepted.
/// </summary>
public sealed class FakeSmsRu : IAsyncLifetime
{
    public const string RefusedPhone = "+79990000207", ThrottledPhone = "+79160000429", UnavailablePhone = "+79160000503";
    private WebApplication? _app;
    private int _smsId;
    private readonly ConcurrentDictionary<string, int> _calls = new();

    /// <summary>Every call: the form's fields, when (UTC) and the HTTP status answered.</summary>
    public ConcurrentQueue<(IReadOnlyDictionary<string, string> Form, DateTime AtUtc, int Status)> Calls { get; } = new();

    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var b = WebApplication.CreateSlimBuilder();
        b.WebHost.UseUrls("http://127.0.0.1:0");
        b.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = b.Build();
        _app.MapPost("/sms/send", async (HttpRequest req, HttpResponse resp) =>
        {
            var form = (await req.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
            var to = form.GetValueOrDefault("to", "");
            var n = _calls.AddOrUpdate(to, 1, (_, c) => c + 1);
            if (to == ThrottledPhone.TrimStart('+') && n == 1)
            {
                resp.Headers.RetryAfter = "2";
                return Answer(form, 429, new { status = "ERROR", status_code = 429, status_text = "Too many requests" });
            }
            if (to == UnavailablePhone.TrimStart('+') && n == 1) return Answer(form, 503, new { status = "ERROR" });
            if (to == RefusedPhone.TrimStart('+'))
                return Answer(form, 200, new
                {
                    status = "OK", status_code = 100,
                    sms = new Dictionary<string, object> { [to] = new { status = "ERROR", status_code = 207, status_text = "На этот номер нельзя отправлять сообщения" } },
                });
            var id = $"000000-{Interlocked.Increment(ref _smsId)}";
            return Answer(form, 200, new
            {
                status = "OK", status_code = 100, balance = 100.5,
                sms = new Dictionary<string, object> { [to] = new { status = "OK", status_code = 100, sms_id = id } },
            });
        });
        await _app.StartAsync();
        Url = _app.Urls.First() + "/sms/send";
    }

    private IResult Answer(Dictionary<string, string> form, int status, object json)
    {
        Calls.Enqueue((form, DateTime.UtcNow, status));
        return Results.Json(json, statusCode: status);
    }

    /// <summary>The calls made for <paramref name="phone"/> (E.164), in order.</summary>
    public List<(IReadOnlyDictionary<string, string> Form, DateTime AtUtc, int Status)> CallsTo(string phone) =>
        Calls.Where(c => c.Form.GetValueOrDefault("to") == phone.TrimStart('+')).ToList();

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
