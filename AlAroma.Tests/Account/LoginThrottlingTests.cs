using System.Diagnostics;
using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Account;

/// <summary>
/// The login page against guessing: attempts are limited per address and per e-mail (429 with Retry-After and a
/// Russian message on the form), and an unknown e-mail, a wrong password and a locked account cannot be told apart,
/// neither by the text nor by the time the answer takes.
/// </summary>
public sealed class LoginThrottlingTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>The app on the same database with other sign-in limits (its own counters).</summary>
    private WebApplicationFactory<Program> WithLimits(int perIp, int perAccount) => app.Factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Security:SignIn:AttemptsPerIp", perIp.ToString());
        b.UseSetting("Security:SignIn:AttemptsPerAccount", perAccount.ToString());
    });

    private async Task CreateUserAsync(string email)
    {
        using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<Seeder>().CreateUserAsync(email, "Проверкин Пётр", Seeder.DemoPassword, Roles.Cashier, []);
    }

    [Fact]
    public async Task Too_many_posts_from_one_address_get_429_with_Retry_After_and_the_form_with_a_russian_message()
    {
        await using var limited = WithLimits(perIp: 3, perAccount: 100);
        var form = await LoginForm.OpenAsync(limited);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await form.PostAsync($"nobody{i}@alaroma.local", "wrong-password")).StatusCode);

        // Even the right password of a real account: the address has used up its attempts.
        var refused = await form.PostAsync("manager@alaroma.local", Seeder.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.StartsWith("Слишком много попыток входа. Подождите ", await LoginForm.ErrorAsync(refused));
        Assert.Contains("name=\"Password\"", await refused.Content.ReadAsStringAsync()); // the form is there to try again later
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("alaroma.auth=")), "signed in despite the limit");
    }

    [Fact]
    public async Task Too_many_attempts_on_one_e_mail_get_429_alike_for_a_real_and_an_unknown_account()
    {
        await using var limited = WithLimits(perIp: 100, perAccount: 3);
        var form = await LoginForm.OpenAsync(limited);
        foreach (var email in new[] { "seller@alaroma.local", "ghost@alaroma.local" })
        {
            var codes = new List<HttpStatusCode>();
            for (var i = 0; i < 4; i++) codes.Add((await form.PostAsync(email, "wrong-password")).StatusCode);
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        }
        // Case and spaces do not make a new e-mail; another e-mail is not affected.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await form.PostAsync(" SELLER@alaroma.local ", "wrong-password")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync("cashier@alaroma.local", Seeder.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Unknown_e_mail_wrong_password_and_locked_account_get_the_same_text_in_about_the_same_time()
    {
        const string email = "timing@alaroma.local";
        await CreateUserAsync(email);
        await using var roomy = WithLimits(perIp: 1000, perAccount: 1000);
        var form = await LoginForm.OpenAsync(roomy);
        await form.PostAsync("warm-up@alaroma.local", "wrong-password"); // first request compiles views

        var known = new List<double>();
        var unknown = new List<double>();
        var texts = new HashSet<string>();
        for (var i = 0; i < 4; i++) // 4 failures: the account is not locked yet
        {
            known.Add(await TimedAsync(form, email, $"wrong-password-{i}", texts));
            unknown.Add(await TimedAsync(form, $"nobody-{i}@alaroma.local", $"wrong-password-{i}", texts));
        }
        await TimedAsync(form, email, "wrong-password-5", texts); // the 5th failure locks the account
        var locked = await TimedAsync(form, email, Seeder.DemoPassword, texts); // locked: the right password is refused too

        Assert.Equal([AccountController.Refused], texts);
        var (k, u) = (Median(known), Median(unknown));
        // Before the fix an unknown e-mail answered ~20 times faster (no password hash). Now both hash once; the wide
        // bounds leave room for a busy machine.
        Assert.True(u > k / 3 && u < k * 3, $"known {k:F0} ms, unknown {u:F0} ms");
        Assert.True(locked > k / 3, $"known {k:F0} ms, locked {locked:F0} ms");
    }

    private static async Task<double> TimedAsync(LoginForm form, string email, string password, HashSet<string> texts)
    {
        var sw = Stopwatch.StartNew();
        var resp = await form.PostAsync(email, password);
        var ms = sw.Elapsed.TotalMilliseconds;
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        texts.Add(await LoginForm.ErrorAsync(resp));
        return ms;
    }

    private static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
}
