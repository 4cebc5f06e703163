using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Notifications;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Account.PasswordReset;
using AlAroma.Web.Features.Admin.Users;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Notifications.Templates;
using AlAroma.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Account;

/// <summary>
/// «Забыли пароль?» and the staff welcome e-mail against a real SMTP server: the same answer for every address,
/// the link from the captured mail sets a password once, an expired link is refused, sign-in works with the new one.
/// </summary>
public sealed class PasswordResetTests(AppFixture app, SmtpCapture smtp) : IClassFixture<AppFixture>, IClassFixture<SmtpCapture>
{
    private const string NewPassword = "Novyi-parol-dlya-vhoda-2026";
    private static int counter;

    private WebApplicationFactory<Program> Host(params (string Key, string Value)[] settings) => OutboxKit.Host(app, smtp, settings);

    private static HttpClient Client(WebApplicationFactory<Program> host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A cashier at S1 with the demo password, of this test only (the demo users keep theirs).</summary>
    private async Task<AppUser> NewStaffAsync()
    {
        using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"reset{Interlocked.Increment(ref counter)}-{Random.Shared.Next(100000, 999999)}@alaroma.local";
        var user = new AppUser { UserName = email, Email = email, FullName = "Сбросова Светлана", LockoutEnabled = true, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Seeder.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Cashier)).Succeeded);
        return user;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AppFixture.FormTokenAsync(client, pageUrl);
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(fields));
    }

    private static Task<HttpResponseMessage> AskResetAsync(HttpClient client, string email) =>
        PostFormAsync(client, "/account/forgot-password", "/account/forgot-password", new() { ["Email"] = email });

    private static string? Query(string link, string name) => System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)[name];

    /// <summary>Posts the new password (twice) with the link's user id and token, as the link's form does.</summary>
    private static Task<HttpResponseMessage> SetPasswordAsync(HttpClient client, string link, string password) =>
        PostFormAsync(client, "/account/forgot-password", "/account/reset-password", new()
        {
            ["UserId"] = Query(link, "userId") ?? "", ["Token"] = Query(link, "token") ?? "", ["Password"] = password, ["ConfirmPassword"] = password,
        });

    private async Task<HttpStatusCode> SignInAsync(WebApplicationFactory<Program> host, string email, string password) =>
        (await (await LoginForm.OpenAsync(host)).PostAsync(email, password)).StatusCode;

    [Fact]
    public async Task Known_and_unknown_addresses_get_the_same_page_and_only_the_known_one_gets_the_mail()
    {
        var host = Host();
        var user = await NewStaffAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}@alaroma.local";

        var known = await AskResetAsync(Client(host), user.Email!);
        var stranger = await AskResetAsync(Client(host), unknown);

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
        var knownPage = await known.Content.ReadAsStringAsync();
        Assert.Contains("Если адрес зарегистрирован, мы отправили на него ссылку", knownPage);
        Assert.Equal(knownPage, await stranger.Content.ReadAsStringAsync());

        await CapturedMail.SendQueuedAsync(host, app);
        var mail = Assert.Single(CapturedMail.To(smtp, user.Email!));
        Assert.Equal(new PasswordResetEmail("", "").Subject, mail.Subject);
        Assert.NotNull(CapturedMail.Link(mail, PasswordResetLink.Path));
        Assert.Empty(CapturedMail.To(smtp, unknown));
        await using var db = app.Db();
        Assert.False(await db.Notifications.AnyAsync(n => n.Recipient == unknown));
    }

    [Fact]
    public async Task The_link_from_the_mail_sets_a_new_password_once_sign_in_works_with_it_and_the_audit_keeps_no_secret()
    {
        var host = Host();
        var user = await NewStaffAsync();
        await using (var db = app.Db()) await db.AuditEntries.Where(a => a.Key == user.Id).ExecuteDeleteAsync();
        await AskResetAsync(Client(host), user.Email!);
        await CapturedMail.SendQueuedAsync(host, app);
        var link = CapturedMail.Link(Assert.Single(CapturedMail.To(smtp, user.Email!)), PasswordResetLink.Path)!;

        var browser = Client(host);
        var done = await SetPasswordAsync(browser, link, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.StartsWith("/account/login?passwordChanged=true", done.Headers.Location!.OriginalString);
        Assert.Contains("Пароль изменён", await browser.GetStringAsync(done.Headers.Location));
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(host, user.Email!, NewPassword));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(host, user.Email!, Seeder.DemoPassword)); // the old one is refused (the form again)

        // A second use of the same link: the page refuses it, and so does a post.
        var again = Client(host);
        Assert.Contains(ResetPassword.LinkRefused, await again.GetStringAsync(link));
        var reused = await SetPasswordAsync(again, link, "Esche-odin-parol-2027");
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains(ResetPassword.LinkRefused, await reused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(host, user.Email!, NewPassword));

        await using var check = app.Db();
        var stored = await check.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        var audit = await check.AuditEntries.Where(a => a.Key == user.Id && a.Entity == nameof(AppUser)).ToListAsync();
        var text = string.Join("\n", audit.Select(a => $"{a.OldValues} {a.NewValues}"));
        Assert.Contains(audit, a => a.Action == "Update" && a.NewValues!.Contains($"\"PasswordHash\": \"{AuditPolicy.Hidden}\""));
        Assert.DoesNotContain(stored.PasswordHash!, text);
        Assert.DoesNotContain(stored.SecurityStamp!, text);
        Assert.DoesNotContain(PasswordResetLink.Decode(Query(link, "token"))!, text);
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_leaves_the_password_as_it_was()
    {
        var host = Host(("Security:PasswordReset:LinkLifetime", "00:00:01"));
        var user = await NewStaffAsync();
        string link;
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            link = new Uri(await scope.ServiceProvider.GetRequiredService<PasswordResetLink>().CreateAsync((await users.FindByIdAsync(user.Id))!)).PathAndQuery;
        }
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var browser = Client(host);
        Assert.Contains(ResetPassword.LinkRefused, await browser.GetStringAsync(link));
        var refused = await SetPasswordAsync(browser, link, NewPassword);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(ResetPassword.LinkRefused, await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(host, user.Email!, NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(host, user.Email!, Seeder.DemoPassword));
    }

    [Fact]
    public async Task A_blocked_account_gets_its_new_password_but_stays_blocked_as_the_reset_page_says()
    {
        var host = Host();
        var user = await NewStaffAsync();
        await using (var db = app.Db())
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue));
        await AskResetAsync(Client(host), user.Email!);
        await CapturedMail.SendQueuedAsync(host, app);
        var link = CapturedMail.Link(Assert.Single(CapturedMail.To(smtp, user.Email!)), PasswordResetLink.Path)!;

        var browser = Client(host);
        Assert.Contains("новый пароль блокировку не снимает", await browser.GetStringAsync(link));
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(browser, link, NewPassword)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, await SignInAsync(host, user.Email!, NewPassword)); // refused: still blocked
        await using var check = app.Db();
        var stored = await check.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        Assert.Equal(DateTimeOffset.MaxValue, stored.LockoutEnd);
        using var scope = app.Scope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().CheckPasswordAsync(stored, NewPassword));
    }

    private Task<(string? Id, Dictionary<string, string> Errors)> CreateAsync(string email, string? password) => app.AsAsync("admin@alaroma.local", async sp =>
    {
        await using var db = app.Db();
        var s1 = await db.Locations.Where(l => l.Code == "S1").Select(l => l.Id).SingleAsync();
        return await sp.GetRequiredService<SaveUser>().HandleAsync(new UserForm
        {
            Email = email, FullName = "Новикова Нина", Role = Roles.Seller, LocationIds = [s1], Password = password,
        }, default);
    });

    [Fact]
    public async Task A_new_user_without_a_password_gets_the_welcome_mail_whose_link_sets_it_and_one_with_a_password_gets_the_login_link()
    {
        var host = Host();
        var bare = $"welcome{Random.Shared.Next(100000, 999999)}@alaroma.local";
        var given = $"welcome-set{Random.Shared.Next(100000, 999999)}@alaroma.local";

        var (id, errors) = await CreateAsync(bare, null);
        Assert.Empty(errors);
        Assert.NotNull(id);
        Assert.Empty((await CreateAsync(given, "Zadannyi-adminom-parol-2026")).Errors);
        await CapturedMail.SendQueuedAsync(host, app);

        var welcome = Assert.Single(CapturedMail.To(smtp, bare));
        Assert.Equal("Al Aroma: вам открыт доступ", welcome.Subject);
        Assert.Contains("Новикова Нина", welcome.TextBody);
        var link = CapturedMail.Link(welcome, PasswordResetLink.Path);
        Assert.NotNull(link);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(host, bare, NewPassword)); // no password yet
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(Client(host), link!, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(host, bare, NewPassword));

        var withPassword = Assert.Single(CapturedMail.To(smtp, given));
        Assert.Null(CapturedMail.Link(withPassword, PasswordResetLink.Path));
        Assert.NotNull(CapturedMail.Link(withPassword, "/account/login"));
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(host, given, "Zadannyi-adminom-parol-2026"));
        await using var db = app.Db();
        var row = await db.Notifications.SingleAsync(n => n.Recipient == bare);
        Assert.Equal((nameof(StaffWelcomeEmail), "User", id), (row.TemplateKey, row.EntityType, row.EntityId));
    }
}
