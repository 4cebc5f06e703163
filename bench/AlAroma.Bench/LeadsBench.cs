using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using AlAroma.Web.Features.Leads.Conversion;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Features.Leads.Work;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Lists;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AlAroma.Bench;

/// <summary>
/// <c>leads</c>: the call centre at scale. A base of <c>--base</c> numbers in a paused project and a working project of
/// <c>--big</c> numbers over ten time zones (set-based generate_series; 4 000 000 + 6 000 000 = the issue's 10 000 000),
/// a CSV of <c>--rows</c> rows in the suppliers' formats; the same file loaded by PostgreSQL's own path
/// (<c>psql \copy</c> into an unlogged staging table + one <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c>) and by the app's
/// CLI <c>import-leads</c> in its own process (peak RSS from /proc), ratio; the CSV export beside <c>psql \copy … TO</c> and
/// the XLSX export (time, peak RSS); «Номера» of the big project at the first, a middle and the last page, a filtered
/// count; «Конверсия» from its counters; «Следующий номер» with 50 operators at once on the big project (no number twice);
/// the list of the big project read while another process purges the 1 000 000-number project.
/// </summary>
internal static class LeadsBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var baseNumbers = BenchHost.Arg(args, "--base", 4_000_000);
        var bigNumbers = BenchHost.Arg(args, "--big", 6_000_000);
        var rows = BenchHost.Arg(args, "--rows", 1_000_000);
        var operators = BenchHost.Arg(args, "--operators", 50);
        var server = BenchHost.Server();
        var (cs, _) = await BenchHost.PrepareAsync(server, "alaroma_bench_leads", reuse: false, productCount: 10, movementCount: 10);
        var csb = new NpgsqlConnectionStringBuilder(cs);
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();

        var sw = Stopwatch.StartNew();
        await BenchHost.Exec(conn, "INSERT INTO lead_projects (name, status, regions, supplier_ids, calling_days, call_from, call_to, max_attempts, created_at_utc, purge_total, purge_purged) " +
                                   "SELECT n, 'Active', '{}', '{}', 127, '00:00', '23:59:59', 5, now(), 0, 0 FROM unnest(ARRAY['base','big','pg','app']) n");
        await BenchHost.Exec(conn, $"""
            INSERT INTO leads (project_id, phone, time_zone_id, status, attempts, queue_at_utc, loaded_at_utc)
            SELECT (SELECT id FROM lead_projects WHERE name = 'base'), 79000000000 + (g::bigint * 7919) % 999999999, 'Europe/Moscow', 0, 0, now(), now() - interval '10 days'
            FROM generate_series(1, {baseNumbers}) g ON CONFLICT DO NOTHING
            """);
        // The working project: spread over ten zones (the queue looks zone by zone), statuses as after some days of calling.
        await BenchHost.Exec(conn, $"""
            INSERT INTO leads (project_id, phone, time_zone_id, status, attempts, queue_at_utc, loaded_at_utc, region)
            SELECT (SELECT id FROM lead_projects WHERE name = 'big'), 79000000000 + (g::bigint * 104729) % 999999999,
                   (ARRAY['Europe/Moscow','Europe/Kaliningrad','Europe/Samara','Asia/Yekaterinburg','Asia/Omsk','Asia/Novosibirsk',
                          'Asia/Krasnoyarsk','Asia/Irkutsk','Asia/Yakutsk','Asia/Vladivostok'])[1 + g % 10],
                   CASE WHEN g % 10 < 7 THEN 0 WHEN g % 10 = 7 THEN 1 WHEN g % 10 = 8 THEN 4 ELSE 5 END,
                   CASE WHEN g % 10 < 7 THEN 0 ELSE 1 END, now() - interval '1 hour', now() - interval '3 days',
                   CASE WHEN g % 10 = 0 THEN 'moscow' END
            FROM generate_series(1, {bigNumbers}) g ON CONFLICT DO NOTHING
            """);
        await BenchHost.Exec(conn, "ANALYZE leads");
        Console.WriteLine($"base of {await BenchHost.Scalar<long>(conn, "SELECT count(*) FROM leads"):N0} numbers in {sw.Elapsed.TotalSeconds:F1} s");

        var file = Path.Combine(Path.GetTempPath(), $"leads-bench-{rows}.csv");
        WriteFile(file, rows);
        Console.WriteLine($"file: {rows:N0} rows, {new FileInfo(file).Length / 1024.0 / 1024.0:F1} MiB (formats: 8 916 123-45-67, +7(916)1234567, 79161234567, 9161234567, 8-916-…; 1 % invalid, 2 % repeated)");

        // PostgreSQL's own path on the same file and table.
        sw.Restart();
        await BenchHost.Exec(conn, "CREATE UNLOGGED TABLE bench_stage (phone text, name text, region text)");
        Psql(csb, $"\\copy bench_stage FROM '{file}' WITH (FORMAT csv, DELIMITER ';', HEADER true)");
        await BenchHost.Exec(conn, """
            INSERT INTO leads (project_id, phone, time_zone_id, status, attempts, queue_at_utc, loaded_at_utc)
            SELECT (SELECT id FROM lead_projects WHERE name = 'pg'), 70000000000 + right(d, 10)::bigint, 'Europe/Moscow', 0, 0, now(), now()
            FROM (SELECT regexp_replace(phone, '\D', '', 'g') AS d FROM bench_stage) s WHERE length(d) BETWEEN 10 AND 11
            ON CONFLICT DO NOTHING
            """);
        var pgSeconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"psql \\copy + INSERT … ON CONFLICT DO NOTHING:   {pgSeconds,7:F2} s  ({rows / pgSeconds:N0} rows/s)");

        // The app's import, its own process, as an operator's script runs it.
        var (appSeconds, peakMiB, output) = RunApp(cs, ["import-leads", file, "--project", "app", "--dedup", "file,project,dnc"]);
        Console.WriteLine($"app import-leads (parse, normalise, place, dedup file+project+dnc, insert): {appSeconds,7:F2} s  ({rows / appSeconds:N0} rows/s), peak RSS {peakMiB:F0} MiB");
        foreach (var line in output.Split('\n').Where(l => l.StartsWith("Rows") || l.StartsWith("Elapsed") || l.StartsWith("Imported") || l.StartsWith("Duplicates") || l.StartsWith("Rejected as")))
            Console.WriteLine("    " + line.Trim());
        Console.WriteLine($"import ratio app / PostgreSQL path: {appSeconds / pgSeconds:F2} (target ≤ 1.0; the PostgreSQL path does no validation, no region, no dedup beyond the key)");

        // Export: the app's CSV beside psql \copy TO.
        var export = Path.ChangeExtension(file, ".export.csv");
        sw.Restart();
        Psql(csb, $"\\copy (SELECT l.phone, p.name, l.region, l.time_zone_id, l.status, l.attempts, l.last_call_at_utc, l.loaded_at_utc, l.comment FROM leads l JOIN lead_projects p ON p.id = l.project_id WHERE p.name = 'app' ORDER BY l.id) TO '{export}' WITH (FORMAT csv, DELIMITER ';')");
        var pgExport = sw.Elapsed.TotalSeconds;
        var (appExport, exportMiB, _) = RunApp(cs, ["export-leads", "--project", "app", export]);
        var exported = File.ReadLines(export).LongCount() - 1;
        Console.WriteLine($"export of {exported:N0} numbers: psql \\copy TO {pgExport:F2} s, app export-leads {appExport:F2} s (peak RSS {exportMiB:F0} MiB), ratio {appExport / pgExport:F2}");
        var xlsx = Path.ChangeExtension(file, ".export.xlsx");
        var (xlsxSeconds, xlsxMiB, _) = RunApp(cs, ["export-leads", "--project", "app", xlsx]);
        Console.WriteLine($"XLSX export of the same numbers: {xlsxSeconds:F2} s, {new FileInfo(xlsx).Length / 1024.0 / 1024.0:F1} MiB, peak RSS {xlsxMiB:F0} MiB");
        File.Delete(xlsx);

        // The loads above leave autovacuum a table of 10M rows to vacuum and analyse; done here first, so that the screens
        // below are measured on a settled table rather than beside a background vacuum (which is what a night after a
        // big load looks like, not a working day).
        sw.Restart();
        await BenchHost.Exec(conn, "VACUUM (ANALYZE) leads");
        Console.WriteLine($"VACUUM (ANALYZE) leads after the loads: {sw.Elapsed.TotalSeconds:F1} s");

        // Screens, in-process.
        await using var app = BenchHost.App(cs);
        var project = await BenchHost.Scalar<int>(conn, "SELECT id FROM lead_projects WHERE name = 'big'");
        var (minId, maxId) = (await BenchHost.Scalar<long>(conn, $"SELECT min(id) FROM leads WHERE project_id = {project}"), await BenchHost.Scalar<long>(conn, $"SELECT max(id) FROM leads WHERE project_id = {project}"));
        // Keyset cursors of the default order (newest first): the middle of the project and its last page.
        var byId = ListLeads.Sorts.Parse(null);
        var middle = ListCursor.Encode(byId, [(minId + maxId) / 2], (minId + maxId) / 2);
        var last = ListCursor.Encode(byId, [minId + ListLeads.PageSize], minId + ListLeads.PageSize);
        Console.WriteLine($"{"",-44} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        await BenchHost.MeasureAsync(app.Services, "«Номера», first page of the big project", 100, 30, (sp, _) => sp.GetRequiredService<ListLeads>().HandleAsync(new ListLeads.Input { Project = project }, default));
        await BenchHost.MeasureAsync(app.Services, "«Номера», a middle page", 100, 30, (sp, _) => sp.GetRequiredService<ListLeads>().HandleAsync(new ListLeads.Input { Project = project, After = middle }, default));
        await BenchHost.MeasureAsync(app.Services, "«Номера», the last page", 100, 30, (sp, _) => sp.GetRequiredService<ListLeads>().HandleAsync(new ListLeads.Input { Project = project, After = last }, default));
        await BenchHost.MeasureAsync(app.Services, "«Номера», status new + region (capped count)", 100, 30, (sp, _) => sp.GetRequiredService<ListLeads>().HandleAsync(new ListLeads.Input { Project = project, Status = LeadStatus.New, Region = "moscow" }, default));
        await BenchHost.MeasureAsync(app.Services, "«Конверсия», all projects by project", 100, 30, (sp, _) => sp.GetRequiredService<GetConversion>().HandleAsync(new GetConversion.Input(), default));
        await BenchHost.MeasureAsync(app.Services, "«Конверсия», the big project by region", 100, 30, (sp, _) => sp.GetRequiredService<GetConversion>().HandleAsync(new GetConversion.Input { Project = project, By = "region" }, default));

        // «Следующий номер»: operators at once, each takes a number and gives it back, again and again.
        var times = new ConcurrentBag<double>();
        var given = new ConcurrentDictionary<long, string>();
        var twice = 0;
        var rounds = BenchHost.Arg(args, "--rounds", 20);
        await BenchHost.Exec(conn, "UPDATE lead_projects SET status = 'Paused' WHERE name <> 'big'");
        for (var r = 0; r < rounds; r++)
        {
            given.Clear();
            await Task.WhenAll(Enumerable.Range(0, operators).Select(o => Task.Run(async () =>
            {
                using var scope = BenchHost.Scope(app.Services);
                var watch = Stopwatch.StartNew();
                var lead = await scope.ServiceProvider.GetRequiredService<NextLead>().TakeAsync($"op{o}", backOffice: true, default);
                watch.Stop();
                if (r > 0) times.Add(watch.Elapsed.TotalMilliseconds);
                if (lead is null) return;
                if (!given.TryAdd(lead.Id, $"op{o}")) Interlocked.Increment(ref twice);
                await scope.ServiceProvider.GetRequiredService<RecordLeadResult>().HandleAsync(lead.Id, $"op{o}", new RecordLeadResult.Input { Result = LeadStatus.NoAnswer }, default);
            })));
        }
        BenchHost.Print($"«Следующий номер», {operators} operators at once", times.ToList());
        Console.WriteLine($"numbers given to two operators at once: {twice}");

        // The 1 000 000-number project purged by another process while the big project's list is read.
        var purged = await BenchHost.Scalar<long>(conn, "SELECT count(*) FROM leads l JOIN lead_projects p ON p.id = l.project_id WHERE p.name = 'pg'");
        var purge = Task.Run(() => RunApp(cs, ["purge-project", "pg"]));
        var during = new List<double>();
        while (!purge.IsCompleted)
            during.AddRange(await BenchHost.MeasureAsync(app.Services, "", 20, 5, (sp, _) => sp.GetRequiredService<ListLeads>().HandleAsync(new ListLeads.Input { Project = project }, default), print: false));
        var (purgeSeconds, _, _) = await purge;
        during.Sort();
        BenchHost.Print($"«Номера» of the big project during the purge", during);
        Console.WriteLine($"purge of {purged:N0} numbers by purge-project: {purgeSeconds:F1} s");
        File.Delete(file);
        File.Delete(export);
        return twice == 0 ? 0 : 1;
    }

    // Rows in the suppliers' shapes, 1 % invalid (Kazakhstan, short, letters), 2 % repeating an earlier row.
    private static void WriteFile(string path, int rows)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.WriteLine("Телефон;ФИО;Регион");
        var rnd = new Random(42);
        for (var i = 0; i < rows; i++)
        {
            var n = i % 50 == 7 ? (i - 7) : i; // a repeat of an earlier row
            var sub = 9_160_000_000L + (n * 104_729L) % 839_999_999L; // 916…999, spread over the DEF codes
            var s = sub.ToString();
            var phone = (i % 100) switch
            {
                99 => "+7 701 " + s[3..6] + "-" + s[6..8] + "-" + s[8..],
                98 => s[..9],
                97 => "8 9" + s[1..3] + " ABC-" + s[6..8] + "-" + s[8..],
                _ => (i % 5) switch
                {
                    0 => $"8 {s[..3]} {s[3..6]}-{s[6..8]}-{s[8..]}",
                    1 => $"+7({s[..3]}){s[3..]}",
                    2 => "7" + s,
                    3 => s,
                    _ => $"8-{s[..3]}-{s[3..6]}-{s[6..8]}-{s[8..]}",
                },
            };
            w.Write(phone);
            w.Write(";Клиент ");
            w.Write(i);
            w.Write(';');
            w.WriteLine(rnd.Next(10) == 0 ? "Москва" : "");
        }
    }

    private static void Psql(NpgsqlConnectionStringBuilder csb, string command)
    {
        var psi = new ProcessStartInfo("psql", ["-h", csb.Host!, "-p", csb.Port.ToString(), "-U", csb.Username!, "-d", csb.Database!, "-v", "ON_ERROR_STOP=1", "-q", "-c", command])
        { RedirectStandardError = true, RedirectStandardOutput = true };
        if (csb.Password is { } pw) psi.Environment["PGPASSWORD"] = pw;
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("psql failed: " + err);
    }

    // The app's CLI in its own process: wall seconds, peak resident memory (VmHWM, MiB), its output.
    private static (double Seconds, double PeakMiB, string Output) RunApp(string cs, string[] args)
    {
        var dll = Path.Combine(WebRoot.RepoRoot()!, "AlAroma.Web", "bin", "Release", "net10.0", "AlAroma.Web.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        psi.Environment["ConnectionStrings__Default"] = cs;
        psi.Environment["Demo__Seed"] = "false";
        psi.Environment["Jobs__Enabled"] = "false";
        psi.Environment["Leads__Worker__Enabled"] = "false";
        psi.Environment["Leads__Folder"] = Path.Combine(Path.GetTempPath(), "leads-bench-files");
        psi.Environment["Logging__PlainText"] = "true";
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var output = new StringBuilder();
        p.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        double peak = 0;
        while (!p.WaitForExit(100))
        {
            try
            {
                var hwm = File.ReadLines($"/proc/{p.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:"));
                if (hwm is not null) peak = Math.Max(peak, long.Parse(new string(hwm.Where(char.IsDigit).ToArray())) / 1024.0);
            }
            catch (IOException) { }
        }
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{args[0]} failed ({p.ExitCode}): {output}");
        return (sw.Elapsed.TotalSeconds, peak, output.ToString());
    }
}
