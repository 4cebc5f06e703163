using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace AlAroma.Web.Infrastructure;

/// <summary>
/// One limit of <see cref="RateLimits"/>: a token bucket of <see cref="Permits"/> requests that refills evenly over
/// <see cref="WindowSeconds"/> seconds (so a burst of N, then one more every window / N).
/// </summary>
public sealed class RateLimit
{
    /// <summary>Requests allowed in a burst and per window; at least 1.</summary>
    public int Permits { get; set; }

    /// <summary>The window, seconds; at least 1.</summary>
    public int WindowSeconds { get; set; }
}

/// <summary>
/// Request rate limits by ASP.NET Core's rate limiter, beside the sign-in's own counters (<c>Account/SignInLimits</c>).
/// Named policies an endpoint opts in to with <c>[EnableRateLimiting(RateLimits.Webhook)]</c>, partitioned by the
/// client's IP address (the forwarded one behind a trusted proxy) and the path, and one rule by convention: every
/// download whose path ends in <c>/export</c>, <c>.xlsx</c> or <c>.csv</c> is counted per signed-in user (exports are
/// the heaviest reads of the app). A refusal is a 429 with <c>Retry-After</c> (seconds) and a Russian plain-text line.
/// Limits come from <c>Security:RateLimits:&lt;Name&gt;</c> (<see cref="RateLimit"/>); the defaults are far above what
/// a person or Telegram's delivery needs and only cut off floods.
/// <para>
/// The counters live in this process's memory: behind a balancer with K instances the effective limit is K × the
/// configured one — still a bound on a flood, which is what these limits are for. (Limits that must be exact across
/// instances, like the account lockout, are kept in PostgreSQL.)
/// </para>
/// </summary>
public static class RateLimits
{
    /// <summary>Configuration section: <c>Security:RateLimits:Webhook:Permits</c>, <c>…:WindowSeconds</c> and so on.</summary>
    public const string Section = "Security:RateLimits";

    /// <summary>Webhooks called by outside services (Telegram's bot updates, telephony): per sender IP and path.</summary>
    public const string Webhook = "Webhook";

    /// <summary>The Mini App's page and data requests (no sign-in; initData checked by the endpoint): per IP.</summary>
    public const string MiniApp = "MiniApp";

    /// <summary>Downloads of lists and reports (convention: path ends in /export, .xlsx or .csv): per user.</summary>
    public const string Export = "Export";

    /// <summary>The external POS API: per <c>X-Api-Key</c> (per IP for requests without one).</summary>
    public const string PosApi = "PosApi";

    private static readonly Dictionary<string, RateLimit> Defaults = new()
    {
        // Telegram opens up to 40 connections by default (setWebhook max_connections) and retries on 429.
        [Webhook] = new RateLimit { Permits = 3000, WindowSeconds = 60 },
        [MiniApp] = new RateLimit { Permits = 300, WindowSeconds = 60 },
        [Export] = new RateLimit { Permits = 30, WindowSeconds = 60 },
        // A busy till does a lookup, a quote and a sale per receipt, a receipt every few seconds at most.
        [PosApi] = new RateLimit { Permits = 600, WindowSeconds = 60 },
    };

    /// <summary>The configured limit of <paramref name="name"/>, or its default.</summary>
    /// <exception cref="InvalidOperationException">A configured limit below 1 request or 1 second.</exception>
    public static RateLimit Read(IConfiguration config, string name)
    {
        var limit = config.GetSection($"{Section}:{name}").Get<RateLimit>() ?? Defaults[name];
        if (limit.Permits == 0 && limit.WindowSeconds == 0) limit = Defaults[name];
        if (limit.Permits < 1 || limit.WindowSeconds < 1)
            throw new InvalidOperationException($"{Section}:{name}: Permits and WindowSeconds must be at least 1.");
        return limit;
    }

    /// <summary>Registers the policies and the export convention.</summary>
    public static void AddRateLimits(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var webhook = Read(config, Webhook);
        var miniApp = Read(config, MiniApp);
        var export = Read(config, Export);
        var posApi = Read(config, PosApi);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Webhook, http => Bucket($"{ClientIp(http)} {http.Request.Path}", webhook));
            o.AddPolicy(MiniApp, http => Bucket(ClientIp(http), miniApp));
            o.AddPolicy(PosApi, http => Bucket(http.Request.Headers["X-Api-Key"].ToString() is { Length: > 0 } key ? "key " + key : "ip " + ClientIp(http), posApi));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsExport(http.Request.Path)
                    ? Bucket(http.User.Identity?.Name ?? ClientIp(http), export)
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (ctx, ct) =>
            {
                var seconds = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))
                    : 60;
                var response = ctx.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var message = $"Слишком много запросов. Повторите через {seconds} {Plural.Of(seconds, "секунду", "секунды", "секунд")}.";
                if (ctx.HttpContext.Request.Path.StartsWithSegments("/api"))
                    await response.WriteAsJsonAsync(new { error = "rate_limited", message }, ct); // the API answers JSON, refusals too
                else
                {
                    response.ContentType = "text/plain; charset=utf-8";
                    await response.WriteAsync(message, ct);
                }
            };
        });
    }

    /// <summary>In the pipeline after authentication (the export rule counts per user) and routing (the policies).</summary>
    public static void UseRateLimits(this WebApplication app) => app.UseRateLimiter();

    /// <summary>True for a download by the app's convention: the path ends in <c>/export</c>, <c>.xlsx</c> or <c>.csv</c>.</summary>
    public static bool IsExport(PathString path)
    {
        var p = path.Value ?? "";
        return p.EndsWith("/export", StringComparison.OrdinalIgnoreCase)
               || p.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
               || p.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
    }

    private static string ClientIp(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "";

    private static RateLimitPartition<string> Bucket(string key, RateLimit limit) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Permits,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(limit.WindowSeconds) / limit.Permits,
            QueueLimit = 0,
            AutoReplenishment = false, // the partitioned limiter replenishes its buckets itself
        });
}
