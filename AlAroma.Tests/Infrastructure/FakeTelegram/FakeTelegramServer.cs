using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlAroma.Tests.Infrastructure.FakeTelegram;

/// <summary>One request the fake Bot API answered.</summary>
/// <param name="Method">Bot API method as called ("sendMessage", "sendPhoto", "setWebhook"…).</param>
/// <param name="Chat">chat_id, 0 when the method has none.</param>
/// <param name="Text">text, or caption of a photo, or the venue's title and address.</param>
/// <param name="ReplyMarkup">reply_markup as JSON text, null when none.</param>
/// <param name="Photo">The bytes of the uploaded photo (multipart), null otherwise.</param>
/// <param name="AtUtc">When it arrived.</param>
/// <param name="Status">HTTP status answered (200, 403, 429…).</param>
/// <param name="Body">Every parameter of the request.</param>
/// <param name="Token">The bot token of the URL (which bot called).</param>
public sealed record FakeTelegramCall(string Method, long Chat, string Text, string? ReplyMarkup, byte[]? Photo, DateTime AtUtc, int Status, JsonObject Body, string Token = "");

/// <summary>
/// A local Telegram Bot API server for tests and benchmarks (api.telegram.org is unreachable from them), speaking the
/// real protocol (https://core.telegram.org/bots/api#making-requests): <c>POST /bot{token}/{method}</c> with a JSON,
/// form or multipart body; answers <c>{"ok":true,"result":…}</c> or a non-200 <c>{"ok":false,"error_code":N,
/// "description":…}</c>. Knows sendMessage, sendPhoto (multipart upload), sendVenue, sendLocation, editMessageText,
/// answerCallbackQuery, setWebhook, deleteWebhook, getMe, getUpdates (always empty). Enforces the Bot FAQ limits —
/// <see cref="PerChatPerSecond"/> messages to one chat and <see cref="GlobalPerSecond"/> in all within any second —
/// answering 429 with <c>parameters.retry_after</c> (seconds) above them. Chats in <see cref="BlockedChats"/> get 403
/// "Forbidden: bot was blocked by the user". Shared as source by AlAroma.Tests, AlAroma.E2E and bench/.
/// </summary>
public sealed class FakeTelegramServer : IAsyncDisposable
{
    private static readonly HashSet<string> Sending = ["sendMessage", "sendPhoto", "sendVenue", "sendLocation", "sendDocument"];
    private WebApplication? _app;
    private int _messageId;
    private int _count429;
    private readonly object _gate = new();
    private readonly Dictionary<long, Queue<DateTime>> _perChat = [];
    private readonly Queue<DateTime> _global = new();

    /// <summary>Messages one chat may get within a sliding second before 429 (Bot FAQ: about 1); 0 = no limit.</summary>
    public int PerChatPerSecond { get; set; } = 1;

    /// <summary>
    /// The time (UTC) the limits count by; null = the real clock. A test of the limits themselves sets it, so a starved
    /// CPU between two sends cannot move them into different seconds.
    /// </summary>
    public Func<DateTime>? Clock { get; set; }

    /// <summary>Messages in all within a sliding second before 429 (Bot FAQ: about 30); 0 = no limit.</summary>
    public int GlobalPerSecond { get; set; } = 30;

    /// <summary>Chats whose user blocked the bot: every send answers 403.</summary>
    public ConcurrentDictionary<long, bool> BlockedChats { get; } = new();

    /// <summary>Chats whose first send answers 429 with this retry_after (seconds), once; later sends follow the limits.</summary>
    public ConcurrentDictionary<long, int> ThrottleOnce { get; } = new();

    /// <summary>Every request answered, in order of arrival.</summary>
    public ConcurrentQueue<FakeTelegramCall> Calls { get; } = new();

    /// <summary>How many 429 answers were given.</summary>
    public int Count429 => Volatile.Read(ref _count429);

    /// <summary>"http://127.0.0.1:PORT" once started: the Bot API base URL to configure.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The messages sent to <paramref name="chat"/> and accepted (status 200), in order.</summary>
    public IReadOnlyList<FakeTelegramCall> Sent(long chat) => Calls.Where(c => c.Chat == chat && c.Status == 200 && Sending.Contains(c.Method)).ToList();

    /// <summary>Starts listening on a free loopback port.</summary>
    public async Task StartAsync()
    {
        var b = WebApplication.CreateSlimBuilder();
        b.WebHost.UseUrls("http://127.0.0.1:0");
        b.Logging.ClearProviders();
        _app = b.Build();
        _app.MapPost("/bot{token}/{method}", HandleAsync);
        await _app.StartAsync();
        BaseUrl = _app.Urls.First();
    }

    private async Task<IResult> HandleAsync(string token, string method, HttpRequest req)
    {
        var (body, photo) = await ReadAsync(req);
        var chat = body["chat_id"] is { } c ? long.Parse(c.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var text = body["text"]?.ToString() ?? body["caption"]?.ToString()
            ?? (body["title"] is { } title ? $"{title}\n{body["address"]}" : "");
        var markup = body["reply_markup"]?.ToJsonString();
        var now = Clock?.Invoke() ?? DateTime.UtcNow;
        if (!token.Contains(':')) return Answer(token, method, chat, text, markup, photo, now, body, 401, Error(401, "Unauthorized"));
        if (Sending.Contains(method))
        {
            if (BlockedChats.ContainsKey(chat)) return Answer(token, method, chat, text, markup, photo, now, body, 403, Error(403, "Forbidden: bot was blocked by the user"));
            if ((ThrottleOnce.TryRemove(chat, out var once) ? once : Throttle(chat, now)) is { } wait)
            {
                Interlocked.Increment(ref _count429);
                return Answer(token, method, chat, text, markup, photo, now, body, 429, new JsonObject
                {
                    ["ok"] = false, ["error_code"] = 429, ["description"] = $"Too Many Requests: retry after {wait}",
                    ["parameters"] = new JsonObject { ["retry_after"] = wait },
                });
            }
        }
        JsonNode result = method switch
        {
            "getMe" => new JsonObject { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "Al Aroma", ["username"] = "alaroma_test_bot" },
            "setWebhook" or "deleteWebhook" or "answerCallbackQuery" => JsonValue.Create(true),
            "getUpdates" => await NoUpdatesAsync(body, req.HttpContext.RequestAborted),
            _ => MessageOf(method, chat, body, photo),
        };
        return Answer(token, method, chat, text, markup, photo, now, body, 200, new JsonObject { ["ok"] = true, ["result"] = result });
    }

    /// <summary>A long poll with nothing to deliver: waits its <c>timeout</c> (seconds, at most 5 here) as Telegram does, then an empty list.</summary>
    private static async Task<JsonNode> NoUpdatesAsync(JsonObject body, CancellationToken ct)
    {
        var seconds = body["timeout"] is { } t && int.TryParse(t.ToString(), out var s) ? Math.Clamp(s, 0, 5) : 0;
        try { await Task.Delay(TimeSpan.FromSeconds(seconds), ct); } catch (OperationCanceledException) { }
        return new JsonArray();
    }

    private JsonObject MessageOf(string method, long chat, JsonObject body, byte[]? photo)
    {
        var m = new JsonObject
        {
            ["message_id"] = method == "editMessageText" && body["message_id"] is { } id ? int.Parse(id.ToString()) : Interlocked.Increment(ref _messageId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private" },
        };
        if (body["text"] is { } t) m["text"] = t.ToString();
        if (body["caption"] is { } caption) m["caption"] = caption.ToString();
        if (photo is not null)
            m["photo"] = new JsonArray(new JsonObject { ["file_id"] = "photo" + m["message_id"], ["file_unique_id"] = "u" + m["message_id"], ["width"] = 330, ["height"] = 330, ["file_size"] = photo.Length });
        if (method is "sendVenue" or "sendLocation")
        {
            var location = new JsonObject { ["latitude"] = Number(body["latitude"]), ["longitude"] = Number(body["longitude"]) };
            m["location"] = location.DeepClone();
            if (method == "sendVenue") m["venue"] = new JsonObject { ["location"] = location, ["title"] = body["title"]?.ToString(), ["address"] = body["address"]?.ToString() };
        }
        return m;
    }

    private static double Number(JsonNode? n) => n is null ? 0 : double.Parse(n.ToString(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Null when the message fits the limits (and is counted), else the seconds to wait.</summary>
    private int? Throttle(long chat, DateTime now)
    {
        lock (_gate)
        {
            var since = now.AddSeconds(-1);
            if (!_perChat.TryGetValue(chat, out var times)) _perChat[chat] = times = new Queue<DateTime>();
            while (times.Count > 0 && times.Peek() <= since) times.Dequeue();
            while (_global.Count > 0 && _global.Peek() <= since) _global.Dequeue();
            if ((PerChatPerSecond > 0 && times.Count >= PerChatPerSecond) || (GlobalPerSecond > 0 && _global.Count >= GlobalPerSecond)) return 1;
            times.Enqueue(now);
            _global.Enqueue(now);
            return null;
        }
    }

    private static JsonObject Error(int code, string description) => new() { ["ok"] = false, ["error_code"] = code, ["description"] = description };

    private IResult Answer(string token, string method, long chat, string text, string? markup, byte[]? photo, DateTime at, JsonObject body, int status, JsonObject json)
    {
        Calls.Enqueue(new FakeTelegramCall(method, chat, text, markup, photo, at, status, body, token));
        return Results.Text(json.ToJsonString(), "application/json", statusCode: status);
    }

    /// <summary>The parameters of a JSON, urlencoded or multipart request (JSON-looking form values parsed), and an uploaded file.</summary>
    private static async Task<(JsonObject Body, byte[]? File)> ReadAsync(HttpRequest req)
    {
        if (req.HasFormContentType)
        {
            var form = await req.ReadFormAsync();
            var o = new JsonObject();
            foreach (var (k, v) in form)
            {
                var s = v.ToString();
                o[k] = s.StartsWith('{') || s.StartsWith('[') ? JsonNode.Parse(s) : JsonValue.Create(s);
            }
            byte[]? file = null;
            if (form.Files.Count > 0)
            {
                using var ms = new MemoryStream();
                await form.Files[0].CopyToAsync(ms);
                file = ms.ToArray();
            }
            return (o, file);
        }
        using var reader = new StreamReader(req.Body);
        var text = await reader.ReadToEndAsync();
        return (text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) as JsonObject ?? new JsonObject(), null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
