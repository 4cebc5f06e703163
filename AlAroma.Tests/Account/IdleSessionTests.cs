using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Account;

/// <summary>
/// A session ends after "Security:Session:IdleMinutes" without requests, and one in use goes on (sliding cookie
/// lifetime): the app's clock is moved instead of waiting.
/// </summary>
public sealed class IdleSessionTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_session_in_use_goes_on_and_an_idle_one_ends_after_the_configured_minutes()
    {
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        await using var host = app.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Security:Session:IdleMinutes", "30");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        });
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await AppFixture.FormTokenAsync(client, "/account/login");
        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "seller@alaroma.local", ["Password"] = Seeder.DemoPassword, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // Used every 20 minutes for an hour: each request past half the lifetime renews it.
        for (var i = 0; i < 3; i++)
        {
            clock.Now += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/profile")).StatusCode);
        }

        clock.Now += TimeSpan.FromMinutes(31);
        var idle = await client.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.Contains("/account/login", idle.Headers.Location!.ToString());
    }
}
