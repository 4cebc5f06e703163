using System.Net;
using AlAroma.Tests.Infrastructure;

namespace AlAroma.Tests.WebRequests;

/// <summary>
/// A refused action sends the person back to the page they came from, which the browser names in <c>Referer</c>;
/// the header is the sender's to choose, so only a page of this site may be the way back.
/// </summary>
public sealed class OpenRedirectTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("https://evil.example/phish", "/")]
    [InlineData("http://evil.example/catalog/import", "/")]
    [InlineData("http://localhost.evil.example/catalog", "/")]
    [InlineData("http://localhost//evil.example/x", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("http://localhost/catalog/import?tab=recent", "/catalog/import?tab=recent")]
    [InlineData("", "/")]
    public async Task A_business_rule_refusal_redirects_back_only_within_the_site(string referer, string expected)
    {
        var client = await app.ClientAsync("manager@alaroma.local");
        var token = await AppFixture.FormTokenAsync(client, "/catalog/import");
        using var req = new HttpRequestMessage(HttpMethod.Post, "/catalog/import")
        {
            // No file: the upload refuses with "Выберите файл каталога".
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        if (referer != "") req.Headers.TryAddWithoutValidation("Referer", referer);

        using var resp = await client.SendAsync(req);

        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        Assert.Equal(expected, resp.Headers.Location?.OriginalString);
    }
}
