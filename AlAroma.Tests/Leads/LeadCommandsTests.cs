using System.Text;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Tests.Leads;

/// <summary>The CLI of the call centre as an operator's script uses it: create-project, import-leads with --dedup, export-leads.</summary>
public class LeadCommandsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<(int Code, string Out, string Err)> RunAsync(Func<IServiceProvider, string[], TextWriter, TextWriter, Task<int>> command, params string[] args)
    {
        using var s = app.Scope();
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await command(s.ServiceProvider, args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task A_script_creates_a_project_loads_a_base_and_exports_it()
    {
        var created = await RunAsync(LeadCommands.CreateAsync, "Скрипт");
        Assert.Equal(0, created.Code);
        Assert.Equal(1, (await RunAsync(LeadCommands.CreateAsync, "Скрипт")).Code); // the name is taken

        var file = Path.Combine(app.LeadsFolder, "cli-base.csv");
        Directory.CreateDirectory(app.LeadsFolder);
        await File.WriteAllTextAsync(file, "phone,name\n89161110001,A\n+7 916 111-00-02,B\n89161110001,A again\n+7 701 111 00 03,KZ\n", Encoding.UTF8);
        var loaded = await RunAsync(LeadCommands.ImportAsync, file, "--project", "Скрипт", "--dedup", "file,project,dnc");
        Assert.True(loaded.Code == 0, loaded.Err);
        Assert.Contains("Rows read: 4", loaded.Out);
        Assert.Contains("Imported: 2", loaded.Out);
        Assert.Contains("in file 1", loaded.Out);
        Assert.Contains("Rejected as invalid: 1 (Kazakhstan: 1)", loaded.Out);
        Assert.Contains("Elapsed:", loaded.Out);

        var export = Path.Combine(app.LeadsFolder, "cli-export.csv");
        var exported = await RunAsync(LeadCommands.ExportAsync, "--project", "Скрипт", export);
        Assert.Equal(0, exported.Code);
        var lines = await File.ReadAllLinesAsync(export, Encoding.UTF8);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Телефон;Проект;Поставщик;Регион", lines[0].TrimStart('\uFEFF'));
        Assert.StartsWith("79161110001;Скрипт;", lines[1]);
        Assert.StartsWith("79161110002;Скрипт;", lines[2]);

        var purged = await RunAsync(LeadCommands.PurgeAsync, "Скрипт");
        Assert.True(purged.Code == 0, purged.Err);
        Assert.Contains("removed", purged.Out);
        await using var db = app.Db();
        Assert.False(await db.LeadProjects.AnyAsync(p => p.Name == "Скрипт"));
        Assert.False(await db.Leads.AnyAsync(l => l.Phone == 79161110001));
        Assert.Equal(1, (await RunAsync(LeadCommands.PurgeAsync, "Скрипт")).Code); // gone: nothing to purge
    }

    [Fact]
    public async Task Mistakes_give_a_non_zero_exit_code_and_say_why()
    {
        Assert.Equal(2, (await RunAsync(LeadCommands.ImportAsync, "x.csv")).Code); // no --project
        var missing = await RunAsync(LeadCommands.ImportAsync, "/nonexistent.csv", "--project", "Нет");
        Assert.Equal(1, missing.Code);
        Assert.Contains("file not found", missing.Err);
        var file = Path.Combine(app.LeadsFolder, "cli-bad.csv");
        Directory.CreateDirectory(app.LeadsFolder);
        await File.WriteAllTextAsync(file, "phone\n89161110001\n");
        var noProject = await RunAsync(LeadCommands.ImportAsync, file, "--project", "Нет такого");
        Assert.Equal(1, noProject.Code);
        Assert.Contains("no project named", noProject.Err);
        Assert.Equal(2, (await RunAsync(LeadCommands.ImportAsync, file, "--project", "Нет такого", "--dedup", "everything")).Code);
        await using var db = app.Db();
        Assert.Equal(0, await db.LeadImports.CountAsync(i => i.Status == Web.Features.Leads.Import.LeadImportStatus.Running));
    }
}

/// <summary>«Номера» over HTTP: the filtered list and its CSV export as a manager downloads them.</summary>
public class LeadNumbersHttpTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_list_filters_and_the_export_streams_the_same_numbers()
    {
        var project = await LeadSteps.ProjectAsync(app, "Список");
        await LeadSteps.LoadAsync(app, project, "l.csv", LeadSteps.Csv("+79170000001", "+79170000002", "+79170000003"));
        await using (var db = app.Db())
            await db.Leads.Where(l => l.Phone == 79170000002).ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, Web.Features.Leads.Numbers.LeadStatus.Success));
        var http = await app.ClientAsync("manager@alaroma.local");
        var page = await http.GetStringAsync($"/leads/numbers?Project={project}&Status=Success");
        Assert.Contains("Найдено: 1", page);
        Assert.Contains("917 000-00-02", page);
        Assert.DoesNotContain("917 000-00-01", page);
        var csv = await http.GetAsync($"/leads/numbers/export.csv?Project={project}");
        Assert.Equal(System.Net.HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("79170000002;Список;") && l.Contains(";Успех;"));
    }
}
