using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace AlAroma.Tests.Notifications;

/// <summary>
/// A local stand-in for the Telegram Bot API (unreachable from the tests), speaking its protocol
/// (https://core.telegram.org/bots/api#making-requests): POST /bot{token}/sendMessage with a JSON body, answers
/// <c>{"ok":true,"result":Message}</c>; chat 403 answers 403 "Forbidden: bot was blocked by the user"; chat 429
/// answers once 429 with <c>parameters.retry_after</c> = 2 s, then accepts.
/// </summary>
public sealed class FakeBotApi : IAsyncLifetime
{
    public const long BlockedChat = 403, ThrottledChat = 429;
    private WebApplication? _app;
    private int _messageId;
    private readonly ConcurrentDictionary<long, int> _throttled = new();

    /// <summary>Every accepted or refused call: chat, text, when (UTC), HTTP status.</summary>
    public ConcurrentQueue<(long Chat, string Text, DateTime AtUtc, int Status)> Calls { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var b = WebApplication.CreateSlimBuilder();
        b.WebHost.UseUrls("http://127.0.0.1:0");
        _app = b.Build();
        _app.MapPost("/bot{token}/{method}", async (string token, string method, HttpRequest req) =>
        {
            var body = await JsonNode.ParseAsync(req.Body) ?? new JsonObject();
            var chat = body["chat_id"]!.GetValue<long>();
            var text = body["text"]?.GetValue<string>() ?? body["caption"]?.GetValue<string>() ?? "";
            if (chat == BlockedChat) return Answer(chat, text, 403, new { ok = false, error_code = 403, description = "Forbidden: bot was blocked by the user" });
            if (chat == ThrottledChat && _throttled.AddOrUpdate(chat, 1, (_, n) => n + 1) == 1)
                return Answer(chat, text, 429, new { ok = false, error_code = 429, description = "Too Many Requests: retry after 2", parameters = new { retry_after = 2 } });
            var id = Interlocked.Increment(ref _messageId);
            return Answer(chat, text, 200, new
            {
                ok = true,
                result = new { message_id = id, date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), chat = new { id = chat, type = "private" }, text },
            });
        });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First();
    }

    private IResult Answer(long chat, string text, int status, object json)
    {
        Calls.Enqueue((chat, text, DateTime.UtcNow, status));
        return Results.Json(json, statusCode: status);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
