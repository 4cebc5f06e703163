using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Account;

/// <summary>
/// The login page against guessing: attempts are limited per address and per e-mail (429 with Retry-After and a
/// Russian message on the form), and an unknown e-mail, a wrong password and a locked account cannot be told apart,
/// neither by the text nor by the time the answer takes (each costs one password hash).
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
    public async Task Password_reset_requests_share_the_address_limit_and_get_429_with_Retry_After()
    {
        await using var limited = WithLimits(perIp: 2, perAccount: 100);
        using var client = limited.CreateClient();
        async Task<HttpResponseMessage> AskAsync()
        {
            var token = await AppFixture.FormTokenAsync(client, "/account/forgot-password");
            return await client.PostAsync("/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "nobody@alaroma.local", ["__RequestVerificationToken"] = token,
            }));
        }
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await AskAsync()).StatusCode);
        var refused = await AskAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Contains("Слишком много запросов", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
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
    public async Task Unknown_e_mail_wrong_password_and_locked_account_get_the_same_text_and_cost_one_password_hash_each()
    {
        const string email = "timing@alaroma.local";
        await CreateUserAsync(email);
        var hashes = new CountingHasher();
        await using var roomy = WithLimits(perIp: 1000, perAccount: 1000).WithWebHostBuilder(b =>
            b.ConfigureServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(hashes)));
        var form = await LoginForm.OpenAsync(roomy);
        var texts = new HashSet<string>();

        // The time of an answer is the time of its password hash (PBKDF2, ~100 ms; the rest is a few ms): one hash
        // for every refusal is what makes an unknown e-mail as slow as a real one. Counting them is exact where a
        // stopwatch on a busy machine is not.
        var perRefusal = new List<int>();
        for (var i = 0; i < 4; i++) // 4 failures: the account is not locked yet
        {
            perRefusal.Add(await HashesOfAsync(form, hashes, email, $"wrong-password-{i}", texts));
            perRefusal.Add(await HashesOfAsync(form, hashes, $"nobody-{i}@alaroma.local", $"wrong-password-{i}", texts));
        }
        perRefusal.Add(await HashesOfAsync(form, hashes, email, "wrong-password-5", texts)); // the 5th failure locks the account
        perRefusal.Add(await HashesOfAsync(form, hashes, email, Seeder.DemoPassword, texts)); // locked: the right password is refused too

        Assert.Equal([AccountController.Refused], texts);
        Assert.All(perRefusal, n => Assert.Equal(1, n));
    }

    private static async Task<int> HashesOfAsync(LoginForm form, CountingHasher hashes, string email, string password, HashSet<string> texts)
    {
        var before = hashes.Verifications;
        var resp = await form.PostAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        texts.Add(await LoginForm.ErrorAsync(resp));
        return hashes.Verifications - before;
    }

    /// <summary>Identity's own hasher, counting the password verifications it performs.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> inner = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
