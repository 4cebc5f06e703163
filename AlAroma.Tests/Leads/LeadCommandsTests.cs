using System.Text;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task Purge_project_waits_while_the_apps_own_purge_holds_the_project_and_then_finishes_it()
    {
        Assert.Equal(0, (await RunAsync(LeadCommands.CreateAsync, "Вместе с фоном")).Code);
        var file = Path.Combine(app.LeadsFolder, "cli-purge-together.csv");
        Directory.CreateDirectory(app.LeadsFolder);
        await File.WriteAllTextAsync(file, "phone\n89161120001\n89161120002\n", Encoding.UTF8);
        Assert.Equal(0, (await RunAsync(LeadCommands.ImportAsync, file, "--project", "Вместе с фоном")).Code);
        await using var db = app.Db();
        var id = await db.LeadProjects.Where(p => p.Name == "Вместе с фоном").Select(p => p.Id).SingleAsync();
        await db.LeadProjects.Where(p => p.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.DeletedAtUtc, DateTime.UtcNow).SetProperty(p => p.PurgeRequestedAtUtc, DateTime.UtcNow).SetProperty(p => p.PurgeTotal, 2));

        // The background purge of a running instance is in the middle of a batch: it holds the project's row.
        await using var worker = app.Db();
        await using var batch = await worker.Database.BeginTransactionAsync();
        await worker.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM lead_projects WHERE id = {id} FOR UPDATE");
        var purge = RunAsync(LeadCommands.PurgeAsync, "Вместе с фоном");
        await Task.Delay(1500);
        Assert.False(purge.IsCompleted); // waiting, not "stopped"
        await batch.CommitAsync();

        var purged = await purge;
        Assert.True(purged.Code == 0, purged.Err);
        Assert.False(await db.LeadProjects.AnyAsync(p => p.Id == id));
        Assert.False(await db.Leads.AnyAsync(l => l.ProjectId == id));
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

/// <summary>The XLSX export: a real workbook that opens, past the sheet limit continued on the next sheet.</summary>
public class LeadXlsxExportTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Rows_past_a_sheets_limit_continue_on_the_next_sheet_each_with_the_header()
    {
        var project = await LeadSteps.ProjectAsync(app, "Эксель");
        await LeadSteps.LoadAsync(app, project, "x.csv", LeadSteps.Csv("+79180000001", "+79180000002", "+79180000003", "+79180000004", "+79180000005"));
        await using (var db = app.Db())
            await db.Leads.Where(l => l.Phone == 79180000003).ExecuteUpdateAsync(u => u.SetProperty(l => l.Comment, "=HYPERLINK(\"http://evil\")"));
        using var ms = new MemoryStream();
        using (var s = app.Scope())
            Assert.Equal(5, await s.ServiceProvider.GetRequiredService<Web.Features.Leads.Numbers.ExportLeads>()
                .WriteXlsxAsync(new Web.Features.Leads.Numbers.ListLeads.Input { Project = project }, ms, default, rowsPerSheet: 2));
        ms.Position = 0;
        using var book = new ClosedXML.Excel.XLWorkbook(ms);
        Assert.Equal(["Номера", "Номера 2", "Номера 3"], book.Worksheets.Select(w => w.Name).ToArray());
        Assert.All(book.Worksheets, w => Assert.Equal("Телефон", w.Cell(1, 1).GetString()));
        Assert.Equal("79180000001", book.Worksheet(1).Cell(2, 1).GetString());
        Assert.Equal("79180000005", book.Worksheet(3).Cell(2, 1).GetString());
        var formula = book.Worksheet(2).Cell(2, 10);
        Assert.False(formula.HasFormula); // text stays text
        Assert.Equal("=HYPERLINK(\"http://evil\")", formula.GetString());

        var http = await app.ClientAsync("manager@alaroma.local");
        var resp = await http.GetAsync($"/leads/numbers/export.xlsx?Project={project}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", resp.Content.Headers.ContentType!.MediaType);
        using var web = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await resp.Content.ReadAsByteArrayAsync()));
        Assert.Equal(6, web.Worksheet(1).LastRowUsed()!.RowNumber());
    }
}
