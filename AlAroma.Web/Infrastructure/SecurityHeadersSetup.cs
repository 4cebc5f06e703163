using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;

namespace AlAroma.Web.Infrastructure;

/// <summary>
/// Response security headers on every response (NetEscapades.AspNetCore.SecurityHeaders) and the reverse-proxy
/// trust that decides whether a request counts as HTTPS (Secure cookies, HSTS).
/// </summary>
public static class SecurityHeadersSetup
{
    /// <summary>Configuration section of the proxies whose <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> are honoured.</summary>
    public const string ProxySection = "ReverseProxy";

    /// <summary>
    /// Name of the header policy of the endpoints that another site may show in a frame (<c>[SecurityHeadersPolicy(FramedPolicy)]</c>);
    /// every other response is never framed.
    /// </summary>
    public const string FramedPolicy = "framed";

    /// <summary>
    /// Name of the header policy of the JSON API (<c>/api/v1</c>): nothing in an answer may load, run or be framed
    /// (<c>default-src 'none'</c>), and no answer is cached (it carries customers' balances).
    /// </summary>
    public const string ApiPolicy = "api";

    /// <summary>Setting with the https origins that may frame <see cref="FramedPolicy"/> endpoints (none: not even those).</summary>
    public const string FrameAncestorsKey = "Security:FrameAncestors";

    /// <summary>HSTS lifetime: one year, the minimum that browsers' preload lists and the OWASP cheat sheet ask for.</summary>
    public const int HstsMaxAgeSeconds = 365 * 24 * 60 * 60;

    /// <summary>
    /// No <c>Server: Kestrel</c> banner; forwarded headers trusted only from <c>ReverseProxy:KnownProxies</c> (IP
    /// addresses) and <c>ReverseProxy:KnownNetworks</c> (CIDR, e.g. <c>10.0.0.0/24</c>); none configured — none trusted.
    /// </summary>
    /// <exception cref="InvalidOperationException">An entry of those lists is not an IP address or a CIDR network.</exception>
    public static void AddProxyAndSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        // Antiforgery adds X-Frame-Options: SAMEORIGIN only when it issues a cookie; the policy below sends DENY always.
        builder.Services.Configure<AntiforgeryOptions>(o => o.SuppressXFrameOptionsHeader = true);
        var frameAncestors = builder.Configuration.GetSection(FrameAncestorsKey).Get<string[]>() ?? [];
        foreach (var origin in frameAncestors)
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var u) || u.Scheme != Uri.UriSchemeHttps || u.PathAndQuery != "/")
                throw new InvalidOperationException($"{FrameAncestorsKey}: '{origin}' is not an https origin like https://web.telegram.org.");
        builder.Services.AddSecurityHeaderPolicies(p => p.SetDefaultPolicy(Policy([])).AddPolicy(FramedPolicy, Policy(frameAncestors)).AddPolicy(ApiPolicy, Api()));

        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, config) =>
        {
            var proxies = config.GetSection(ProxySection);
            var knownProxies = proxies.GetSection("KnownProxies").Get<string[]>() ?? [];
            var knownNetworks = proxies.GetSection("KnownNetworks").Get<string[]>() ?? [];
            // Empty lists would make the middleware trust every sender, so without a configured proxy it does nothing:
            // an app behind no proxy must not believe a client's own X-Forwarded-Proto (nor loopback, the default).
            o.ForwardedHeaders = knownProxies.Length + knownNetworks.Length == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in knownProxies)
                o.KnownProxies.Add(IPAddress.TryParse(p, out var ip) ? ip
                    : throw new InvalidOperationException($"{ProxySection}:KnownProxies: '{p}' is not an IP address."));
            foreach (var n in knownNetworks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(n, out var net) ? net
                    : throw new InvalidOperationException($"{ProxySection}:KnownNetworks: '{n}' is not a network like 10.0.0.0/24."));
        }).ValidateOnStart(); // a mistyped address stops the start, not every request
    }

    /// <summary>
    /// First in the pipeline: the forwarded scheme and client address, then the header set of <see cref="Policy"/> on
    /// every response, error pages and static files included; an endpoint marked with <see cref="FramedPolicy"/> gets
    /// the same set with the frame ancestors of <see cref="FrameAncestorsKey"/> (the library picks the endpoint's policy
    /// when the response starts).
    /// </summary>
    public static void UseProxyAndSecurityHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Every cookie (sign-in, antiforgery, chosen location) is Secure whenever the request came over HTTPS.
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest });
        app.UseSecurityHeaders();
    }

    /// <summary>The JSON API's header set (<see cref="ApiPolicy"/>), as OWASP's REST Security Cheat Sheet lists it.</summary>
    private static HeaderPolicyCollection Api() => new HeaderPolicyCollection()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().None();
            csp.AddFrameAncestors().None();
        })
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyNoReferrer()
        .AddCustomHeader("Cache-Control", "no-store")
        .AddStrictTransportSecurityMaxAge(HstsMaxAgeSeconds)
        .RemoveServerHeader();

    /// <summary>
    /// The header set: scripts only from this site (no inline scripts, no eval); styles from this site plus a
    /// per-request nonce (<c>Context.GetNonce()</c>) for the odd generated &lt;style&gt;; framed by
    /// <paramref name="frameAncestors"/> only (origins like <c>https://web.telegram.org</c>), never when empty.
    /// </summary>
    private static HeaderPolicyCollection Policy(string[] frameAncestors)
    {
        var policy = new HeaderPolicyCollection()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self().WithNonce();
                csp.AddImgSrc().Self().Data(); // Bootstrap draws its select arrows and close buttons as data: SVGs
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                if (frameAncestors.Length == 0) csp.AddFrameAncestors().None();
                else
                {
                    var ancestors = csp.AddFrameAncestors();
                    foreach (var origin in frameAncestors) ancestors.From(origin);
                }
            })
            .AddContentTypeOptionsNoSniff()
            // same-origin: our own pages still get a Referer (returns to the list), other sites get none.
            .AddReferrerPolicySameOrigin()
            .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
            .AddPermissionsPolicy(b =>
            {
                b.AddCamera().None();
                b.AddMicrophone().None();
                b.AddGeolocation().None();
                b.AddPayment().None();
                b.AddUsb().None();
            })
            // The library sends it on HTTPS requests only (directly, or from a trusted TLS proxy above), never to localhost.
            .AddStrictTransportSecurityMaxAge(HstsMaxAgeSeconds)
            .RemoveServerHeader();
        // X-Frame-Options cannot name an origin; where framing is allowed, CSP frame-ancestors alone decides.
        return frameAncestors.Length == 0 ? policy.AddFrameOptionsDeny() : policy;
    }
}
