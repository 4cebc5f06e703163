using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Account;

/// <summary>
/// Every endpoint of the app, requested by every role and by an anonymous visitor: each gets exactly the access
/// DOMAIN.md gives it. The expected matrix is written here by hand from DOMAIN.md, independently of the
/// [Authorize] attributes, so a wrong attribute (or a new unprotected endpoint) fails the test.
/// </summary>
public sealed class RoleMatrixTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Anonymous = "(anonymous)";

    /// <summary>URL prefix → roles that may open it (DOMAIN.md "Who uses it"). Null = anyone, signed in or not.</summary>
    private static readonly (string Prefix, string[]? Roles)[] Matrix =
    [
        ("/health/", null),
        ("/error/", null),
        ("/account/login", null),
        ("/account/forgot-password", null), // «Забыли пароль?»: for whoever cannot sign in
        ("/account/reset-password", null),  // the page the e-mailed link opens
        ("/account/", Roles.All.ToArray()),
        ("/telephony/", null), // PBX webhooks: the provider's signature is the authentication (Leads/TelephonyWebhookTests)
        ("/miniapp", null), // the Mini App page: no data in it; its requests are authenticated by Telegram initData
        ("/api/", null), // the external POS API's OpenAPI description; its requests are signed (SignedOnly)
        ("/admin/external-registers", [Roles.Admin]), // «Внешние кассы»: keys that move points (issue 14)
        ("/loyalty/dashboard", [Roles.Admin, Roles.Manager]), // «Программа лояльности», as the reports
        ("/admin/notifications", [Roles.Admin, Roles.Manager]), // the outbox (issue 11: Admin/Manager)
        ("/admin/", [Roles.Admin]),
        ("/catalog", [Roles.Admin, Roles.Manager]),
        ("/warehouse", [Roles.Admin, Roles.Manager, Roles.Storekeeper]),
        ("/pos", [Roles.Admin, Roles.Manager, Roles.Seller, Roles.Cashier]),
        ("/promotions", [Roles.Admin, Roles.Manager]),
        ("/loyalty/settings", [Roles.Admin, Roles.Manager]),
        ("/loyalty/gifts", [Roles.Admin, Roles.Manager]),
        ("/giftcards", [Roles.Admin, Roles.Manager]),
        // CRM screens (issue 12): the list and its Excel, the card and its edit form, merging duplicates, the import.
        ("/customers/import", [Roles.Admin, Roles.Manager]),
        ("/customers/merge", [Roles.Admin, Roles.Manager]),
        ("/customers/export", [Roles.Admin, Roles.Manager]),
        ("/customers", [Roles.Admin, Roles.Manager]), // the till finds by the whole phone or the customer's code (/pos)
        ("/feedback", [Roles.Admin, Roles.Manager]), // «Отзывы и обращения» (issue 12)
        ("/campaigns", [Roles.Admin, Roles.Manager]), // «Рассылки» (DOMAIN.md: Manager — campaigns)
        ("/reports", [Roles.Admin, Roles.Manager]),
        // Call centre (issue 13, DOMAIN.md: Manager — lead projects; Operator only calls): projects, base suppliers, do-not-call.
        ("/leads/projects", [Roles.Admin, Roles.Manager]),
        ("/leads/suppliers", [Roles.Admin, Roles.Manager]),
        ("/leads/do-not-call", [Roles.Admin, Roles.Manager]),
        ("/leads/sftp", [Roles.Admin, Roles.Manager]), // «SFTP-серверы» (issue 13: Manager — SFTP)
        ("/leads/work", [Roles.Admin, Roles.Manager, Roles.Operator]), // «Следующий номер» (issue 13: the operator's screen)
        ("/leads", [Roles.Admin, Roles.Manager]), // projects, bases, numbers, exports (issue 13: Manager; no Operator)
        ("/", Roles.All.ToArray()),
    ];

    /// <summary>Endpoints authenticated by a signed Telegram initData instead of sign-in: 401 for everyone without one.</summary>
    private static readonly string[] InitDataOnly = ["/miniapp/card", "/miniapp/code"];

    /// <summary>The external POS API: authenticated by a register's key and HMAC signature, 401 for everyone without them (ExternalPos/ExternalPosApiTests).</summary>
    private static readonly string[] SignedOnly = ["/api/v1/customers/lookup", "/api/v1/points/quote", "/api/v1/events/sale", "/api/v1/events/return"];

    /// <summary>
    /// Endpoints that no sign-in opens: Telegram's webhook, authenticated by the secret header alone (issue 12). Without
    /// it every visitor, signed in or not, gets a plain 403.
    /// </summary>
    private static readonly string[] BySecret = ["/bots/telegram/"];

    public static IEnumerable<object[]> Principals() =>
        new[] { Anonymous }.Concat(Roles.All).Select(r => new object[] { r });

    [Theory]
    [MemberData(nameof(Principals))]
    public async Task Every_endpoint_grants_exactly_the_access_of_the_role(string principal)
    {
        var email = principal == Anonymous ? null : $"{principal.ToLowerInvariant()}@alaroma.local";
        var client = await app.ClientAsync(email);
        var failures = new List<string>();
        foreach (var (method, url) in Endpoints())
        {
            var allowedRoles = Expected(url);
            var expectAllowed = allowedRoles is null || (principal != Anonymous && allowedRoles.Contains(principal));
            using var req = new HttpRequestMessage(new HttpMethod(method), url);
            if (method != "GET") req.Content = new FormUrlEncodedContent([]);
            // Headers only: the bell's event stream (/notifications/stream) never ends, its status is all that matters here.
            using var resp = await client.SendAsync(req, HttpCompletionOption.ResponseHeadersRead);
            var code = (int)resp.StatusCode;
            if (InitDataOnly.Contains(url) || SignedOnly.Contains(url))
            {
                if (code != 401) failures.Add($"{method} {url}: no initData or signature, expected 401, got {code}");
                continue;
            }
            var toLogin = resp.StatusCode == HttpStatusCode.Redirect && resp.Headers.Location?.ToString().Contains("/account/login") == true;
            var denied = code is 401 or 403 || toLogin;
            if (BySecret.Any(p => url.StartsWith(p, StringComparison.Ordinal)))
            {
                if (code != 403) failures.Add($"{method} {url}: without the secret header expected 403, got {code}");
                continue;
            }
            if (code >= 500) failures.Add($"{method} {url}: server error {code}");
            else if (expectAllowed && denied) failures.Add($"{method} {url}: expected access, got {code}{(toLogin ? " → login" : "")}");
            else if (!expectAllowed && principal == Anonymous && !toLogin && code != 401) failures.Add($"{method} {url}: anonymous expected → login, got {code}");
            else if (!expectAllowed && principal != Anonymous && code != 403) failures.Add($"{method} {url}: expected 403, got {code}");
        }
        Assert.True(failures.Count == 0, $"{principal}:\n" + string.Join("\n", failures));
    }

    /// <summary>The call centre's management pages by their real URLs: open to Admin and Manager, 403 for every other role (Operator included).</summary>
    private static readonly string[] LeadPages =
    [
        "/leads/projects", "/leads/projects/new", "/leads/projects/deleted", "/leads/suppliers", "/leads/suppliers/new",
        "/leads/do-not-call", "/leads/do-not-call/import", "/leads/sftp", "/leads/sftp/new",
    ];

    [Theory]
    [MemberData(nameof(Principals))]
    public async Task Lead_management_pages_open_to_admins_and_managers_only(string principal)
    {
        var client = await app.ClientAsync(principal == Anonymous ? null : $"{principal.ToLowerInvariant()}@alaroma.local");
        var endpoints = Endpoints().Where(e => e.Method == "GET").Select(e => e.Url).ToHashSet();
        var failures = new List<string>();
        foreach (var url in LeadPages)
        {
            if (!endpoints.Contains(url)) { failures.Add($"{url}: no such endpoint"); continue; }
            using var resp = await client.GetAsync(url);
            var expected = principal == Anonymous ? HttpStatusCode.Redirect
                : principal is Roles.Admin or Roles.Manager ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            if (resp.StatusCode != expected) failures.Add($"{url}: expected {(int)expected}, got {(int)resp.StatusCode}");
            else if (expected == HttpStatusCode.Redirect && resp.Headers.Location?.ToString().Contains("/account/login") != true)
                failures.Add($"{url}: anonymous expected → login, got → {resp.Headers.Location}");
        }
        Assert.True(failures.Count == 0, $"{principal}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Every_endpoint_is_covered_by_the_matrix()
    {
        var endpoints = Endpoints().ToList();
        Assert.True(endpoints.Count > 20, $"only {endpoints.Count} endpoints found");
        string[] open = ["/health/", "/error/", "/account/login", "/account/forgot-password", "/account/reset-password", "/miniapp", "/telephony/", "/api/", .. BySecret];
        Assert.All(endpoints, e => Assert.True(Expected(e.Url) is not null || open.Any(p => e.Url.StartsWith(p)),
            $"{e.Url} is open to anonymous visitors but not listed as public"));
    }

    private static string[]? Expected(string url) =>
        Matrix.First(m => m.Prefix == "/" ? true : url.StartsWith(m.Prefix, StringComparison.OrdinalIgnoreCase)).Roles;

    /// <summary>(method, concrete url) of every MVC endpoint, route parameters filled with "1" (or a guid where constrained).</summary>
    private IEnumerable<(string Method, string Url)> Endpoints()
    {
        var sources = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        foreach (var e in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var url = "/" + string.Join("/", e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart s2 => s2.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart pp when pp.ParameterPolicies.Any(x => x.Content == "guid")
                    => "00000000-0000-0000-0000-000000000001",
                _ => "1",
            }))));
            foreach (var m in methods) yield return (m, url);
        }
    }
}
