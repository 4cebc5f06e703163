using System.Text;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Leads.Import;
using AlAroma.Web.Features.Leads.Projects;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Leads;

/// <summary>Arranging the call centre in tests: projects, and base loads through the same handlers the screens and the worker use.</summary>
internal static class LeadSteps
{
    static LeadSteps() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A new active project, every day 00:00–23:59 unless a window is given.</summary>
    public static async Task<int> ProjectAsync(AppFixture app, string name, Action<LeadProject>? change = null)
    {
        await using var db = app.Db();
        var p = new LeadProject { Name = name, CreatedAtUtc = DateTime.UtcNow, CallingDays = 0b1111111, CallFrom = TimeOnly.MinValue, CallTo = new TimeOnly(23, 59, 59) };
        change?.Invoke(p);
        db.LeadProjects.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    }

    /// <summary>Uploads <paramref name="content"/> into the project; returns the import (mapping guessed from the header).</summary>
    public static async Task<Guid> UploadAsync(AppFixture app, int projectId, string fileName, byte[] content)
    {
        using var s = app.Scope();
        return await s.ServiceProvider.GetRequiredService<UploadLeadImport>().HandleAsync(projectId, fileName, new MemoryStream(content), default);
    }

    /// <summary>Uploads, queues with the guessed mapping (changed by <paramref name="change"/>) and runs the load as the worker does.</summary>
    public static async Task<LeadImport> LoadAsync(AppFixture app, int projectId, string fileName, byte[] content, Action<MapLeadImport.Input>? change = null)
    {
        var id = await UploadAsync(app, projectId, fileName, content);
        await QueueAsync(app, id, change);
        Assert.True(await app.Factory.Services.GetRequiredService<LeadImportWorker>().RunNextAsync(default));
        await using var db = app.Db();
        return await db.LeadImports.FindAsync(id) ?? throw new InvalidOperationException("import vanished");
    }

    /// <summary>Queues an uploaded import with its guessed mapping, changed by <paramref name="change"/>.</summary>
    public static async Task QueueAsync(AppFixture app, Guid id, Action<MapLeadImport.Input>? change = null)
    {
        using var s = app.Scope();
        var map = s.ServiceProvider.GetRequiredService<MapLeadImport>();
        var model = await map.GetAsync(id, null, null, default) ?? throw new InvalidOperationException("no import");
        var input = model.Form;
        change?.Invoke(input);
        Assert.Null(await map.QueueAsync(id, input, default));
    }

    /// <summary>A UTF-8 CSV with a "Телефон" column and the given phone cells.</summary>
    public static byte[] Csv(params string[] phones) => Encoding.UTF8.GetBytes("Телефон\n" + string.Join("\n", phones.Select(p => $"\"{p}\"")) + "\n");
}
