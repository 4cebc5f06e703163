using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Admin.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Account;

/// <summary>
/// A session ends for good: a copy of the sign-in cookie taken before logout, a lock, or a change of password, role
/// or locations is refused on its very next request (a page goes to the login, htmx gets 401).
/// </summary>
public sealed class SessionEndTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static int userCounter;

    /// <summary>A new cashier at S1 (so that one test's changes do not touch another's sessions).</summary>
    private async Task<(string Id, string Email)> NewCashierAsync()
    {
        var email = $"session{Interlocked.Increment(ref userCounter)}@alaroma.local";
        await using var db = app.Db();
        var s1 = await db.Locations.Where(l => l.Code == "S1").Select(l => l.Id).SingleAsync();
        using var scope = app.Scope();
        var user = await scope.ServiceProvider.GetRequiredService<Seeder>().CreateUserAsync(email, "Сессионова Светлана", Seeder.DemoPassword, Roles.Cashier, [s1]);
        return (user.Id, email);
    }

    /// <summary>Signs <paramref name="email"/> in and returns the signed-in form and a copy of its cookie.</summary>
    private async Task<(LoginForm Form, string Cookie)> SignInAsync(string email)
    {
        var form = await LoginForm.OpenAsync(app.Factory);
        var resp = await form.PostAsync(email, Seeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        return (form, LoginForm.AuthCookie(resp));
    }

    /// <summary>A request from another machine carrying only the copied cookie.</summary>
    private async Task<HttpResponseMessage> ReplayAsync(string cookie, string url = "/pos?choose=1", bool htmx = false)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var req = new HttpRequestMessage(HttpMethod.Get, url);
        req.Headers.Add("Cookie", cookie);
        if (htmx) req.Headers.Add("HX-Request", "true");
        return await client.SendAsync(req);
    }

    private static void AssertSignedOut(HttpResponseMessage resp) =>
        Assert.True(resp.StatusCode == HttpStatusCode.Redirect && resp.Headers.Location!.ToString().Contains("/account/login"),
            $"expected a redirect to the login, got {(int)resp.StatusCode} {resp.Headers.Location}");

    private Task SaveAsync(UserForm form) => app.AsAsync("admin@alaroma.local", async sp =>
    {
        var (id, errors) = await sp.GetRequiredService<SaveUser>().HandleAsync(form, default);
        Assert.True(id is not null, string.Join("; ", errors.Values));
    });

    private async Task<UserForm> FormOfAsync(string id, string email)
    {
        await using var db = app.Db();
        var locations = await db.UserLocations.Where(l => l.UserId == id).Select(l => l.LocationId).ToListAsync();
        return new UserForm { Id = id, Email = email, FullName = "Сессионова Светлана", Role = Roles.Cashier, LocationIds = locations };
    }

    [Fact]
    public async Task A_cookie_copied_before_logout_is_refused_after_it()
    {
        var (_, email) = await NewCashierAsync();
        var (form, cookie) = await SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(cookie)).StatusCode); // the copy works while signed in

        var token = await AppFixture.FormTokenAsync(form.Client, "/pos?choose=1");
        var logout = await form.Client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        AssertSignedOut(await ReplayAsync(cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReplayAsync(cookie, htmx: true)).StatusCode);
    }

    [Fact]
    public async Task A_user_locked_by_the_admin_is_out_on_the_next_request()
    {
        var (id, email) = await NewCashierAsync();
        var (_, cookie) = await SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(cookie)).StatusCode);

        var admin = await app.ClientAsync("admin@alaroma.local");
        var token = await AppFixture.FormTokenAsync(admin, "/admin/users");
        var locked = await admin.PostAsync($"/admin/users/{id}/lock", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["locked"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);

        AssertSignedOut(await ReplayAsync(cookie));
    }

    [Fact]
    public async Task A_new_password_role_or_location_ends_the_old_sessions_and_a_new_name_does_not()
    {
        var s2 = await LocationIdAsync("S2");
        var changes = new (string What, Action<UserForm> Change)[]
        {
            ("password", f => f.Password = "новый пароль кассира"),
            ("role", f => f.Role = Roles.Seller),
            ("locations", f => f.LocationIds = [.. f.LocationIds, s2]),
        };
        foreach (var (what, change) in changes)
        {
            var (id, email) = await NewCashierAsync();
            var (_, cookie) = await SignInAsync(email);
            var form = await FormOfAsync(id, email);
            change(form);
            await SaveAsync(form);
            var resp = await ReplayAsync(cookie);
            Assert.True(resp.StatusCode == HttpStatusCode.Redirect, $"{what}: the old session still works ({(int)resp.StatusCode})");
            AssertSignedOut(resp);
        }

        var (keptId, keptEmail) = await NewCashierAsync();
        var (_, keptCookie) = await SignInAsync(keptEmail);
        var renamed = await FormOfAsync(keptId, keptEmail);
        renamed.FullName = "Сессионова-Петрова Светлана";
        await SaveAsync(renamed);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(keptCookie)).StatusCode);
    }

    private async Task<int> LocationIdAsync(string code)
    {
        await using var db = app.Db();
        return await db.Locations.Where(l => l.Code == code).Select(l => l.Id).SingleAsync();
    }
}
