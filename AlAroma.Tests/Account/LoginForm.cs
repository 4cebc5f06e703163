using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlAroma.Tests.Account;

/// <summary>The login page as a browser uses it: one client with its cookies and the form's antiforgery token, then posts.</summary>
internal sealed class LoginForm
{
    private readonly string token;

    private LoginForm(HttpClient client, string token)
    {
        Client = client;
        this.token = token;
    }

    /// <summary>The client (cookies kept, redirects not followed).</summary>
    public HttpClient Client { get; }

    /// <summary>Opens /account/login on a fresh client of <paramref name="factory"/>.</summary>
    public static async Task<LoginForm> OpenAsync(WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        return new LoginForm(client, await AppFixture.FormTokenAsync(client, "/account/login"));
    }

    /// <summary>Posts e-mail and password.</summary>
    public Task<HttpResponseMessage> PostAsync(string email, string password) =>
        Client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));

    /// <summary>"name=value" of the sign-in cookie the response set, to replay it from another client.</summary>
    public static string AuthCookie(HttpResponseMessage signedIn) =>
        signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("alaroma.auth="));

    /// <summary>The form-level error the page shows ("" when none).</summary>
    public static async Task<string> ErrorAsync(HttpResponseMessage page)
    {
        var m = Regex.Match(await page.Content.ReadAsStringAsync(), "validation-summary-errors[^>]*>\\s*<ul>\\s*<li>(.*?)</li>", RegexOptions.Singleline);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";
    }
}
