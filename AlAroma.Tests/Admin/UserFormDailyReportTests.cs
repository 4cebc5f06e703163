using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Notifications.Templates;
using Microsoft.EntityFrameworkCore;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Admin;

/// <summary>The admin's user form: «Ежедневный отчёт на почту» kept for managers and admins only; no password needed on create.</summary>
public sealed class UserFormDailyReportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static Dictionary<string, string> Form(string email, string role, params int[] locations)
    {
        var f = new Dictionary<string, string> { ["Email"] = email, ["FullName"] = "Отчётова Ольга", ["Role"] = role, ["DailyReportByEmail"] = "true", ["Password"] = "" };
        for (var i = 0; i < locations.Length; i++) f[$"LocationIds[{i}]"] = locations[i].ToString();
        return f;
    }

    [Fact]
    public async Task A_manager_created_without_a_password_keeps_the_daily_report_tick_a_cashier_does_not_and_both_get_the_welcome_mail()
    {
        var admin = await app.ClientAsync("admin@alaroma.local");
        Assert.Contains("Ежедневный отчёт на почту", await admin.GetStringAsync("/admin/users/new"));
        var s1 = await LocationIdAsync(app, "S1");
        var manager = $"report-manager{Random.Shared.Next(100000, 999999)}@alaroma.local";
        var cashier = $"report-cashier{Random.Shared.Next(100000, 999999)}@alaroma.local";

        Assert.Equal(HttpStatusCode.Redirect, (await FormPostAsync(admin, "/admin/users/new", "/admin/users/save", Form(manager, Roles.Manager))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await FormPostAsync(admin, "/admin/users/new", "/admin/users/save", Form(cashier, Roles.Cashier, s1))).StatusCode);

        await using var db = app.Db();
        var m = await db.Users.SingleAsync(u => u.Email == manager);
        Assert.True(m.DailyReportByEmail);
        Assert.Null(m.PasswordHash); // set by the person from the welcome e-mail's link
        Assert.False((await db.Users.SingleAsync(u => u.Email == cashier)).DailyReportByEmail);
        Assert.Matches(new Regex("<input(?=[^>]*type=\"checkbox\")(?=[^>]*name=\"DailyReportByEmail\")(?=[^>]*checked=\"checked\")[^>]*>"), await admin.GetStringAsync($"/admin/users/{m.Id}"));
        Assert.Equal(2, await db.Notifications.CountAsync(n => (n.Recipient == manager || n.Recipient == cashier) && n.TemplateKey == nameof(StaffWelcomeEmail)));
    }
}
