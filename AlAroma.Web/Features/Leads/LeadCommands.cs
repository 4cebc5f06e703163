using System.Diagnostics;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Leads.Import;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Features.Leads.Projects;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads;

/// <summary>
/// The call centre's commands for operators' scripts: <c>create-project</c>, <c>import-leads</c>, <c>export-leads</c>.
/// Each prints what it did; the exit code is 0 on success, 1 on a refusal or failure, 2 on bad arguments.
/// </summary>
public static class LeadCommands
{
    public const string CreateUsage = "create-project <name>                    create a call project (active, Mon–Sat 09:00–21:00 local time of each number)";
    public const string ImportUsage = "import-leads <file> --project <name> [--dedup file,project,system,dnc] [--system-days N] [--supplier <name>]  load a phone base (CSV/XLSX)";
    public const string PurgeUsage = "purge-project <name>                     delete a call project and all its numbers for good (in batches)";
    public const string ExportUsage = "export-leads --project <name> <file.csv|file.xlsx>  export a project's numbers";

    /// <summary>How long <c>purge-project</c> waits for a purge that another process is running before it gives up.</summary>
    public static readonly TimeSpan StalledPurge = TimeSpan.FromSeconds(60);

    // The one list of the commands: what Register gives Cli and what IsOne recognises.
    private static readonly (string Name, string Usage, Func<IServiceProvider, string[], TextWriter, TextWriter, Task<int>> Run)[] Commands =
    [
        ("create-project", CreateUsage, CreateAsync),
        ("import-leads", ImportUsage, ImportAsync),
        ("export-leads", ExportUsage, ExportAsync),
        ("purge-project", PurgeUsage, PurgeAsync),
    ];

    /// <summary>Whether <paramref name="args"/> run one of these commands (they run on <see cref="CommandHost"/>).</summary>
    public static bool IsOne(string[] args) => args.Length > 0 && Commands.Any(c => c.Name == args[0]);

    /// <summary>Registers the commands with <see cref="Cli"/>.</summary>
    public static void Register()
    {
        foreach (var (name, usage, run) in Commands) Cli.Register(name, usage, (sp, a) => run(sp, a, Console.Out, Console.Error));
    }

    /// <summary><c>create-project &lt;name&gt;</c>.</summary>
    public static async Task<int> CreateAsync(IServiceProvider sp, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 1 || string.IsNullOrWhiteSpace(args[0]) || args[0].StartsWith("--")) { await error.WriteLineAsync("usage: " + CreateUsage); return 2; }
        var db = sp.GetRequiredService<AppDbContext>();
        var name = args[0].Trim();
        if (await db.LeadProjects.AnyAsync(p => p.Name == name && p.DeletedAtUtc == null))
        {
            await error.WriteLineAsync($"error: a project named '{name}' already exists.");
            return 1;
        }
        var project = new LeadProject { Name = name, CreatedAtUtc = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime };
        db.LeadProjects.Add(project);
        await db.SaveChangesAsync();
        await output.WriteLineAsync($"Project {project.Id} '{name}' created.");
        return 0;
    }

    /// <summary><c>import-leads &lt;file&gt; --project &lt;name&gt; [--dedup …] [--system-days N] [--supplier &lt;name&gt;]</c>: runs the load in this process and prints its counts.</summary>
    public static async Task<int> ImportAsync(IServiceProvider sp, string[] args, TextWriter output, TextWriter error)
    {
        var (positional, options) = Parse(args, "--project", "--dedup", "--system-days", "--supplier");
        if (positional.Count != 1 || options.GetValueOrDefault("--project") is not { } projectName) { await error.WriteLineAsync("usage: " + ImportUsage); return 2; }
        var path = positional[0];
        if (!File.Exists(path)) { await error.WriteLineAsync($"error: file not found: {path}"); return 1; }
        var dedup = DedupOptions.Default;
        if (options.GetValueOrDefault("--dedup") is { } list)
        {
            dedup = DedupOptions.None;
            foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                switch (part)
                {
                    case "file": break; // always on: a project holds a number once
                    case "project": dedup |= DedupOptions.Project; break;
                    case "system": dedup |= DedupOptions.System; break;
                    case "dnc": dedup |= DedupOptions.DoNotCall; break;
                    default: await error.WriteLineAsync($"error: unknown duplicate check '{part}' (use file, project, system, dnc)"); return 2;
                }
            }
        }
        int? days = null;
        if (options.GetValueOrDefault("--system-days") is { } d)
        {
            if (!int.TryParse(d, out var n) || n < 1) { await error.WriteLineAsync("error: --system-days must be a whole number of days ≥ 1"); return 2; }
            days = n;
        }
        var db = sp.GetRequiredService<AppDbContext>();
        try
        {
            var project = await db.LeadProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Name == projectName && p.DeletedAtUtc == null)
                ?? throw new BusinessRuleException($"no project named '{projectName}' (create it with create-project).");
            int? supplierId = null;
            if (options.GetValueOrDefault("--supplier") is { } supplierName)
                supplierId = (await db.LeadSuppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Name == supplierName))?.Id
                    ?? throw new BusinessRuleException($"no supplier named '{supplierName}'.");
            LeadImport import;
            await using (var file = File.OpenRead(path))
                import = await sp.GetRequiredService<StartLeadImport>().HandleAsync(project.Id, path, file, new StartLeadImport.Options(dedup, days, supplierId), CancellationToken.None);
            var id = import.Id;
            await output.WriteLineAsync($"File: {Path.GetFileName(path)} ({import.Format}{(import.Format == "csv" ? $", {import.Encoding}, {import.Delimiter}" : "")}), phone column '{import.Headers[import.PhoneColumn!.Value]}'");
            var r = await sp.GetRequiredService<RunLeadImport>().HandleAsync(id, CancellationToken.None);
            await output.WriteLineAsync($"Rows read: {r.RowsRead}");
            await output.WriteLineAsync($"Imported: {r.Imported}" + (r.Requeued > 0 ? $", put back to work: {r.Requeued}" : ""));
            await output.WriteLineAsync($"Duplicates: in file {r.DuplicatesInFile}, in project {r.DuplicatesInProject}, in other projects {r.DuplicatesInSystem}, do-not-call {r.DoNotCall}");
            await output.WriteLineAsync($"Rejected as invalid: {r.Invalid}" + (r.InvalidByReason.Count == 0 ? "" :
                " (" + string.Join(", ", r.InvalidByReason.OrderByDescending(x => x.Value).Select(x => $"{x.Key}: {x.Value}")) + ")"));
            await output.WriteLineAsync($"Elapsed: {r.Elapsed.TotalSeconds:0.00} s" + (r.Elapsed.TotalSeconds > 0 ? $" ({r.RowsRead / r.Elapsed.TotalSeconds:0} rows/s)" : "")
                + (r.Status == LeadImportStatus.Done ? $"; read and staged in {r.StagedIn.TotalSeconds:0.00} s, checked and inserted in {(r.Elapsed - r.StagedIn).TotalSeconds:0.00} s" : ""));
            if (r.Status != LeadImportStatus.Done) { await error.WriteLineAsync("error: " + r.Error); return 1; }
            var rejected = await db.LeadImports.AsNoTracking().Where(i => i.Id == id).Select(i => i.RejectedPath).SingleAsync();
            if (rejected is not null) await output.WriteLineAsync($"Rejected rows: {rejected}");
            return 0;
        }
        catch (BusinessRuleException e)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return 1;
        }
    }

    /// <summary><c>export-leads --project &lt;name&gt; &lt;file.csv&gt;</c>.</summary>
    public static async Task<int> ExportAsync(IServiceProvider sp, string[] args, TextWriter output, TextWriter error)
    {
        var (positional, options) = Parse(args, "--project");
        if (positional.Count != 1 || options.GetValueOrDefault("--project") is not { } projectName) { await error.WriteLineAsync("usage: " + ExportUsage); return 2; }
        var path = positional[0];
        var xlsx = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        if (!xlsx && !path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) { await error.WriteLineAsync("error: the file must end in .csv or .xlsx"); return 2; }
        var db = sp.GetRequiredService<AppDbContext>();
        var project = await db.LeadProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Name == projectName && p.DeletedAtUtc == null);
        if (project is null) { await error.WriteLineAsync($"error: no project named '{projectName}'."); return 1; }
        var watch = Stopwatch.StartNew();
        long rows;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            var export = sp.GetRequiredService<ExportLeads>();
            var filter = new ListLeads.Input { Project = project.Id };
            rows = xlsx ? await export.WriteXlsxAsync(filter, file, CancellationToken.None) : await export.WriteCsvAsync(filter, file, CancellationToken.None);
        }
        await output.WriteLineAsync($"Exported {rows} numbers to {path} in {watch.Elapsed.TotalSeconds:0.00} s.");
        return 0;
    }

    /// <summary>
    /// <c>purge-project &lt;name&gt;</c>: moves a live project to «Удалённые проекты», asks for its purge and runs the
    /// background purge's batches here until the project is gone, printing the progress.
    /// </summary>
    public static async Task<int> PurgeAsync(IServiceProvider sp, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 1 || args[0].StartsWith("--")) { await error.WriteLineAsync("usage: " + PurgeUsage); return 2; }
        var db = sp.GetRequiredService<AppDbContext>();
        var project = await db.LeadProjects.AsNoTracking().Where(p => p.Name == args[0]).OrderBy(p => p.DeletedAtUtc != null).FirstOrDefaultAsync();
        if (project is null) { await error.WriteLineAsync($"error: no project named '{args[0]}'."); return 1; }
        try
        {
            if (project.DeletedAtUtc is null) await sp.GetRequiredService<DeleteLeadProject>().HandleAsync(project.Id, CancellationToken.None);
            if (project.PurgeRequestedAtUtc is null) await sp.GetRequiredService<RequestProjectPurge>().HandleAsync(project.Id, CancellationToken.None);
        }
        catch (BusinessRuleException e) { await error.WriteLineAsync("error: " + e.Message); return 1; }
        var watch = Stopwatch.StartNew();
        var purge = sp.GetRequiredService<ProjectPurgeWorker>();
        long shown = -1;
        var stalled = Stopwatch.StartNew();
        while (true)
        {
            var worked = await purge.PurgeNextBatchAsync(CancellationToken.None);
            var left = await db.LeadProjects.AsNoTracking().Where(p => p.Id == project.Id).Select(p => new { p.PurgePurged, p.PurgeTotal }).FirstOrDefaultAsync();
            if (left is null) break;
            if (left.PurgePurged != shown)
            {
                await output.WriteLineAsync($"  removed {left.PurgePurged} of {left.PurgeTotal} numbers");
                (shown, stalled) = (left.PurgePurged, Stopwatch.StartNew());
            }
            if (worked) continue;
            // The app's own background purge (this or another instance) holds the batch: it goes on there, so wait for it.
            if (stalled.Elapsed > StalledPurge)
            {
                await error.WriteLineAsync($"error: the purge has not moved for {StalledPurge.TotalSeconds:0} s; run the command again.");
                return 1;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        await output.WriteLineAsync($"Project '{project.Name}' and its numbers removed in {watch.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    // Positional arguments and "--name value" options; an option not in the list is kept as positional (and refused by the caller).
    private static (List<string> Positional, Dictionary<string, string> Options) Parse(string[] args, params string[] names)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (names.Contains(args[i]) && i + 1 < args.Length) options[args[i]] = args[++i];
            else positional.Add(args[i]);
        }
        return (positional, options);
    }
}
