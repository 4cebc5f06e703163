using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AlAroma.E2E.Infrastructure;

namespace AlAroma.E2E;

/// <summary>
/// Request size limits are Kestrel's (the in-memory test server has none), so the refusal of a too-large upload is
/// checked against the app as it runs for real.
/// </summary>
public sealed class UploadLimitTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task A_60_MB_catalog_upload_is_refused_with_413_and_a_Russian_page_that_names_the_limit()
    {
        // Signed in through the browser; the same cookies then drive a plain HTTP client.
        var page = await app.LoginAsync("manager@alaroma.local");
        var cookies = new CookieContainer();
        foreach (var c in await page.Context.CookiesAsync()) cookies.Add(new Cookie(c.Name, c.Value, c.Path, c.Domain));
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var html = await http.GetStringAsync("/catalog/import");
        var token = WebUtility.HtmlDecode(Regex.Match(html, "<meta name=\"antiforgery\" content=\"([^\"]+)\"").Groups[1].Value);
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[60 * 1024 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "catalog.csv" },
        };
        // Waiting for "100 Continue" lets the refusal arrive before 60 MB are pushed into a closing connection.
        using var req = new HttpRequestMessage(HttpMethod.Post, "/catalog/import") { Content = form };
        req.Headers.ExpectContinue = true;

        using var resp = await http.SendAsync(req);

        var body = await resp.Content.ReadAsStringAsync();
        Assert.True(resp.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)resp.StatusCode}: {body}");
        Assert.Contains("Файл слишком большой", body);
        Assert.Contains("не больше 20 МБ", body);
        Assert.DoesNotContain("Страница не найдена", body);
    }
}
