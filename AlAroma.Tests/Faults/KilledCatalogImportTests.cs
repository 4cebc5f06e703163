using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AlAroma.Tests.Cli;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Faults;

/// <summary>
/// The web server killed (SIGKILL) while a manager's catalog import of 20 000 products is being written: the catalog
/// has not one of them, the import is still waiting to be run, and run again it creates all of them once.
/// </summary>
public sealed class KilledCatalogImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const int Rows = 20_000;

    [Fact]
    public async Task A_server_killed_mid_import_leaves_the_catalog_as_it_was_and_the_import_runs_again_whole()
    {
        var csv = new StringBuilder("Артикул;Название;Бренд;Цена\n");
        for (var i = 0; i < Rows; i++) csv.Append("KILL-").Append(i.ToString("D6")).Append(";Тестовый аромат ").Append(i).Append(";Убитый импорт;").Append(1000 + i % 500).Append('\n');
        var id = await Catalog.ImportSteps.MapAsync(app, "kill.csv", Encoding.UTF8.GetBytes(csv.ToString()));
        await using var db = app.Db();
        var before = await db.Products.CountAsync();

        // The manager runs it on a web server of its own (the same database), which is killed while it writes.
        var url = $"http://127.0.0.1:{AppProcess.FreePort()}";
        int writtenWhenKilled;
        using (var web = AppProcess.Start(["--urls", url], new Dictionary<string, string>
               {
                   ["ConnectionStrings__Default"] = app.ConnectionString, ["Security__TwoFactor__RequiredForRoles"] = "", ["Jobs__Enabled"] = "false",
                   ["Bots__Telegram__Mode"] = "Off", ["Notifications__Outbox__DispatcherEnabled"] = "false",
               }))
        {
            await web.WaitReadyAsync(url);
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
            var login = await AppFixture.FormTokenAsync(http, "/account/login");
            Assert.Equal(HttpStatusCode.Redirect, (await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "manager@alaroma.local", ["Password"] = Seeder.DemoPassword, ["__RequestVerificationToken"] = login,
            }))).StatusCode);
            var token = await AppFixture.FormTokenAsync(http, $"/catalog/import/{id}/preview");
            var run = http.PostAsync($"/catalog/import/{id}/run", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            var until = DateTime.UtcNow.AddMinutes(3);
            while (true)
            {
                var line = await http.GetStringAsync($"/catalog/import/{id}/progress");
                var m = Regex.Match(WebUtility.HtmlDecode(line), @"Записано\s*([\d\s\u00A0\u202F]+?)\s*из");
                writtenWhenKilled = m.Success ? int.Parse(Regex.Replace(m.Groups[1].Value, @"\D", "")) : 0;
                if (writtenWhenKilled >= 2000 && writtenWhenKilled < Rows) break;
                Assert.False(run.IsCompleted, "the import finished before it could be killed:\n" + web.Output);
                Assert.True(DateTime.UtcNow < until, "the import did not get going:\n" + web.Output);
                await Task.Delay(50);
            }
            web.Kill();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => run); // the manager's browser sees the connection drop
        }

        Assert.Equal(before, await db.Products.CountAsync());
        Assert.False(await db.Products.AnyAsync(p => p.Sku.StartsWith("KILL-")));
        Assert.Equal(CatalogImportStatus.Mapped, await db.CatalogImports.Where(i => i.Id == id).Select(i => i.Status).SingleAsync());

        using (var s = app.Scope())
        {
            var again = await s.ServiceProvider.GetRequiredService<RunCatalogImport>().HandleAsync(id, default);
            Console.WriteLine($"[faults] catalog import killed after {writtenWhenKilled:N0} of {Rows:N0} products written: 0 kept; run again: {again.Created:N0} created");
            Assert.Equal(Rows, again.Created);
        }
        Assert.Equal(Rows, await db.Products.CountAsync(p => p.Sku.StartsWith("KILL-")));
    }
}
