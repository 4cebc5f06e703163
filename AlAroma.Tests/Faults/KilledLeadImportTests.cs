using System.Text;
using AlAroma.Tests.Cli;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Leads;
using AlAroma.Web.Features.Leads.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Faults;

/// <summary>
/// The app's process killed (SIGKILL, no goodbye) in the middle of loading a base of 150 000 numbers with the CLI:
/// not one number of it is in the project, the load is marked interrupted once its heartbeat is stale, and «Запустить
/// снова» loads the whole file once — all or nothing, then all.
/// </summary>
public sealed class KilledLeadImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const int Rows = 150_000;

    [Fact]
    public async Task A_process_killed_mid_load_leaves_no_number_and_the_load_runs_again_whole()
    {
        using (var s = app.Scope())
            Assert.Equal(0, await LeadCommands.CreateAsync(s.ServiceProvider, ["Убитая загрузка"], TextWriter.Null, TextWriter.Null));
        Directory.CreateDirectory(app.LeadsFolder);
        var file = Path.Combine(app.LeadsFolder, "killed.csv");
        var csv = new StringBuilder("Телефон;Имя\n");
        for (var i = 0; i < Rows; i++) csv.Append("8 915 ").Append((1_000_000 + i).ToString("D7")).Append(";Клиент ").Append(i).Append('\n');
        await File.WriteAllTextAsync(file, csv.ToString(), Encoding.UTF8);

        await using var db = app.Db();
        var project = await db.LeadProjects.Where(p => p.Name == "Убитая загрузка").Select(p => p.Id).SingleAsync();
        long readWhenKilled;
        using (var cli = AppProcess.Start(["import-leads", file, "--project", "Убитая загрузка"],
                   new Dictionary<string, string> { ["ConnectionStrings__Default"] = app.ConnectionString, ["Leads__Folder"] = app.LeadsFolder }))
        {
            // Killed once the load has read a good part of the file (its heartbeat writes the count every second).
            var until = DateTime.UtcNow.AddMinutes(3);
            while (true)
            {
                readWhenKilled = await db.LeadImports.AsNoTracking().Where(i => i.ProjectId == project).Select(i => i.RowsRead).FirstOrDefaultAsync();
                if (readWhenKilled > 20_000) break;
                Assert.False(cli.HasExited, "the import finished before it could be killed:\n" + cli.Output);
                Assert.True(DateTime.UtcNow < until, "the import did not start:\n" + cli.Output);
                await Task.Delay(100);
            }
            cli.Kill();
        }
        await Task.Delay(500);
        Assert.Equal(0, await db.Leads.CountAsync(l => l.ProjectId == project));
        var import = await db.LeadImports.AsNoTracking().SingleAsync(i => i.ProjectId == project);
        Assert.Equal(LeadImportStatus.Running, import.Status); // as the dead process left it: nobody said goodbye

        using (var s = app.Scope())
        {
            var scoped = s.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
            Assert.Equal(1, await LeadImportWorker.MarkDeadAsync(scoped, default, staleAfter: TimeSpan.Zero));
        }
        Assert.Equal(LeadImportWorker.Interrupted, (await db.LeadImports.AsNoTracking().SingleAsync(i => i.Id == import.Id)).Error);
        await Leads.LeadSteps.QueueAsync(app, import.Id);
        Assert.True(await app.Factory.Services.GetRequiredService<LeadImportWorker>().RunNextAsync(default));
        var done = await db.LeadImports.AsNoTracking().SingleAsync(i => i.Id == import.Id);
        Console.WriteLine($"[faults] lead import killed after {readWhenKilled:N0} of {Rows:N0} rows: 0 numbers kept; run again: {done.Imported:N0} loaded");
        Assert.Equal(LeadImportStatus.Done, done.Status);
        Assert.Equal(Rows, await db.Leads.CountAsync(l => l.ProjectId == project));
    }
}
