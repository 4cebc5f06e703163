using System.Net;
using AlAroma.Tests.Infrastructure;

// Not "AlAroma.Tests.Web": that namespace would hide AlAroma.Web from the other tests ("Web.Data.Seeder").
namespace AlAroma.Tests.WebRequests;

/// <summary>
/// A refused request gets the status it deserves and a Russian page that says what to do (the 413 of a too-large
/// upload needs Kestrel's limits: AlAroma.E2E UploadLimitTests).
/// </summary>
public sealed class ErrorPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_400_even_with_a_field_named_code()
    {
        var client = await app.ClientAsync("manager@alaroma.local");
        using var resp = await client.PostAsync("/warehouse/suppliers/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Без токена", ["code"] = "404",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, resp.StatusCode);
        var html = await resp.Content.ReadAsStringAsync();
        Assert.Contains("Страница устарела", html);
        Assert.Contains("Обновите страницу и повторите", html);
    }

    [Fact]
    public async Task An_unknown_address_is_still_404_for_a_signed_in_user()
    {
        var client = await app.ClientAsync("manager@alaroma.local");
        using var resp = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, resp.StatusCode);
        Assert.Contains("Страница не найдена", await resp.Content.ReadAsStringAsync());
    }
}
