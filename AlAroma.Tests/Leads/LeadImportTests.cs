using System.Text;
using System.Text.Json;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Leads.Import;
using AlAroma.Web.Features.Leads.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Leads;

/// <summary>Loading phone bases: a supplier's Windows-1251 file, the duplicate checks at each scope, the rejected rows, cancel, all or nothing.</summary>
public class LeadImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    // A base as suppliers send it: Windows-1251, ";", Russian headers, every phone format, a region column, extra columns.
    private static byte[] SupplierFile() => Encoding.GetEncoding(1251).GetBytes(string.Join("\r\n",
        "ФИО;Телефон;Регион;Источник;Комментарий",
        "Иванов Иван;8 916 123-45-67;Москва;сайт;звонить вечером",
        "Петрова Анна;+7(913)1234567;;выставка;",
        "Сидоров;79051112233;Новосибирская обл.;;",
        "Повтор Иванова;89161234567;;сайт;",
        "Казах;+7 701 123-45-67;;;",
        "Бесплатный;8-800-555-35-35;;;",
        "Короткий;916123456;;;",
        "Буквы;8 916 ABC-45-67;;;",
        "Пустой;;;;",
        "Питер;8 (812) 315-17-01;;;") + "\r\n");

    [Fact]
    public async Task A_windows_1251_semicolon_file_with_russian_headers_loads_with_its_regions_and_extra_columns()
    {
        await using (var dbs = app.Db()) { dbs.LeadSuppliers.Add(new Web.Features.Leads.Projects.LeadSupplier { Name = "БазаПлюс", PricePerNumberKopecks = 150 }); await dbs.SaveChangesAsync(); }
        var project = await LeadSteps.ProjectAsync(app, "Кириллица");
        var id = await LeadSteps.UploadAsync(app, project, "база.csv", SupplierFile());
        await using (var db = app.Db())
        {
            var uploaded = await db.LeadImports.SingleAsync(i => i.Id == id);
            Assert.Equal(("csv", "windows-1251", "semicolon"), (uploaded.Format, uploaded.Encoding, uploaded.Delimiter));
            Assert.Equal(["ФИО", "Телефон", "Регион", "Источник", "Комментарий"], uploaded.Headers);
            Assert.Equal((1, 2, 4), (uploaded.PhoneColumn!.Value, uploaded.RegionColumn!.Value, uploaded.CommentColumn!.Value));
        }
        var supplier = await app.Db().LeadSuppliers.Where(s => s.Name == "БазаПлюс").Select(s => s.Id).SingleAsync();
        await LeadSteps.QueueAsync(app, id, i => i.SupplierId = supplier);
        Assert.True(await app.Factory.Services.GetRequiredService<LeadImportWorker>().RunNextAsync(default));

        await using var check = app.Db();
        var import = await check.LeadImports.SingleAsync(i => i.Id == id);
        Assert.Equal(LeadImportStatus.Done, import.Status);
        Assert.Equal(10, import.RowsRead);
        Assert.Equal(4, import.Imported);
        Assert.Equal(1, import.DuplicatesInFile);
        Assert.Equal(5, import.Invalid);
        var leads = await check.Leads.Where(l => l.ProjectId == project).OrderBy(l => l.Phone).ToListAsync();
        Assert.Equal([78123151701, 79051112233, 79131234567, 79161234567], leads.Select(l => l.Phone).ToArray());
        var moscow = leads.Single(l => l.Phone == 79161234567);
        Assert.Equal(("moscow", "Europe/Moscow"), (moscow.Region, moscow.TimeZoneId)); // from the file's column
        Assert.Equal("звонить вечером", moscow.Comment);
        var extra = JsonSerializer.Deserialize<Dictionary<string, string>>(moscow.Extra!)!;
        Assert.Equal("Иванов Иван", extra["ФИО"]);
        Assert.Equal("сайт", extra["Источник"]);
        Assert.Equal("Asia/Novosibirsk", leads.Single(l => l.Phone == 79051112233).TimeZoneId); // the column says so
        var plan = leads.Single(l => l.Phone == 79131234567); // no region in the file: the numbering plan (913 = Novosibirsk, MTS)
        Assert.NotNull(plan.Region);
        Assert.NotNull(plan.TimeZoneId);
        Assert.Equal("saint-petersburg", leads.Single(l => l.Phone == 78123151701).Region); // a landline: libphonenumber's geocoder
        Assert.All(leads, l => Assert.Equal((LeadStatus.New, supplier, id), (l.Status, l.SupplierId!.Value, l.ImportId!.Value)));

        // The rejected rows: every refused row with its line in the file and its reason.
        var rejected = await File.ReadAllLinesAsync(import.RejectedPath!, Encoding.UTF8);
        Assert.Equal("Строка;Телефон;Причина", rejected[0].TrimStart('\uFEFF'));
        Assert.Contains("6;'+7 701 123-45-67;Номер Казахстана (+7 6xx/7xx), не России", rejected);
        Assert.Contains("7;8-800-555-35-35;Служебный номер (8-800 и подобные), не абонент", rejected);
        Assert.Contains("8;916123456;Номер короче 10 цифр", rejected);
        Assert.Contains("9;8 916 ABC-45-67;В номере буквы", rejected);
        Assert.Contains("10;;Нет номера телефона", rejected);
        Assert.Contains("5;79161234567;Повтор номера в этом файле", rejected);
        Assert.Equal(7, rejected.Length);
        Assert.False(File.Exists(import.StoredPath)); // the upload is removed once loaded

        // One audit entry for the whole load, with who, which file and the counts.
        var audit = await check.AuditEntries.Where(a => a.Entity == "Загрузка базы" && a.Key == id.ToString()).ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Contains("база.csv", entry.NewValues);
        Assert.Contains("\"Загружено\": 4", entry.NewValues!.Replace("\":4", "\": 4"));
    }

    [Fact]
    public async Task Duplicates_are_checked_at_each_scope_chosen_for_the_import()
    {
        var first = await LeadSteps.ProjectAsync(app, "Дубли А");
        var second = await LeadSteps.ProjectAsync(app, "Дубли Б");
        var base1 = LeadSteps.Csv("+79260000001", "+79260000002", "+79260000003");
        Assert.Equal(3, (await LeadSteps.LoadAsync(app, first, "a.csv", base1)).Imported);

        // Project check on: the same file again loads nothing.
        var again = await LeadSteps.LoadAsync(app, first, "a.csv", base1);
        Assert.Equal((0, 3), (again.Imported, again.DuplicatesInProject));

        // Project check off: the numbers go back to work as new.
        await using (var db = app.Db())
            await db.Leads.Where(l => l.ProjectId == first).ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, LeadStatus.NoAnswer).SetProperty(l => l.Attempts, 3));
        var requeue = await LeadSteps.LoadAsync(app, first, "a.csv", base1, i => i.DedupProject = false);
        Assert.Equal((0, 3, 0), (requeue.Imported, requeue.Requeued, requeue.DuplicatesInProject));
        await using (var db = app.Db())
            Assert.All(await db.Leads.Where(l => l.ProjectId == first).ToListAsync(), l => Assert.Equal((LeadStatus.New, 0), (l.Status, l.Attempts)));

        // All projects: off by default, then on, then on only for the last N days.
        var other = LeadSteps.Csv("+79260000001", "+79260000009");
        var loose = await LeadSteps.LoadAsync(app, second, "b.csv", other);
        Assert.Equal((2, 0), (loose.Imported, loose.DuplicatesInSystem));
        var third = await LeadSteps.ProjectAsync(app, "Дубли В");
        var strict = await LeadSteps.LoadAsync(app, third, "c.csv", LeadSteps.Csv("+79260000002", "+79260000010"), i => i.DedupSystem = true);
        Assert.Equal((1, 1), (strict.Imported, strict.DuplicatesInSystem));
        await using (var db = app.Db())
            await db.Leads.Where(l => l.Phone == 79260000003).ExecuteUpdateAsync(u => u.SetProperty(l => l.LoadedAtUtc, DateTime.UtcNow.AddDays(-40)));
        var recent = await LeadSteps.LoadAsync(app, third, "d.csv", LeadSteps.Csv("+79260000003"), i => { i.DedupSystem = true; i.SystemDays = 30; });
        Assert.Equal((1, 0), (recent.Imported, recent.DuplicatesInSystem)); // loaded 40 days ago: outside the 30-day window

        // Do-not-call: the system-wide list and the project's own.
        await using (var db = app.Db())
        {
            db.DoNotCall.Add(new DoNotCallEntry { Phone = 79260000020, Reason = "жалоба", AddedAtUtc = DateTime.UtcNow });
            db.DoNotCall.Add(new DoNotCallEntry { Phone = 79260000021, ProjectId = second, Reason = "просил", AddedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var dnc = await LeadSteps.LoadAsync(app, second, "e.csv", LeadSteps.Csv("+79260000020", "+79260000021", "+79260000022"));
        Assert.Equal((1, 2), (dnc.Imported, dnc.DoNotCall));
        var elsewhere = await LeadSteps.LoadAsync(app, third, "f.csv", LeadSteps.Csv("+79260000020", "+79260000021"));
        Assert.Equal((1, 1), (elsewhere.Imported, elsewhere.DoNotCall)); // the project list of «Дубли Б» does not bind «Дубли В»
        var unchecked_ = await LeadSteps.LoadAsync(app, first, "g.csv", LeadSteps.Csv("+79260000020"), i => i.DedupDnc = false);
        Assert.Equal((1, 0), (unchecked_.Imported, unchecked_.DoNotCall));
    }

    [Fact]
    public async Task A_cancelled_load_leaves_no_number_and_says_so()
    {
        var project = await LeadSteps.ProjectAsync(app, "Отмена");
        var sb = new StringBuilder("Телефон;Имя\n");
        for (var i = 0; i < 400_000; i++) sb.Append("+7916").Append((1_000_000 + i).ToString("D7")).Append(";Имя\n");
        var id = await LeadSteps.UploadAsync(app, project, "big.csv", Encoding.UTF8.GetBytes(sb.ToString()));
        await LeadSteps.QueueAsync(app, id);
        var run = Task.Run(() => app.Factory.Services.GetRequiredService<LeadImportWorker>().RunNextAsync(default));
        await using var db = app.Db();
        // Wait until the run has read rows (its heartbeat says so), then cancel as the person would.
        for (var t = 0; t < 300 && await db.LeadImports.AsNoTracking().Where(i => i.Id == id).Select(i => i.RowsRead).SingleAsync() == 0; t++) await Task.Delay(100);
        using (var s = app.Scope()) await s.ServiceProvider.GetRequiredService<MapLeadImport>().CancelAsync(id, default);
        await run;
        var import = await db.LeadImports.AsNoTracking().SingleAsync(i => i.Id == id);
        Assert.Equal(LeadImportStatus.Cancelled, import.Status);
        // The cancel may come while the rows are read or after, during the set-based insert: either way nothing lands.
        Assert.InRange(import.RowsRead, 1, 400_000);
        Assert.Contains("Ни один номер", import.Error);
        Assert.Equal(0, await db.Leads.CountAsync(l => l.ProjectId == project));
    }

    [Fact]
    public async Task A_run_whose_process_died_is_marked_and_can_be_started_again()
    {
        var project = await LeadSteps.ProjectAsync(app, "Упавший");
        var id = await LeadSteps.UploadAsync(app, project, "x.csv", LeadSteps.Csv("+79270000001"));
        await using var db = app.Db();
        // As a process killed mid-run leaves it: Running, its transaction rolled back by PostgreSQL, the heartbeat stopped.
        await db.LeadImports.Where(i => i.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(i => i.Status, LeadImportStatus.Running).SetProperty(i => i.PhoneColumn, 0)
            .SetProperty(i => i.HeartbeatAtUtc, DateTime.UtcNow.AddMinutes(-5)));
        using (var s = app.Scope())
            Assert.Equal(1, await LeadImportWorker.MarkDeadAsync(s.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>(), default));
        var dead = await db.LeadImports.AsNoTracking().SingleAsync(i => i.Id == id);
        Assert.Equal((LeadImportStatus.Failed, LeadImportWorker.Interrupted), (dead.Status, dead.Error));
        Assert.True(File.Exists(dead.StoredPath)); // kept for «Запустить снова»
        await LeadSteps.QueueAsync(app, id);
        Assert.True(await app.Factory.Services.GetRequiredService<LeadImportWorker>().RunNextAsync(default));
        Assert.Equal(1, await db.Leads.CountAsync(l => l.ProjectId == project));
    }
}
