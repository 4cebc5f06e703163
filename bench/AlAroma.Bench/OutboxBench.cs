using System.Collections.Concurrent;
using System.Diagnostics;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlAroma.Bench;

/// <summary>
/// <c>outbox [--messages 100000] [--rate 500] [--instances 2] [--steady-seconds 20]</c>: enqueues the messages as SMS
/// for a local fake SMS.ru-style provider that accepts at most R per second (429 + Retry-After above it), sends them
/// with the given number of dispatchers (one per simulated app instance, sharing the rate limit through PostgreSQL)
/// and prints sent/s against R, duplicates and lost messages; then the p95 enqueue→send delay at a steady R/2.
/// </summary>
internal static class OutboxBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = BenchHost.Arg(args, "--messages", 100_000);
        var rate = BenchHost.Arg(args, "--rate", 500);
        var instances = BenchHost.Arg(args, "--instances", 2);
        var steadySeconds = BenchHost.Arg(args, "--steady-seconds", 20);
        var (cs, _) = await BenchHost.PrepareAsync(BenchHost.Server(), "alaroma_bench_outbox", reuse: false, productCount: 10, movementCount: 10);
        await BenchHost.PrintMachineAsync(cs);

        await using var provider = await FakeProvider.StartAsync(rate);
        var hosts = Enumerable.Range(0, instances).Select(_ => BenchHost.App(cs).WithWebHostBuilder(w =>
        {
            w.UseSetting("Notifications:Outbox:DispatcherEnabled", "false");
            w.UseSetting("Notifications:Outbox:BatchSize", "100");
            w.UseSetting("Notifications:Outbox:Parallelism", "16");
            w.UseSetting("Notifications:Outbox:SmsPerSecond", rate.ToString());
            w.UseSetting("Notifications:Sms:ApiKey", "bench");
            w.UseSetting("Notifications:Sms:Url", provider.Url);
        })).ToList();

        // 1. Throughput: the whole backlog at once.
        var sw = Stopwatch.StartNew();
        await EnqueueAsync(hosts[0], 0, count);
        Console.WriteLine($"enqueued {count} messages in {sw.Elapsed.TotalSeconds:F1} s");
        using var stop = new CancellationTokenSource();
        var loops = hosts.Select(h => Task.Run(() => LoopAsync(h.Services.GetRequiredService<OutboxDispatcher>(), stop.Token))).ToList();
        sw.Restart();
        while (provider.Distinct < count && sw.Elapsed < TimeSpan.FromSeconds(count / (double)rate * 3 + 60)) await Task.Delay(100);
        var seconds = sw.Elapsed.TotalSeconds;
        var sentPerSecond = provider.Distinct / seconds;
        Console.WriteLine($"outbox throughput: {provider.Distinct} sent in {seconds:F1} s = {sentPerSecond:F0}/s against R = {rate}/s ({sentPerSecond / rate:P1}); " +
                          $"429 answers {provider.Refused}; duplicates {provider.Duplicates}; lost {count - provider.Distinct}");

        // 2. Latency at a steady R/2.
        var delays = new ConcurrentBag<double>();
        provider.OnAccepted = (seq, at) => { if (seq >= count && provider.Enqueued.TryGetValue(seq, out var t)) delays.Add((at - t).TotalMilliseconds); };
        var steadyCount = rate / 2 * steadySeconds;
        var next = count;
        var tick = Stopwatch.StartNew();
        for (var s = 0; s < steadySeconds * 10; s++)
        {
            var batch = rate / 2 / 10;
            foreach (var i in Enumerable.Range(next, batch)) provider.Enqueued[i] = DateTime.UtcNow;
            await EnqueueAsync(hosts[0], next, batch);
            next += batch;
            var wait = TimeSpan.FromMilliseconds((s + 1) * 100) - tick.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
        }
        var until = DateTime.UtcNow.AddSeconds(60);
        while (provider.Distinct < next && DateTime.UtcNow < until) await Task.Delay(100);
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        var sorted = delays.Order().ToList();
        Console.WriteLine($"steady load {rate / 2}/s for {steadySeconds} s: {sorted.Count} of {next - count} sent; enqueue→send p50 {BenchHost.Percentile(sorted, 0.5):F0} ms, " +
                          $"p95 {BenchHost.Percentile(sorted, 0.95):F0} ms, max {sorted[^1]:F0} ms; duplicates {provider.Duplicates}; lost {next - provider.Distinct}");
        foreach (var h in hosts) await h.DisposeAsync();
        return provider.Duplicates == 0 && provider.Distinct == next ? 0 : 1;
    }

    private static async Task EnqueueAsync(WebApplicationFactory<Program> host, int from, int count)
    {
        for (var start = from; start < from + count; start += 5000)
        {
            using var scope = host.Services.CreateScope();
            var outbox = scope.ServiceProvider.GetRequiredService<NotificationOutbox>();
            for (var i = start; i < Math.Min(from + count, start + 5000); i++) outbox.Sms("+7916" + (1000000 + i % 9000000), $"bench {i}");
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }
    }

    /// <summary>One app instance's dispatcher loop, as <c>OutboxDispatcherService</c> runs it but with a 20 ms idle poll.</summary>
    internal static async Task LoopAsync(OutboxDispatcher d, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try { if (await d.DispatchOnceAsync(ct) == 0) await Task.Delay(20, ct); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>SMS.ru-style form API on loopback that accepts at most R messages per wall-clock second.</summary>
    private sealed class FakeProvider : IAsyncDisposable
    {
        private WebApplication _app = null!;
        private readonly ConcurrentDictionary<int, int> _seen = new();
        private long _second, _inSecond, _refused;
        public string Url { get; private set; } = "";
        public ConcurrentDictionary<int, DateTime> Enqueued { get; } = new();
        public Action<int, DateTime>? OnAccepted { get; set; }
        public int Distinct => _seen.Count;
        public int Duplicates => _seen.Values.Sum(v => v - 1);
        public long Refused => Interlocked.Read(ref _refused);

        public static async Task<FakeProvider> StartAsync(int rate)
        {
            var p = new FakeProvider();
            var b = WebApplication.CreateSlimBuilder();
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Logging.SetMinimumLevel(LogLevel.Warning); // a console line per request would be the bottleneck
            p._app = b.Build();
            var gate = new object();
            p._app.MapPost("/sms/send", async (HttpRequest req) =>
            {
                var form = await req.ReadFormAsync();
                lock (gate)
                {
                    var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                    if (now != p._second) { p._second = now; p._inSecond = 0; }
                    if (++p._inSecond > rate)
                    {
                        Interlocked.Increment(ref p._refused);
                        req.HttpContext.Response.Headers.RetryAfter = "1";
                        return Results.StatusCode(429);
                    }
                }
                var seq = int.Parse(form["msg"].ToString()["bench ".Length..]);
                p._seen.AddOrUpdate(seq, 1, (_, n) => n + 1);
                p.OnAccepted?.Invoke(seq, DateTime.UtcNow);
                var to = form["to"].ToString();
                return Results.Text($"{{\"status\":\"OK\",\"status_code\":100,\"sms\":{{\"{to}\":{{\"status\":\"OK\",\"status_code\":100,\"sms_id\":\"{seq}\"}}}}}}", "application/json");
            });
            await p._app.StartAsync();
            p.Url = p._app.Urls.First() + "/sms/send";
            return p;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
