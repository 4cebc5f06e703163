using System.Net;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AlAroma.Web.Infrastructure.Observability;

/// <summary>
/// OpenTelemetry metrics and traces: ASP.NET Core, HttpClient (the SMS provider, Telegram, the PBX), Npgsql and the
/// runtime, plus <see cref="AppMetrics"/>. Metrics are scraped by Prometheus at <see cref="MetricsPath"/>, answered only to
/// the addresses in <c>Observability:Metrics:AllowedNetworks</c> (CIDR; loopback by default) — anyone else gets the
/// app's 404. Traces are recorded and sent to an OTLP collector only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the OpenTelemetry
/// specification's variable); without one they still give every log line its trace id.
/// </summary>
public static class ObservabilitySetup
{
    /// <summary>The Prometheus scrape path.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Setting: the networks allowed to scrape, e.g. <c>10.0.0.0/24</c>.</summary>
    public const string AllowedNetworksKey = "Observability:Metrics:AllowedNetworks";

    /// <exception cref="InvalidOperationException">An allowed network that is not CIDR.</exception>
    public static void AddObservability(this WebApplicationBuilder builder)
    {
        var networks = AllowedNetworks(builder.Configuration);
        builder.Services.AddSingleton(new MetricsAccess(networks));
        builder.Services.AddHostedService<OutboxGauges>();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("alaroma-web", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter("Npgsql", AppMetrics.Name)
                    .AddPrometheusExporter();
            });
        // Spans only where a collector takes them: recording one per request and per SQL command for nobody costs the
        // till CPU. Log lines carry the trace id either way (ASP.NET Core starts an activity per request for logging).
        if (otlp)
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsPlumbing(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(AppMetrics.Name)
                .AddOtlpExporter());
    }

    /// <summary>The scrape endpoint, first in the pipeline (a scrape is not a page: no session, no rate limit).</summary>
    public static void UseObservability(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http => http.Request.Path == MetricsPath && access.Allows(http.Connection.RemoteIpAddress));
    }

    private static bool IsPlumbing(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js");

    private static IReadOnlyList<System.Net.IPNetwork> AllowedNetworks(IConfiguration config)
    {
        var given = config.GetSection(AllowedNetworksKey).Get<string[]>();
        if (given is null || given.Length == 0) return [System.Net.IPNetwork.Parse("127.0.0.0/8"), System.Net.IPNetwork.Parse("::1/128")];
        return given.Select(n => System.Net.IPNetwork.TryParse(n, out var net) ? net
            : throw new InvalidOperationException($"{AllowedNetworksKey}: '{n}' is not a network like 10.0.0.0/24.")).ToList();
    }
}

/// <summary>Who may scrape the metrics: the client address (the forwarded one behind a trusted proxy) in an allowed network.</summary>
public sealed class MetricsAccess(IReadOnlyList<System.Net.IPNetwork> networks)
{
    public bool Allows(IPAddress? address)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return networks.Any(n => n.Contains(address));
    }
}
