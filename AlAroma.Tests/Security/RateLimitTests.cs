using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlAroma.Tests.Security;

/// <summary>
/// Floods get a 429 with Retry-After and a Russian line instead of work: exports per user, the bots' webhook and the
/// Mini App per sender address. Limits are lowered through the same settings an operator would use.
/// </summary>
public sealed class RateLimitTests(AppFixture app) : IClassFixture<AppFixture>
{
    private WebApplicationFactory<Program> Host(string name, int permits, int windowSeconds = 3600) => app.Factory.WithWebHostBuilder(b =>
    {
        b.UseSetting($"{RateLimits.Section}:{name}:Permits", permits.ToString());
        b.UseSetting($"{RateLimits.Section}:{name}:WindowSeconds", windowSeconds.ToString());
    });

    [Fact]
    public async Task A_refused_client_is_served_again_once_the_retry_after_has_passed()
    {
        // Two downloads per 10 s: a token back every 5 s, far longer than two requests take even on a starved machine.
        await using var host = Host(RateLimits.Export, permits: 2, windowSeconds: 10);
        using var manager = await AppFixture.ClientAsync(host, "manager@alaroma.local");
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 5 && refused is null; i++)
        {
            var r = await manager.GetAsync("/customers/export");
            if (r.StatusCode == HttpStatusCode.TooManyRequests) refused = r;
            else Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        Assert.NotNull(refused);
        var wait = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.InRange(wait, 1, 10);
        await Task.Delay(TimeSpan.FromSeconds(wait + 0.5));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/customers/export")).StatusCode);
    }

    [Fact]
    public async Task Exports_are_counted_per_user_and_refused_with_retry_after()
    {
        await using var host = Host(RateLimits.Export, permits: 2);
        using var manager = await AppFixture.ClientAsync(host, "manager@alaroma.local");
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/customers/export")).StatusCode);

        using var refused = await manager.GetAsync("/customers/export");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var wait = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.InRange(wait, 1, 3600);
        Assert.Contains("Слишком много запросов. Повторите через", await refused.Content.ReadAsStringAsync());

        // The screens themselves are not counted, and another user has a bucket of their own.
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/customers")).StatusCode);
        using var admin = await AppFixture.ClientAsync(host, "admin@alaroma.local");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/customers/export")).StatusCode);
    }

    [Fact]
    public async Task A_flood_of_webhook_posts_is_cut_off_before_the_secret_is_even_checked()
    {
        await using var host = Host(RateLimits.Webhook, permits: 3);
        using var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/bots/telegram/client", new StringContent("{}"))).StatusCode);
        using var refused = await client.PostAsync("/bots/telegram/client", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task The_external_POS_API_is_limited_per_key_with_a_JSON_refusal()
    {
        await using var host = Host(RateLimits.PosApi, permits: 2);
        using var client = host.CreateClient();
        var first = await ExternalPos.ExternalPosClient.CreateAsync(app, client);
        var second = await ExternalPos.ExternalPosClient.CreateAsync(app, client);
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await first.PostAsync("/api/v1/customers/lookup", new { phone = "+7 999 000-00-09" })).StatusCode);
        using var refused = await first.PostAsync("/api/v1/customers/lookup", new { phone = "+7 999 000-00-09" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After"))), 1, 3600);
        Assert.Equal("rate_limited", (await ExternalPos.ExternalPosClient.ReadAsync(refused)).GetProperty("error").GetString());
        // Another register has a bucket of its own.
        Assert.Equal(HttpStatusCode.NotFound, (await second.PostAsync("/api/v1/customers/lookup", new { phone = "+7 999 000-00-09" })).StatusCode);
    }

    [Fact]
    public async Task The_mini_app_is_limited_per_sender()
    {
        await using var host = Host(RateLimits.MiniApp, permits: 2);
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/miniapp")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/miniapp/card", new StringContent(""))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/miniapp/card", new StringContent(""))).StatusCode);
    }

    [Theory]
    [InlineData("/customers/export", true)]
    [InlineData("/reports/daily-sales.xlsx", true)]
    [InlineData("/leads/numbers.csv", true)]
    [InlineData("/customers", false)]
    [InlineData("/pos/sales/exporter", false)]
    public void Downloads_are_recognised_by_their_path(string path, bool export) =>
        Assert.Equal(export, RateLimits.IsExport(path));
}
