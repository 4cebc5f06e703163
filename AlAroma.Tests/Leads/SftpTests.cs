using System.Text;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Leads.Import;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Features.Leads.Sftp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Leads;

/// <summary>
/// SFTP exchanges against a real OpenSSH sshd on loopback: the host key is pinned before anything moves, a wrong client
/// key or a changed host key is refused and logged, new files are loaded once and moved away, exports appear whole.
/// </summary>
public class SftpTests(AppFixture app, SshServer sshd) : IClassFixture<AppFixture>, IClassFixture<SshServer>
{
    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Scope();
        return await work(scope.ServiceProvider);
    }

    private Task<int> HostAsync(string name, string key, bool pin = true) => WithAsync(async sp =>
    {
        var save = sp.GetRequiredService<SaveSftpHost>();
        var id = await save.HandleAsync(new SaveSftpHost.Input { Name = name, Address = "127.0.0.1", Port = sshd.Port, UserName = sshd.User, PrivateKey = key }, default);
        if (pin) await save.PinAsync(id, sshd.HostFingerprint, default);
        return id;
    });

    private Task<int> ScheduleAsync(int projectId, int hostId, SftpScheduleKind kind, string folder, string processed = "", LeadStatus? status = null) => WithAsync(sp =>
        sp.GetRequiredService<SaveSftpSchedule>().HandleAsync(new SaveSftpSchedule.Input
        {
            ProjectId = projectId, HostId = hostId, Kind = kind, RemoteFolder = folder, FilePattern = "base-*.CSV", ProcessedFolder = processed,
            ExportStatus = status, IntervalMinutes = 30,
        }, default));

    private Task<LeadSftpRun> RunAsync(int scheduleId) => WithAsync(sp => sp.GetRequiredService<RunSftpSchedule>().HandleAsync(scheduleId, default));

    private string Remote(string path)
    {
        var full = Path.Combine(sshd.Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    [Fact]
    public async Task The_check_shows_the_servers_key_to_pin_and_signs_in_once_it_is_pinned()
    {
        var id = await HostAsync("Проверка ключа", sshd.ClientKey, pin: false);
        var first = await WithAsync(sp => sp.GetRequiredService<CheckSftpHost>().HandleAsync(id, default));
        Assert.Equal((sshd.HostFingerprint, (string?)null, false), (first.Seen, first.Pinned, first.Ok));
        Assert.Contains("не закреплён", first.Message);
        // Nothing is exchanged with a host whose key was never pinned.
        var project = await app.NewProjectAsync("SFTP: без ключа");
        var run = await RunAsync(await ScheduleAsync(project, id, SftpScheduleKind.Import, Remote("nokey/in"), Remote("nokey/done")));
        Assert.False(run.Succeeded);
        Assert.Contains("не закреплён ключ", run.Error);

        await WithAsync(async sp => { await sp.GetRequiredService<SaveSftpHost>().PinAsync(id, first.Seen, default); return 0; });
        var second = await WithAsync(sp => sp.GetRequiredService<CheckSftpHost>().HandleAsync(id, default));
        Assert.True(second.Ok, second.Message);
        Assert.Contains("вход выполнен", second.Message);
        // The stored key is encrypted: neither it nor its body is in the table.
        await using var db = app.Db();
        var stored = await db.SftpHosts.AsNoTracking().SingleAsync(h => h.Id == id);
        Assert.DoesNotContain("PRIVATE KEY", stored.PrivateKeyProtected);
    }

    [Fact]
    public async Task New_files_by_the_pattern_are_loaded_once_moved_to_processed_and_every_run_is_logged()
    {
        var host = await HostAsync("Поставщик по SFTP", sshd.ClientKey);
        var project = await app.NewProjectAsync("SFTP: загрузка");
        var (inbox, done) = (Remote("load/in"), Remote("load/done"));
        await File.WriteAllTextAsync(Remote("load/in/base-01.csv"), "Телефон;Имя\n8 916 700-00-01;Анна\n+7(916)7000002;Борис\n12345;Короткий\n", Encoding.UTF8);
        await File.WriteAllTextAsync(Remote("load/in/BASE-02.csv"), "phone\n79167000003\n79167000001\n", Encoding.UTF8);
        await File.WriteAllTextAsync(Remote("load/in/notes.txt"), "not a base", Encoding.UTF8);
        await File.WriteAllTextAsync(Remote("load/in/base-03.csv"), "Имя;Город\nАнна;Москва\n", Encoding.UTF8);
        var schedule = await ScheduleAsync(project, host, SftpScheduleKind.Import, inbox, done);

        var first = await RunAsync(schedule);

        // Two bases loaded (the second's repeat of 79167000001 is a project duplicate), the table without a phone column refused.
        Assert.False(first.Succeeded);
        Assert.Equal((3, 2, 5L, 3L, 2L), (first.Files, first.FilesDone, first.Rows, first.Imported, first.Rejected));
        Assert.Contains("base-03.csv", first.Error);
        Assert.Contains("Нет столбца с телефоном", first.Error);
        await using (var db = app.Db())
            Assert.Equal([79167000001L, 79167000002L, 79167000003L], await db.Leads.Where(l => l.ProjectId == project).OrderBy(l => l.Phone).Select(l => l.Phone).ToListAsync());
        Assert.Equal(["BASE-02.csv", "base-01.csv"], Directory.GetFiles(done).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["base-03.csv", "notes.txt"], Directory.GetFiles(inbox).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray());

        // The refused file is not tried again until it changes; the same file put back (the move "failed") is moved, not loaded again.
        File.Copy(Path.Combine(done, "base-01.csv"), Path.Combine(inbox, "base-01.csv"));
        File.SetLastWriteTimeUtc(Path.Combine(inbox, "base-01.csv"), File.GetLastWriteTimeUtc(Path.Combine(done, "base-01.csv")));
        var second = await RunAsync(schedule);
        Assert.True(second.Succeeded, second.Error);
        Assert.Equal((0, 0L), (second.FilesDone, second.Imported));
        Assert.Contains("base-03.csv: пропущен", second.Detail);
        Assert.Contains("уже загружен", second.Detail);
        Assert.Equal(["base-03.csv", "notes.txt"], Directory.GetFiles(inbox).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(3, Directory.GetFiles(done).Length); // the second copy kept beside the first under a new name

        // Fixed and put back, the refused file is a new file and loads.
        await File.WriteAllTextAsync(Path.Combine(inbox, "base-03.csv"), "Телефон\n79167000004\n", Encoding.UTF8);
        var third = await RunAsync(schedule);
        Assert.True(third.Succeeded, third.Error);
        Assert.Equal(1L, third.Imported);
        await using (var db = app.Db())
        {
            Assert.Equal(4, await db.Leads.CountAsync(l => l.ProjectId == project));
            Assert.Equal(3, await db.LeadSftpRuns.CountAsync(r => r.ScheduleId == schedule));
            // One audit entry per load, written as the SFTP host.
            Assert.Equal(3, await db.LeadImports.CountAsync(i => i.ProjectId == project && i.Status == LeadImportStatus.Done && i.CreatedBy == "SFTP «Поставщик по SFTP»"));
        }
    }

    [Fact]
    public async Task A_wrong_client_key_or_a_changed_host_key_is_refused_and_nothing_moves()
    {
        var project = await app.NewProjectAsync("SFTP: отказ");
        await File.WriteAllTextAsync(Remote("refuse/in/base-1.csv"), "Телефон\n79168000001\n", Encoding.UTF8);
        var stranger = await HostAsync("Чужой ключ", sshd.WrongKey);
        var wrongKey = await RunAsync(await ScheduleAsync(project, stranger, SftpScheduleKind.Import, Remote("refuse/in"), Remote("refuse/done")));
        Assert.False(wrongKey.Succeeded);
        Assert.Contains("не принял вход", wrongKey.Error);

        var moved = await HostAsync("Подменённый сервер", sshd.ClientKey, pin: false);
        await WithAsync(async sp => { await sp.GetRequiredService<SaveSftpHost>().PinAsync(moved, "SHA256:" + new string('A', 43), default); return 0; });
        var changed = await RunAsync(await ScheduleAsync(project, moved, SftpScheduleKind.Import, Remote("refuse/in"), Remote("refuse/done")));
        Assert.False(changed.Succeeded);
        Assert.Contains("другой ключ", changed.Error);
        Assert.Contains(sshd.HostFingerprint, changed.Error);

        Assert.True(File.Exists(Remote("refuse/in/base-1.csv")));
        await using var db = app.Db();
        Assert.Equal(0, await db.Leads.CountAsync(l => l.ProjectId == project));
    }

    [Fact]
    public async Task An_export_puts_the_filtered_numbers_as_a_whole_file_and_the_job_runs_due_schedules_only()
    {
        var host = await HostAsync("Выгрузка результатов", sshd.ClientKey);
        var project = await app.NewProjectAsync("SFTP: выгрузка");
        await app.InsertLeadsAsync(project, 79169000000, 5, status: (short)LeadStatus.Success);
        await app.InsertLeadsAsync(project, 79169100000, 7);
        var outbox = Remote("export/out");
        var schedule = await ScheduleAsync(project, host, SftpScheduleKind.Export, outbox, status: LeadStatus.Success);
        await using (var db = app.Db()) // the other tests' schedules are not this job run's business
            await db.LeadSftpSchedules.Where(s => s.Id != schedule).ExecuteUpdateAsync(u => u.SetProperty(s => s.Enabled, false));

        var (ran, failed) = await WithAsync(sp => sp.GetRequiredService<RunDueSftpSchedules>().HandleAsync(default));
        Assert.Equal((1, 0), (ran, failed));
        var file = Assert.Single(Directory.GetFiles(outbox));
        Assert.Matches($@"project-{project}-\d{{8}}-\d{{6}}\.csv$", file);
        var lines = (await File.ReadAllLinesAsync(file)).Where(l => l.Length > 0).ToList();
        Assert.Equal(6, lines.Count); // header + the five successes
        Assert.All(lines.Skip(1), l => Assert.StartsWith("7916900000", l));
        await using (var db = app.Db())
        {
            var s = await db.LeadSftpSchedules.AsNoTracking().SingleAsync(x => x.Id == schedule);
            Assert.InRange(s.NextRunAtUtc, DateTime.UtcNow.AddMinutes(29), DateTime.UtcNow.AddMinutes(31));
            var run = await db.LeadSftpRuns.AsNoTracking().SingleAsync(r => r.ScheduleId == schedule);
            Assert.Equal((true, 5L), (run.Succeeded, run.Rows));
        }
        // Not due again before its interval.
        Assert.Equal((0, 0), await WithAsync(sp => sp.GetRequiredService<RunDueSftpSchedules>().HandleAsync(default)));
        Assert.Single(Directory.GetFiles(outbox));
    }

    [Fact]
    public async Task The_pages_add_a_host_check_its_key_and_show_a_projects_schedules_and_runs()
    {
        var http = await AppFixture.ClientAsync(app.Factory, LeadsTestKit.ManagerEmail);
        var invalid = await http.PostFormAsync("/leads/sftp/new", "/leads/sftp/new", ("Name", ""), ("Address", "sftp://x"), ("Port", "22"), ("UserName", "u"));
        var form = await invalid.HtmlAsync();
        Assert.Contains("Укажите название сервера", form);
        Assert.Contains("без sftp://", form);

        var created = await http.PostFormAsync("/leads/sftp/new", "/leads/sftp/new", ("Name", "Страница SFTP"), ("Address", "127.0.0.1"),
            ("Port", sshd.Port.ToString()), ("UserName", sshd.User), ("PrivateKey", sshd.ClientKey));
        await using var db = app.Db();
        var id = await db.SftpHosts.Where(h => h.Name == "Страница SFTP").Select(h => h.Id).SingleAsync();
        Assert.Equal($"/leads/sftp/{id}", created.Headers.Location?.OriginalString);
        var list = await http.PageAsync("/leads/sftp");
        Assert.Contains("Страница SFTP", list);
        Assert.Contains("не закреплён", list);

        var check = await (await http.PostFormAsync($"/leads/sftp/{id}", $"/leads/sftp/{id}/check")).HtmlAsync();
        Assert.Contains(sshd.HostFingerprint, check);
        Assert.Contains("Закрепить ключ", check);
        await http.PostFormAsync($"/leads/sftp/{id}", $"/leads/sftp/{id}/pin", ("fingerprint", sshd.HostFingerprint));
        Assert.Contains(sshd.HostFingerprint, await http.PageAsync($"/leads/sftp/{id}"));
        // The form never shows the stored key back.
        Assert.DoesNotContain("PRIVATE KEY-----\n", await http.PageAsync($"/leads/sftp/{id}"));

        var project = await app.NewProjectAsync("SFTP: страница");
        var saved = await http.PostFormAsync($"/leads/projects/{project}/sftp/new?kind=Import", $"/leads/projects/{project}/sftp/new",
            ("Kind", "Import"), ("HostId", id.ToString()), ("RemoteFolder", Remote("page/in")), ("FilePattern", "*.csv"), ("ProcessedFolder", ""),
            ("IntervalMinutes", "15"), ("Enabled", "true"));
        Assert.Contains("Укажите папку, куда переносить", await saved.HtmlAsync());
        await http.PostFormAsync($"/leads/projects/{project}/sftp/new?kind=Import", $"/leads/projects/{project}/sftp/new",
            ("Kind", "Import"), ("HostId", id.ToString()), ("RemoteFolder", Remote("page/in")), ("FilePattern", "*.csv"), ("ProcessedFolder", Remote("page/done")),
            ("IntervalMinutes", "15"), ("Enabled", "true"), ("CheckProject", "true"), ("CheckDoNotCall", "true"));
        var schedule = await db.LeadSftpSchedules.Where(s => s.ProjectId == project).Select(s => s.Id).SingleAsync();
        await File.WriteAllTextAsync(Remote("page/in/a.csv"), "Телефон\n79165550001\n", Encoding.UTF8);
        await RunAsync(schedule);
        var page = await http.PageAsync($"/leads/projects/{project}/sftp");
        Assert.Contains("Забирать *.csv", page);
        Assert.Contains("каждые 15 мин", page);
        Assert.Contains("a.csv: строк 1, загружено 1, отклонено 0.", page);
    }
}
