using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace AlAroma.Tests.Account;

/// <summary>
/// Two-factor sign-in over HTTP as a browser and an authenticator app use it: the setup shows a key, the app's code
/// (computed here from that key by RFC 6238, as the app does) turns it on, from then on the password alone does not
/// sign in; recovery codes work once; a manager without it is held at the setup while it is required for managers.
/// The app runs with "Security:TwoFactor:RequiredForRoles" = Admin,Manager (its production default).
/// </summary>
public sealed class TwoFactorTests(AppFixture app) : IClassFixture<AppFixture>, IDisposable
{
    private static int userCounter;
    private readonly WebApplicationFactory<Program> host = app.Factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Security:TwoFactor:RequiredForRoles", "Admin,Manager");
        b.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerAddress>());
    });

    public void Dispose() => host.Dispose();

    private async Task<string> NewUserAsync(string role)
    {
        var email = $"twofactor{Interlocked.Increment(ref userCounter)}@alaroma.local";
        await using var db = app.Db();
        var s1 = await db.Locations.Where(l => l.Code == "S1").Select(l => l.Id).SingleAsync();
        using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<Seeder>().CreateUserAsync(email, "Двухфакторова Дарья", Seeder.DemoPassword, role,
            role is Roles.Manager or Roles.Admin ? [] : [s1]);
        return email;
    }

    private HttpClient NewClient()
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.UserAgent.ParseAdd("TwoFactorTests/1.0");
        return client;
    }

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    /// <summary>Posts e-mail and password on the login form of <paramref name="client"/>.</summary>
    private static async Task<HttpResponseMessage> PasswordAsync(HttpClient client, string email, string password = Seeder.DemoPassword)
    {
        var token = await AppFixture.FormTokenAsync(client, "/account/login");
        return await client.PostAsync("/account/login", Form(token, ("Email", email), ("Password", password)));
    }

    /// <summary>Posts <paramref name="code"/> on the second step (the code form).</summary>
    private static async Task<HttpResponseMessage> CodeAsync(HttpClient client, string code)
    {
        var token = await AppFixture.FormTokenAsync(client, "/account/login/code");
        return await client.PostAsync("/account/login/code", Form(token, ("Code", code)));
    }

    /// <summary>The code an authenticator app shows now for the key as the setup page shows it ("abcd efgh …").</summary>
    private static string AppCode(string shownKey) => new Totp(Base32Encoding.ToBytes(shownKey.Replace(" ", "").ToUpperInvariant())).ComputeTotp();

    private static async Task<string> KeyOnSetupAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/account/two-factor");
        var m = Regex.Match(html, "id=\"two-factor-key\">([^<]+)<");
        Assert.True(m.Success, "the setup page shows no key");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> EnableAsync(HttpClient client, string code)
    {
        var token = await AppFixture.FormTokenAsync(client, "/account/two-factor");
        return await client.PostAsync("/account/two-factor/enable", Form(token, ("code", code)));
    }

    /// <summary>Signs <paramref name="email"/> in with the password, turns two-factor sign-in on; the key and the recovery codes.</summary>
    private async Task<(string Key, List<string> RecoveryCodes)> SetUpAsync(string email)
    {
        var client = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordAsync(client, email)).StatusCode);
        var key = await KeyOnSetupAsync(client);
        var done = await EnableAsync(client, AppCode(key));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var codes = Regex.Matches(await done.Content.ReadAsStringAsync(), "<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>").Select(m => m.Groups[1].Value).ToList();
        return (key, codes);
    }

    private static async Task<bool> SignedInAsync(HttpClient client) =>
        (await client.GetAsync("/account/profile")).StatusCode == HttpStatusCode.OK;

    private static async Task<string> PageErrorAsync(HttpResponseMessage page) => await LoginForm.ErrorAsync(page);

    [Fact]
    public async Task Once_set_up_the_password_alone_no_longer_signs_in_and_the_right_code_does()
    {
        var email = await NewUserAsync(Roles.Cashier);
        var client = NewClient();
        await PasswordAsync(client, email);
        var key = await KeyOnSetupAsync(client);
        var wrong = AppCode(key) == "000000" ? "111111" : "000000";
        var refused = await EnableAsync(client, wrong);
        Assert.Contains("Код не подошёл", await refused.Content.ReadAsStringAsync());
        Assert.Equal(key, await KeyOnSetupAsync(client)); // still off, same key

        var (_, codes) = await SetUpAsync(email);
        Assert.Equal(10, codes.Distinct().Count());

        var next = NewClient();
        var afterPassword = await PasswordAsync(next, email);
        Assert.Equal(HttpStatusCode.Redirect, afterPassword.StatusCode);
        Assert.StartsWith("/account/login/code", afterPassword.Headers.Location!.ToString());
        Assert.False(await SignedInAsync(next)); // the password alone is not a session

        var wrongCode = await CodeAsync(next, wrong);
        Assert.Equal(HttpStatusCode.OK, wrongCode.StatusCode);
        Assert.Equal(AccountController.WrongCode, await PageErrorAsync(wrongCode));
        Assert.False(await SignedInAsync(next));

        var right = await CodeAsync(next, AppCode(key));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.Headers.Location!.ToString());
        Assert.True(await SignedInAsync(next));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var email = await NewUserAsync(Roles.Seller);
        var (_, codes) = await SetUpAsync(email);

        var first = NewClient();
        await PasswordAsync(first, email);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(first, codes[3].ToLowerInvariant())).StatusCode); // typed in lower case is fine
        Assert.True(await SignedInAsync(first));

        var again = NewClient();
        await PasswordAsync(again, email);
        var reused = await CodeAsync(again, codes[3]);
        Assert.Equal(AccountController.WrongCode, await PageErrorAsync(reused));
        Assert.False(await SignedInAsync(again));
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(again, codes[4])).StatusCode); // another one still works
    }

    [Fact]
    public async Task A_manager_without_two_factor_is_held_at_the_setup_until_it_is_on()
    {
        var email = await NewUserAsync(Roles.Manager);
        var client = NewClient();
        await PasswordAsync(client, email);

        var page = await client.GetAsync("/reports");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/two-factor?required=true", page.Headers.Location!.ToString());
        using (var htmx = new HttpRequestMessage(HttpMethod.Get, "/customers"))
        {
            htmx.Headers.Add("HX-Request", "true");
            var resp = await client.SendAsync(htmx);
            Assert.Equal("/account/two-factor?required=true", resp.Headers.GetValues("HX-Redirect").Single());
        }
        var setup = await client.GetAsync("/account/two-factor?required=true");
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Contains("two-factor-required", await setup.Content.ReadAsStringAsync());

        var key = await KeyOnSetupAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await EnableAsync(client, AppCode(key))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/reports")).StatusCode); // the same session, now with two factors
    }

    [Fact]
    public async Task An_admin_resets_the_two_factor_of_a_seller_who_lost_the_phone_and_their_session_ends()
    {
        var email = await NewUserAsync(Roles.Seller);
        var (key, _) = await SetUpAsync(email);
        var session = NewClient();
        await PasswordAsync(session, email);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(session, AppCode(key))).StatusCode);
        Assert.True(await SignedInAsync(session));
        string id;
        await using (var db = app.Db()) id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();

        var admin = await app.ClientAsync("admin@alaroma.local");
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/users"));
        Assert.Contains($"action=\"/admin/users/{id}/two-factor/reset\"", list);
        var token = await AppFixture.FormTokenAsync(admin, "/admin/users");
        var reset = await admin.PostAsync($"/admin/users/{id}/two-factor/reset", Form(token));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.DoesNotContain($"/admin/users/{id}/two-factor/reset", await admin.GetStringAsync("/admin/users")); // nothing left to reset

        Assert.False(await SignedInAsync(session)); // the open session ended
        var again = NewClient();
        var password = await PasswordAsync(again, email);
        Assert.Equal("/", password.Headers.Location!.ToString()); // the password alone signs in again: no code step
        Assert.True(await SignedInAsync(again));
        Assert.NotEqual(key, await KeyOnSetupAsync(again)); // the lost phone's key is gone: a new set-up shows another one
    }

    [Fact]
    public async Task A_cashier_may_sign_in_without_two_factor_when_it_is_required_for_managers()
    {
        var email = await NewUserAsync(Roles.Cashier);
        var client = NewClient();
        await PasswordAsync(client, email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pos?choose=1")).StatusCode);
    }

    [Fact]
    public async Task Sign_ins_refusals_lockouts_and_sign_outs_are_audited_with_ip_and_user_agent()
    {
        var email = await NewUserAsync(Roles.Seller);
        var (key, _) = await SetUpAsync(email);
        var client = NewClient();
        await PasswordAsync(client, email, "wrong password 1");
        await PasswordAsync(client, "nobody-here@alaroma.local", "wrong password 2");
        await PasswordAsync(client, email);
        await CodeAsync(client, "000000" == AppCode(key) ? "111111" : "000000");
        await CodeAsync(client, AppCode(key));
        var token = await AppFixture.FormTokenAsync(client, "/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/account/logout", Form(token))).StatusCode);

        // Five wrong codes in a row lock the account (Identity's lockout: 5 failures, 15 minutes).
        var locking = NewClient();
        await PasswordAsync(locking, email);
        for (var i = 0; i < 5; i++) await CodeAsync(locking, "000000" == AppCode(key) ? "111111" : "000000");

        await using var db = app.Db();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var rows = await db.AuditEntries.Where(a => a.Key == id && a.Entity == "AppUser" || a.UserName == "nobody-here@alaroma.local")
            .Where(a => a.Action.StartsWith("Sign") || a.Action == "Lockout").OrderBy(a => a.Id).ToListAsync();
        string Row(Web.Infrastructure.Auditing.AuditEntry a) => $"{a.Action} {a.NewValues}"; // jsonb writes ": " between key and value
        string[] wrongCode = ["SignInFailed {\"Reason\": \"WrongCode\"}"];
        Assert.Equal([
            "SignIn {\"Method\": \"Password\"}", // the setup's own sign-in
            "SignInFailed {\"Reason\": \"WrongPassword\"}",
            "SignInFailed {\"Reason\": \"UnknownEmail\"}",
            .. wrongCode,
            "SignIn {\"Method\": \"AuthenticatorCode\"}",
            "SignOut {}",
            .. wrongCode, .. wrongCode, .. wrongCode, .. wrongCode, .. wrongCode, // the right code reset the count: the 5th locks
            "Lockout {\"Reason\": \"WrongCode\"}",
        ], rows.Select(Row));
        Assert.All(rows, a =>
        {
            Assert.Equal(PeerAddress.Ip, a.Ip);
            Assert.Equal("TwoFactorTests/1.0", a.UserAgent);
        });
        Assert.All(rows.Where(a => a.Key == id), a => Assert.Equal(email, a.UserName));
    }

    /// <summary>Gives requests the client address Kestrel would see (TestServer leaves it empty).</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public const string Ip = "192.0.2.44";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => a =>
        {
            a.Use((ctx, nextMw) =>
            {
                ctx.Connection.RemoteIpAddress = IPAddress.Parse(Ip);
                return nextMw(ctx);
            });
            next(a);
        };
    }
}
