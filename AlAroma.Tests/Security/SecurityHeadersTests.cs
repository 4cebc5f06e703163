using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Tests.Security;

/// <summary>
/// The strict header set is on every page — a signed-in one (no fresh antiforgery cookie, which used to be the only
/// time X-Frame-Options came) as well as the anonymous login page: never framed, no MIME sniffing, no referrer to
/// other sites, and a CSP that runs only the site's own script files. The missing Server banner is checked against
/// real Kestrel in the E2E CSP test.
/// </summary>
public sealed class SecurityHeadersTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("admin@alaroma.local", "/")]
    [InlineData("cashier@alaroma.local", "/pos")]
    [InlineData(null, "/account/login")]
    public async Task Every_page_cannot_be_framed_and_runs_only_own_scripts(string? email, string url)
    {
        var client = await app.ClientAsync(email);
        await client.GetAsync(url); // the second visit sets no new antiforgery cookie
        using var resp = await client.GetAsync(url);

        Assert.Equal(200, (int)resp.StatusCode);
        Assert.Equal("DENY", Header(resp, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(resp, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(resp, "Referrer-Policy"));
        Assert.False(resp.Headers.Contains("Server"));
        var csp = Directives(Header(resp, "Content-Security-Policy"));
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.DoesNotContain("unsafe-inline", csp["style-src"]);
        Assert.Null(Header(resp, "Strict-Transport-Security")); // plain HTTP: HSTS would mean nothing
    }

    [Fact]
    public async Task Only_the_mini_app_may_be_framed_and_only_by_telegram_web()
    {
        var client = await app.ClientAsync(null);
        using var miniApp = await client.GetAsync("/miniapp");
        Assert.Equal(200, (int)miniApp.StatusCode);
        var csp = Directives(Header(miniApp, "Content-Security-Policy"));
        Assert.Equal("https://web.telegram.org", csp["frame-ancestors"]);
        Assert.Null(Header(miniApp, "X-Frame-Options"));
        Assert.Equal("'self'", csp["script-src"]);
        using var card = await client.PostAsync("/miniapp/card", new FormUrlEncodedContent([]));
        Assert.Equal(401, (int)card.StatusCode);
        Assert.Equal("https://web.telegram.org", Directives(Header(card, "Content-Security-Policy"))["frame-ancestors"]);

        using var login = await client.GetAsync("/account/login"); // the rest of the app stays unframeable
        Assert.Equal("'none'", Directives(Header(login, "Content-Security-Policy"))["frame-ancestors"]);
        Assert.Equal("DENY", Header(login, "X-Frame-Options"));
        using var script = await client.GetAsync("/js/miniapp.js");
        Assert.Equal("DENY", Header(script, "X-Frame-Options"));
    }

    [Fact]
    public async Task Https_responses_carry_hsts_and_static_files_get_the_headers_too()
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://shop.alaroma.test"), AllowAutoRedirect = false });
        using var page = await client.GetAsync("/account/login");
        Assert.Equal($"max-age={365 * 24 * 60 * 60}", Header(page, "Strict-Transport-Security"));

        using var script = await client.GetAsync("/js/site.js");
        Assert.Equal(200, (int)script.StatusCode);
        Assert.Equal("nosniff", Header(script, "X-Content-Type-Options"));
        Assert.NotNull(Header(script, "Content-Security-Policy"));
    }

    [Fact]
    public async Task The_label_sheet_style_is_admitted_by_the_request_nonce()
    {
        await using var db = app.Db();
        var product = await db.Products.Where(p => p.Sku == "AA-0001").Select(p => p.Id).SingleAsync();
        var client = await app.ClientAsync("storekeeper@alaroma.local");
        using var resp = await client.GetAsync($"/warehouse/labels/print?format=a4&p={product}&q=1");
        var html = await resp.Content.ReadAsStringAsync();
        var nonce = WebUtility.HtmlDecode(Regex.Match(html, "<style nonce=\"([^\"]+)\">").Groups[1].Value);
        Assert.NotEmpty(nonce);
        Assert.Contains($"'nonce-{nonce}'", Directives(Header(resp, "Content-Security-Policy"))["style-src"]);
    }

    private static string? Header(HttpResponseMessage r, string name) =>
        r.Headers.TryGetValues(name, out var v) || r.Content.Headers.TryGetValues(name, out v) ? string.Join(", ", v) : null;

    private static Dictionary<string, string> Directives(string? csp)
    {
        Assert.NotNull(csp);
        return csp.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
    }
}
