using System.Globalization;
using System.Net;
using System.Text;
using AlAroma.E2E.Infrastructure;
using AlAroma.Web.Features.Leads.Telephony;
using Microsoft.Playwright;
using Npgsql;

namespace AlAroma.E2E.Leads;

/// <summary>The app with a generic PBX webhook secret and a private folder for uploaded bases.</summary>
public sealed class CallCentreServer : AppServer
{
    public const string PbxSecret = "e2e-pbx-secret";
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "alaroma-e2e-leads-" + Guid.NewGuid().ToString("N"));

    protected override Task ConfigureAsync(IDictionary<string, string?> environment)
    {
        environment["Telephony__Generic__Secret"] = PbxSecret;
        environment["Leads__Folder"] = Folder;
        environment["Leads__Worker__PollSeconds"] = "0.5";
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, true);
    }
}

/// <summary>
/// A call centre's day in Chromium: a manager creates a project with an operator and loads a base, watching the load's
/// page until it is done; the operator works three numbers with the result buttons and the keyboard; a PBX event updates
/// the card; the manager's list, the downloaded export and the conversion dashboard with its Excel file show the right counts.
/// </summary>
public sealed class CallCentreDayTests(CallCentreServer app) : IClassFixture<CallCentreServer>
{
    private const int Numbers = 60_000;

    private static string Base()
    {
        var sb = new StringBuilder("Телефон;Имя;Город\n");
        for (var i = 0; i < Numbers; i++) sb.Append(CultureInfo.InvariantCulture, $"8 916 {i / 10000 + 100:D3}-{i / 100 % 100:D2}-{i % 100:D2};Клиент {i};Москва\n");
        sb.Append("+7 701 123-45-67;Казах;\n8-800-555-35-35;Служба;\n");
        return sb.ToString();
    }

    [Fact]
    public async Task A_manager_loads_a_base_an_operator_works_three_numbers_and_the_counts_add_up()
    {
        var manager = await app.LoginAsync("manager@alaroma.local");
        await manager.GotoAsync(app.BaseUrl + "/leads/projects/new");
        await manager.Locator("#Name").FillAsync("Обзвон E2E");
        for (var d = 0; d < 7; d++)
            if (!await manager.Locator($"#Days input[type=checkbox] >> nth={d}").IsCheckedAsync()) await manager.Locator($"#Days input[type=checkbox] >> nth={d}").CheckAsync();
        await manager.Locator("#CallFrom").FillAsync("00:00");
        await manager.Locator("#CallTo").FillAsync("23:59");
        await manager.Locator("#Operators").SelectOptionAsync(new SelectOptionValue { Label = "Операторов Олег" }, new() { Force = true });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Assertions.Expect(manager.Locator("body")).ToContainTextAsync("Обзвон E2E");

        await manager.GotoAsync(app.BaseUrl + "/leads/imports");
        await manager.Locator("#project").SelectOptionAsync(new SelectOptionValue { Label = "Обзвон E2E" });
        var file = Path.Combine(app.Folder, "..", $"e2e-base-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, Base(), new UTF8Encoding(false));
        await manager.Locator("#file").SetInputFilesAsync(file);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Загрузить файл" }).ClickAsync();
        await Assertions.Expect(manager.Locator("#mapping-samples")).ToContainTextAsync("+7 916 100-00-00");
        await Assertions.Expect(manager.Locator("#PhoneColumn")).ToHaveValueAsync("0");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Загрузить", Exact = true }).ClickAsync();

        // The load's page polls its row: queued or running with the bar, then done with the counts.
        var progress = manager.Locator("#lead-import-progress");
        await Assertions.Expect(progress).ToBeVisibleAsync();
        var importUrl = manager.Url;
        await manager.GotoAsync(app.BaseUrl + "/leads/numbers"); // leaving the page does not stop the load
        await manager.GotoAsync(importUrl);
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-status", "Done", new() { Timeout = 120_000 });
        await Assertions.Expect(manager.Locator("[data-count=imported]")).ToHaveTextAsync("60 000");
        await Assertions.Expect(manager.Locator("[data-count=invalid]")).ToHaveTextAsync("2");
        await manager.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "lead-import.png"), FullPage = true });
        var rejected = await manager.RunAndWaitForDownloadAsync(() => manager.GetByRole(AriaRole.Link, new() { Name = "Скачать отклонённые строки (CSV)" }).ClickAsync());
        var rejectedText = await File.ReadAllTextAsync(await rejected.PathAsync());
        Assert.Contains("Номер Казахстана", rejectedText);
        Assert.Contains("Служебный номер", rejectedText);

        // The operator works three numbers: no answer by the keyboard, a success with a comment, a callback.
        var op = await app.LoginAsync("operator@alaroma.local");
        await op.GotoAsync(app.BaseUrl + "/leads/work");
        await op.GetByRole(AriaRole.Button, new() { Name = "Следующий номер" }).ClickAsync();
        var card = op.Locator("#lead-card");
        await Assertions.Expect(card).ToBeVisibleAsync();
        var first = await op.Locator("#lead-phone").TextContentAsync();
        Assert.StartsWith("tel:+7916", await op.Locator("#lead-phone").GetAttributeAsync("href"));
        await op.Locator("body").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await op.Keyboard.PressAsync("3"); // «Не ответил»
        await Assertions.Expect(op.Locator("#lead-phone")).Not.ToHaveTextAsync(first!);
        var second = await op.Locator("#lead-phone").TextContentAsync();
        var leadId = long.Parse((await card.GetAttributeAsync("data-lead"))!, CultureInfo.InvariantCulture);

        // A PBX event for the number on screen: its talk time and recording appear on the card.
        using (var http = new HttpClient())
        {
            var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var body = $$"""{"call_id":"e2e-call-1","event":"ended","direction":"out","from":"100","to":"{{second}}","duration":42,"disposition":"answered"}""";
            using var req = new HttpRequestMessage(HttpMethod.Post, app.BaseUrl + "/telephony/generic") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            req.Headers.Add("X-Timestamp", ts);
            req.Headers.Add("X-Signature", TelephonySignatures.Generic(CallCentreServer.PbxSecret, ts, body));
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(req)).StatusCode);
        }
        await op.ReloadAsync();
        await Assertions.Expect(card).ToContainTextAsync("Последний разговор: 42 с");
        await Assertions.Expect(op.Locator("#lead-history")).ToContainTextAsync("generic");

        await op.Locator("#Comment").FillAsync("Купит набор к Новому году");
        await op.GetByRole(AriaRole.Button, new() { Name = "Успех" }).ClickAsync();
        await Assertions.Expect(op.Locator("#lead-phone")).Not.ToHaveTextAsync(second!);
        var tomorrow = DateTime.UtcNow.AddHours(3).AddDays(1).ToString("yyyy-MM-dd'T'10:30", CultureInfo.InvariantCulture);
        await op.Locator("#CallBackAt").FillAsync(tomorrow);
        await op.GetByRole(AriaRole.Button, new() { Name = "Перезвонить" }).ClickAsync();
        await Assertions.Expect(op.Locator("#lead-card")).ToBeVisibleAsync(); // the fourth number is already on screen
        await op.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "lead-work.png"), FullPage = true });

        await using (var conn = new NpgsqlConnection(app.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                SELECT count(*) FILTER (WHERE l.status = 1), count(*) FILTER (WHERE l.status = 4), count(*) FILTER (WHERE l.status = 3),
                       (SELECT count(*) FROM lead_calls c JOIN leads l2 ON l2.id = c.lead_id JOIN lead_projects p2 ON p2.id = l2.project_id WHERE p2.name = 'Обзвон E2E' AND c.source = 'operator'),
                       (SELECT attempts FROM leads WHERE id = @id)
                FROM leads l JOIN lead_projects p ON p.id = l.project_id WHERE p.name = 'Обзвон E2E'
                """, conn);
            cmd.Parameters.AddWithValue("id", leadId);
            await using var r = await cmd.ExecuteReaderAsync();
            Assert.True(await r.ReadAsync());
            Assert.Equal((1L, 1L, 1L, 3L), (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)));
            Assert.Equal(1, r.GetInt32(4)); // the PBX counted the call, the button did not count it again
        }

        // The manager's list and the export of the project agree.
        await manager.GotoAsync(app.BaseUrl + "/leads/numbers");
        await manager.Locator("#Project").SelectOptionAsync(new SelectOptionValue { Label = "Обзвон E2E" });
        await manager.Locator("#Status").SelectOptionAsync(new SelectOptionValue { Label = "Успех" });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await Assertions.Expect(manager.Locator("#leads-count")).ToHaveTextAsync("Найдено: 1");
        await Assertions.Expect(manager.Locator("#leads-table")).ToContainTextAsync("Купит набор к Новому году");
        await manager.Locator("#Status").SelectOptionAsync(new SelectOptionValue { Label = "Все" });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        var export = await manager.RunAndWaitForDownloadAsync(() => manager.GetByRole(AriaRole.Link, new() { Name = "Экспорт в CSV" }).ClickAsync());
        var lines = await File.ReadAllLinesAsync(await export.PathAsync());
        Assert.Equal(Numbers + 1, lines.Length);
        Assert.Single(lines, l => l.Contains(";Успех;"));
        Assert.Single(lines, l => l.Contains(";Перезвонить;"));

        // «Конверсия» reads the maintained counters: 60 000 numbers, 3 called, 2 reached (the success and the callback), 1 success;
        // its Excel file has the same figures.
        await manager.GotoAsync(app.BaseUrl + "/leads/conversion");
        await manager.Locator("#Project").SelectOptionAsync(new SelectOptionValue { Label = "Обзвон E2E" });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        var total = manager.Locator("#conversion-table tr[data-key=total] td");
        await Assertions.Expect(total.Nth(1)).ToHaveTextAsync("60 000");
        await Assertions.Expect(total.Nth(2)).ToHaveTextAsync("3");
        await Assertions.Expect(total.Nth(3)).ToHaveTextAsync("2");
        await Assertions.Expect(total.Nth(4)).ToHaveTextAsync("1");
        await Assertions.Expect(manager.Locator("#conversion-chart")).ToBeVisibleAsync();
        await manager.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "lead-conversion.png"), FullPage = true });
        var xlsx = await manager.RunAndWaitForDownloadAsync(() => manager.GetByRole(AriaRole.Link, new() { Name = "Экспорт в Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename);
        await using (var stream = File.OpenRead(await xlsx.PathAsync()))
        using (var wb = new ClosedXML.Excel.XLWorkbook(stream))
        {
            var row = wb.Worksheet(1).RowsUsed().First(r => r.Cell(1).GetString() == "Обзвон E2E");
            Assert.Equal((60_000, 3, 2, 1), (row.Cell(2).GetValue<int>(), row.Cell(3).GetValue<int>(), row.Cell(4).GetValue<int>(), row.Cell(5).GetValue<int>()));
        }
        File.Delete(file);
    }
}
