using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Security;

/// <summary>
/// The two guarantees the security probe found holding, kept from regressing: no POST of the app runs without the
/// antiforgery token of the signed-in user's session, and text people typed is shown encoded, never as markup.
/// </summary>
public sealed partial class CsrfAndXssTests(AppFixture app) : IClassFixture<AppFixture>
{
    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    // A value the route's constraint accepts, so that the request reaches MVC's filters instead of a 404.
    private static string ValueFor(Match parameter) =>
        parameter.Value.Contains(":guid") ? "3f2504e0-4f89-11d3-9a0c-0305e82c3301" : "1";

    [Fact]
    public async Task Every_post_without_the_antiforgery_token_is_refused_before_its_action_runs()
    {
        var posts = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Where(e => e.Metadata.GetMetadata<IgnoreAntiforgeryTokenAttribute>() is null) // the error page only
            .Select(e => "/" + RouteParameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), ValueFor))
            .Distinct().ToList();
        Assert.True(posts.Count > 30, $"only {posts.Count} POST endpoints found");

        var admin = await app.ClientAsync("admin@alaroma.local");
        var unprotected = new List<string>();
        foreach (var url in posts)
        {
            using var resp = await admin.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x" }));
            if (resp.StatusCode != HttpStatusCode.BadRequest) unprotected.Add($"{url}: {(int)resp.StatusCode}");
        }
        Assert.Empty(unprotected);
    }

    [Fact]
    public async Task A_product_name_and_brand_with_markup_are_shown_as_text_in_the_catalog()
    {
        const string name = "<script>alert('xss')</script> Аромат \"<img src=x onerror=alert(1)>\"";
        await using (var db = app.Db())
        {
            var now = DateTime.UtcNow;
            var p = new Product { Sku = "XSS-1", Name = name, Brand = "<b>Brand</b>", Category = "Тест", CreatedAtUtc = now, UpdatedAtUtc = now };
            p.SetPrice(1000m, now, "test");
            db.Products.Add(p);
            await db.SaveChangesAsync();
        }
        var admin = await app.ClientAsync("admin@alaroma.local");

        var html = await admin.GetStringAsync("/catalog?q=XSS-1");

        Assert.Contains("&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<b>Brand</b>", html);
    }
}
