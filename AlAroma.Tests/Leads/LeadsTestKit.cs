using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Leads.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Leads;

/// <summary>Shared arrangements of the call-centre tests: the demo users, form posts with antiforgery, projects and bulk leads.</summary>
internal static class LeadsTestKit
{
    public const string AdminEmail = "admin@alaroma.local";
    public const string ManagerEmail = "manager@alaroma.local";
    public const string OperatorEmail = "operator@alaroma.local";

    /// <summary>Posts <paramref name="fields"/> (repeated keys allowed) to <paramref name="url"/> with the antiforgery token of <paramref name="tokenPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string tokenPage, string url, params (string Key, string Value)[] fields)
    {
        var token = await AppFixture.FormTokenAsync(client, tokenPage);
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(pairs));
    }

    /// <summary>The page's HTML with entities decoded (Razor encodes Cyrillic and quotes).</summary>
    public static async Task<string> HtmlAsync(this HttpResponseMessage resp) => WebUtility.HtmlDecode(await resp.Content.ReadAsStringAsync());

    /// <summary>
    /// The page at <paramref name="url"/>, decoded, without the toast a redirect carried over (it names what was just
    /// changed, so a "not in the list" check would find the name there).
    /// </summary>
    public static async Task<string> PageAsync(this HttpClient client, string url) =>
        WebUtility.HtmlDecode(Regex.Replace(await client.GetStringAsync(url), "data-(success|error)=\"[^\"]*\"", ""));

    /// <summary>The Identity id of the demo user <paramref name="email"/>.</summary>
    public static async Task<string> UserIdAsync(this AppFixture app, string email)
    {
        using var scope = app.Scope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        return user?.Id ?? throw new InvalidOperationException($"No user {email}");
    }

    /// <summary>A live project with the defaults of the form, through the use case.</summary>
    public static async Task<int> NewProjectAsync(this AppFixture app, string name)
    {
        using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<SaveLeadProject>().HandleAsync(new SaveLeadProject.Input { Name = name, Days = [0, 1, 2, 3, 4] }, default);
    }

    /// <summary>Inserts <paramref name="count"/> new leads of project <paramref name="projectId"/> with phones from <paramref name="firstPhone"/> on, in one statement.</summary>
    public static async Task InsertLeadsAsync(this AppFixture app, int projectId, long firstPhone, int count, int? supplierId = null, short status = 0)
    {
        await using var db = app.Db();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO leads (project_id, phone, supplier_id, time_zone_id, status, attempts, queue_at_utc, loaded_at_utc)
            SELECT {projectId}, {firstPhone} + g, {supplierId}, 'Europe/Moscow', {status}, 0, now(), now() FROM generate_series(0, {count - 1}) AS g
            """);
    }
}
