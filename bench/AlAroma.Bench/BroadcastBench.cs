using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using AlAroma.Web.Features.Campaigns;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AlAroma.Bench;

/// <summary>
/// <c>broadcast [--customers 10000] [--cap 30] [--rate 30] [--instances 1]</c>: a Telegram campaign to N customers
/// (queued by <see cref="StartCampaign"/>, the «Отправить сейчас» path) sent by the outbox through a local fake Bot
/// API that accepts at most <c>cap</c> messages per wall-clock second overall and 1 per chat per second, answering
/// 429 with <c>parameters.retry_after</c> above either (Bot API FAQ limits); the outbox runs with
/// <c>Notifications:Outbox:TelegramPerSecond = rate</c>. Prints the achieved rate against the cap, 429 answers,
/// duplicates, lost messages and the elapsed time; exits 1 unless rate ≥ 95 % of the cap with no 429, duplicate or loss.
/// </summary>
internal static class BroadcastBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var customers = BenchHost.Arg(args, "--customers", 10_000);
        var cap = BenchHost.Arg(args, "--cap", 30);
        var rate = BenchHost.Arg(args, "--rate", 30);
        var instances = BenchHost.Arg(args, "--instances", 1);
        var (cs, _) = await BenchHost.PrepareAsync(BenchHost.Server(), "alaroma_bench_broadcast", reuse: false, productCount: 10, movementCount: 10);
        await BenchHost.PrintMachineAsync(cs);

        const long firstChat = 500_000_000;
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO customers (phone, name, level, points_balance, created_at_utc, marketing_telegram, telegram_consent_at_utc,
                                       marketing_email, marketing_sms, tags, telegram_chat_id, telegram_user_id)
                SELECT '+7999' || lpad(i::text, 7, '0'), 'Клиент ' || i, 'Standard', i % 1000, now(), true, now(), false, false,
                       '{broadcast}', @first + i, @first + i
                FROM generate_series(1, @n) AS i
                """, conn);
            cmd.Parameters.AddWithValue("first", firstChat);
            cmd.Parameters.AddWithValue("n", customers);
            await cmd.ExecuteNonQueryAsync();
        }

        await using var bot = await FakeBot.StartAsync(cap);
        var hosts = Enumerable.Range(0, instances).Select(_ => BenchHost.App(cs).WithWebHostBuilder(w =>
        {
            w.UseSetting("Notifications:Outbox:DispatcherEnabled", "false");
            w.UseSetting("Notifications:Outbox:TelegramPerSecond", rate.ToString());
            w.UseSetting("Notifications:Outbox:TelegramPerChatPerSecond", "1");
            w.UseSetting("Notifications:Telegram:Token", "123456:BENCH-token");
            w.UseSetting("Notifications:Telegram:BaseUrl", bot.BaseUrl);
        })).ToList();

        var sw = Stopwatch.StartNew();
        long campaign;
        int queued;
        using (var scope = BenchHost.Scope(hosts[0].Services))
        {
            var (id, errors) = await scope.ServiceProvider.GetRequiredService<SaveCampaign>().HandleAsync(new CampaignForm
            {
                Name = "Бенчмарк", Segment = new() { Tag = "broadcast" }, Channel = ConsentChannel.Telegram, Template = "{Имя}, у вас {Баллы} баллов",
            }, default);
            if (id is null) throw new InvalidOperationException(string.Join("; ", errors));
            campaign = id.Value;
            queued = await scope.ServiceProvider.GetRequiredService<StartCampaign>().HandleAsync(campaign, default);
        }
        Console.WriteLine($"campaign queued: {queued} outbox rows in {sw.Elapsed.TotalSeconds:F1} s (one INSERT … SELECT)");

        using var stop = new CancellationTokenSource();
        sw.Restart();
        var loops = hosts.Select(h => Task.Run(() => OutboxBench.LoopAsync(h.Services.GetRequiredService<OutboxDispatcher>(), stop.Token))).ToList();
        var lastReport = TimeSpan.Zero;
        while (bot.Distinct < queued && sw.Elapsed < TimeSpan.FromSeconds(queued / (double)cap * 2 + 60))
        {
            await Task.Delay(100);
            if (sw.Elapsed - lastReport >= TimeSpan.FromSeconds(30))
            {
                lastReport = sw.Elapsed;
                Console.WriteLine($"  {sw.Elapsed.TotalSeconds:F0} s: {bot.Distinct} delivered, 429 {bot.Refused}");
            }
        }
        var seconds = (bot.LastAcceptedUtc - bot.FirstAcceptedUtc).TotalSeconds;
        var elapsed = sw.Elapsed.TotalSeconds;
        await Task.Delay(2000); // anything sent twice late would show up now
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        GetCampaignProgress.Model progress;
        using (var scope = BenchHost.Scope(hosts[0].Services))
            progress = (await scope.ServiceProvider.GetRequiredService<GetCampaignProgress>().HandleAsync(campaign, default))!;
        // Per wall-clock second as the fake counts them: from the start of the first accepted message's second to the
        // end of the last one's (first→last alone would credit the partial seconds at both ends).
        var wallSeconds = Math.Floor((bot.LastAcceptedUtc - DateTime.UnixEpoch).TotalSeconds) - Math.Floor((bot.FirstAcceptedUtc - DateTime.UnixEpoch).TotalSeconds) + 1;
        var achieved = bot.Distinct / wallSeconds;
        var lost = queued - bot.Distinct;
        Console.WriteLine($"broadcast: {bot.Distinct} of {queued} delivered in {elapsed:F1} s (first→last {seconds:F1} s, {wallSeconds:F0} wall-clock seconds) = {achieved:F2}/s against a cap of {cap}/s " +
                          $"({achieved / cap:P1}), outbox limit {rate}/s; 429 answers {bot.Refused}; duplicates {bot.Duplicates}; lost {lost}; " +
                          $"campaign {Campaign.StatusLabel(progress.Campaign.Status)}: sent {progress.Sent}, queued {progress.Queued}, failed {progress.Failed}");
        Console.WriteLine($"busiest wall-clock second at the fake: {bot.PeakSecond} messages");
        foreach (var h in hosts) await h.DisposeAsync();
        return achieved >= 0.95 * cap && bot.Refused == 0 && bot.Duplicates == 0 && lost == 0 ? 0 : 1;
    }

    /// <summary>
    /// Bot API <c>sendMessage</c> on loopback (core.telegram.org/bots/api: JSON body, <c>{"ok":true,"result":Message}</c>)
    /// enforcing <c>cap</c> accepted messages per wall-clock second and 1 per chat per second; above either it answers
    /// 429 <c>Too Many Requests: retry after 1</c> with <c>parameters.retry_after = 1</c>, as Telegram does.
    /// </summary>
    private sealed class FakeBot : IAsyncDisposable
    {
        private WebApplication _app = null!;
        private readonly ConcurrentDictionary<long, int> _seen = new();
        private readonly Dictionary<long, long> _chatSecond = [];
        private long _second, _inSecond, _refused, _messageId, _peak;
        public string BaseUrl { get; private set; } = "";
        public int Distinct => _seen.Count;
        public int Duplicates => _seen.Values.Sum(v => v - 1);
        public long Refused => Interlocked.Read(ref _refused);
        public long PeakSecond => Interlocked.Read(ref _peak);
        public DateTime FirstAcceptedUtc { get; private set; }
        public DateTime LastAcceptedUtc { get; private set; }

        public static async Task<FakeBot> StartAsync(int cap)
        {
            var p = new FakeBot();
            var b = WebApplication.CreateSlimBuilder();
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            p._app = b.Build();
            var gate = new object();
            p._app.MapPost("/bot{token}/sendMessage", async (string token, HttpRequest req) =>
            {
                var body = await JsonNode.ParseAsync(req.Body) ?? new JsonObject();
                var chat = body["chat_id"]!.GetValue<long>();
                var now = DateTime.UtcNow;
                lock (gate)
                {
                    var second = new DateTimeOffset(now).ToUnixTimeSeconds();
                    if (second != p._second) { p._second = second; p._inSecond = 0; }
                    var chatBusy = p._chatSecond.TryGetValue(chat, out var last) && last == second;
                    if (p._inSecond >= cap || chatBusy)
                    {
                        p._refused++;
                        return Results.Json(new { ok = false, error_code = 429, description = "Too Many Requests: retry after 1", parameters = new { retry_after = 1 } }, statusCode: 429);
                    }
                    p._inSecond++;
                    if (p._inSecond > p._peak) p._peak = p._inSecond;
                    p._chatSecond[chat] = second;
                    if (p.FirstAcceptedUtc == default) p.FirstAcceptedUtc = now;
                    p.LastAcceptedUtc = now;
                }
                p._seen.AddOrUpdate(chat, 1, (_, n) => n + 1);
                var id = Interlocked.Increment(ref p._messageId);
                return Results.Json(new
                {
                    ok = true,
                    result = new { message_id = id, date = new DateTimeOffset(now).ToUnixTimeSeconds(), chat = new { id = chat, type = "private" }, text = body["text"]?.GetValue<string>() },
                });
            });
            await p._app.StartAsync();
            p.BaseUrl = p._app.Urls.First();
            return p;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
