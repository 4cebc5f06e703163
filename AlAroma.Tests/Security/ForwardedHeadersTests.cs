using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Security;

/// <summary>
/// Behind the TLS proxy of the README (ReverseProxy:KnownProxies) the sign-in and antiforgery cookies are Secure, because the proxy's
/// X-Forwarded-Proto: https is believed; the same header from any other address — including loopback when nothing
/// is configured — changes nothing, so a client cannot pose as HTTPS or fake its address for the logs.
/// </summary>
public sealed class ForwardedHeadersTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Proxy = "10.0.0.5";

    /// <summary>Test-only header carrying the TCP peer address TestServer would otherwise leave empty.</summary>
    private const string PeerHeader = "X-Test-Peer";

    [Fact]
    public async Task Https_from_the_configured_proxy_makes_the_sign_in_cookie_secure()
    {
        using var factory = Factory(knownProxy: Proxy);
        var cookies = await SignInCookiesAsync(factory, peer: Proxy);
        Assert.Contains(cookies, c => c.StartsWith("alaroma.auth="));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase)); // antiforgery too
    }

    [Theory]
    [InlineData(Proxy, "203.0.113.9")]   // a proxy is configured, but the request comes from elsewhere
    [InlineData(null, "127.0.0.1")]      // nothing configured: not even loopback is trusted
    public async Task Https_from_an_unconfigured_address_is_ignored(string? knownProxy, string peer)
    {
        using var factory = Factory(knownProxy);
        var cookies = await SignInCookiesAsync(factory, peer);
        Assert.Contains(cookies, c => c.StartsWith("alaroma.auth="));
        Assert.All(cookies, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    private WebApplicationFactory<Program> Factory(string? knownProxy) => app.Factory.WithWebHostBuilder(b =>
    {
        if (knownProxy is not null) b.UseSetting("ReverseProxy:KnownProxies:0", knownProxy);
        b.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFromHeader>());
    });

    /// <summary>Signs in as the admin through a "proxy" at <paramref name="peer"/> that says the client used HTTPS; every Set-Cookie on the way.</summary>
    private static async Task<List<string>> SignInCookiesAsync(WebApplicationFactory<Program> factory, string peer)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(PeerHeader, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var form = await client.GetAsync("/account/login");
        var token = Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "admin@alaroma.local", ["Password"] = Seeder.DemoPassword, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        // The cookie container would not send a Secure cookie over the test's plain-HTTP hop; the proxy would.
        post.Headers.Add("Cookie", string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        using var resp = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        return form.Headers.GetValues("Set-Cookie").Concat(resp.Headers.GetValues("Set-Cookie")).ToList();
    }

    /// <summary>Runs before the app's pipeline, where Kestrel would have set the peer address.</summary>
    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => a =>
        {
            a.Use((ctx, nextMw) =>
            {
                if (IPAddress.TryParse(ctx.Request.Headers[PeerHeader], out var ip)) ctx.Connection.RemoteIpAddress = ip;
                return nextMw(ctx);
            });
            next(a);
        };
    }
}
