using System.Net;
using System.Text.Json;
using AlAroma.Tests.Customers;
using AlAroma.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Observability;

/// <summary>
/// What an operator's monitoring reads: the Prometheus scrape (only from the allowed addresses) with the business
/// figures, the correlation id of a request, and /health/ready where a mail server that is down degrades, not fails.
/// </summary>
public sealed class ObservabilityTests(AppFixture app, SmtpCapture smtp) : IClassFixture<AppFixture>, IClassFixture<SmtpCapture>
{
    /// <summary>The test server has no socket: requests come "from" <paramref name="ip"/>, as Kestrel would say.</summary>
    private sealed class FromAddress(IPAddress ip) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => a =>
        {
            a.Use((http, n) => { http.Connection.RemoteIpAddress = ip; return n(http); });
            next(a);
        };
    }

    private WebApplicationFactory<Program> Host(string ip, params (string Key, string Value)[] settings) => app.Factory.WithWebHostBuilder(b =>
    {
        b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse(ip))));
        foreach (var (k, v) in settings) b.UseSetting(k, v);
    });

    [Fact]
    public async Task Prometheus_scrapes_the_sales_and_the_outbox_from_loopback_and_nobody_else_sees_the_endpoint()
    {
        await using var local = Host("127.0.0.1");
        using var scraper = local.CreateClient(); // the host and its meter listener start here, before the sale
        await scraper.GetAsync("/account/login"); // a request of this host's own, for ASP.NET Core's figures
        await app.SellAsync(await app.CustomerAsync());
        var text = await scraper.GetStringAsync("/metrics");
        Assert.Contains("alaroma_sales_total{", text);
        Assert.Contains("location=\"S1\"", text);
        Assert.Contains("alaroma_checkout_duration_seconds_bucket{", text);
        Assert.Contains("alaroma_outbox_queue_length", text);
        Assert.Contains("http_server_request_duration_seconds", text); // ASP.NET Core's own

        await using var outside = Host("203.0.113.9");
        Assert.Equal(HttpStatusCode.NotFound, (await outside.CreateClient().GetAsync("/metrics")).StatusCode);

        // A configured monitoring network, and loopback no longer in it.
        await using var configured = Host("127.0.0.1", ("Observability:Metrics:AllowedNetworks:0", "10.20.0.0/16"));
        Assert.Equal(HttpStatusCode.NotFound, (await configured.CreateClient().GetAsync("/metrics")).StatusCode);
        await using var monitor = Host("10.20.3.4", ("Observability:Metrics:AllowedNetworks:0", "10.20.0.0/16"));
        Assert.Equal(HttpStatusCode.OK, (await monitor.CreateClient().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task A_request_answers_the_callers_correlation_id_or_its_own_trace_id()
    {
        using var http = app.Factory.CreateClient();
        using var given = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        given.Headers.Add("X-Correlation-Id", "till-7.receipt_42");
        Assert.Equal("till-7.receipt_42", (await http.SendAsync(given)).Headers.GetValues("X-Correlation-Id").Single());

        using var odd = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        odd.Headers.Add("X-Correlation-Id", "<script>alert(1)</script>");
        var own = (await http.SendAsync(odd)).Headers.GetValues("X-Correlation-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", own); // the W3C trace id of the request, not the caller's text
    }

    [Fact]
    public async Task A_mail_server_that_is_down_degrades_readiness_without_taking_the_instance_out()
    {
        int closedPort;
        using (var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0)) { l.Start(); closedPort = ((IPEndPoint)l.LocalEndpoint).Port; }
        await using var down = Host("127.0.0.1", ("Smtp:Host", "127.0.0.1"), ("Smtp:Port", closedPort.ToString()), ("Smtp:TimeoutSeconds", "3"));
        var resp = await down.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var report = JsonDocument.Parse(await resp.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        Assert.Equal("Degraded", report.GetProperty("checks").GetProperty("smtp").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString());
        Assert.Contains("не настроен", report.GetProperty("checks").GetProperty("sms").GetProperty("description").GetString());

        await using var up = Host("127.0.0.1", ("Smtp:Host", "127.0.0.1"), ("Smtp:Port", smtp.Port.ToString()));
        var healthy = JsonDocument.Parse(await up.CreateClient().GetStringAsync("/health/ready")).RootElement;
        Assert.Equal("Healthy", healthy.GetProperty("checks").GetProperty("smtp").GetProperty("status").GetString());
    }
}
