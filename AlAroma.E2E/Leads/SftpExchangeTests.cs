using System.Text;
using AlAroma.E2E.Infrastructure;
using AlAroma.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AlAroma.E2E.Leads;

/// <summary>The app with a private folder for the bases its SFTP schedules load (its job scheduler on, as on a server).</summary>
public sealed class SftpCentreServer : AppServer
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "alaroma-e2e-sftp-" + Guid.NewGuid().ToString("N"));

    protected override Task ConfigureAsync(IDictionary<string, string?> environment)
    {
        environment["Leads__Folder"] = Folder;
        environment["Jobs__Enabled"] = "true";
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, true);
    }
}

/// <summary>
/// A manager connects a partner's SFTP server in Chromium (the key check shows the server's fingerprint, pinned with one
/// button), gives a project a schedule that takes new bases, starts it now, and the run log shows the loaded file, moved away.
/// </summary>
public sealed class SftpExchangeTests(SftpCentreServer app, SshServer sshd) : IClassFixture<SftpCentreServer>, IClassFixture<SshServer>
{
    [Fact]
    public async Task A_manager_connects_a_server_pins_its_key_and_a_schedule_loads_a_base_from_it()
    {
        var page = await app.LoginAsync("manager@alaroma.local");
        await page.GotoAsync(app.BaseUrl + "/leads/sftp");
        await page.GetByRole(AriaRole.Link, new() { Name = "Новый сервер" }).First.ClickAsync();
        await page.Locator("#Name").FillAsync("Поставщик E2E");
        await page.Locator("#Address").FillAsync("127.0.0.1");
        await page.Locator("#Port").FillAsync(sshd.Port.ToString());
        await page.Locator("#UserName").FillAsync(sshd.User);
        await page.Locator("#PrivateKey").FillAsync(sshd.ClientKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sftp-key")).ToContainTextAsync("Не закреплён");

        await page.GetByRole(AriaRole.Button, new() { Name = "Проверить соединение" }).ClickAsync();
        await Assertions.Expect(page.Locator("#seen-key")).ToHaveTextAsync(sshd.HostFingerprint);
        await page.GetByRole(AriaRole.Button, new() { Name = "Закрепить ключ" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pinned-key")).ToHaveTextAsync(sshd.HostFingerprint);
        await page.GetByRole(AriaRole.Button, new() { Name = "Проверить соединение" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sftp-check")).ToContainTextAsync("вход выполнен");

        await page.GotoAsync(app.BaseUrl + "/leads/projects/new");
        await page.Locator("#Name").FillAsync("SFTP E2E");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "SFTP", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Забирать базы" }).ClickAsync();
        var (inbox, done) = (Path.Combine(sshd.Root, "e2e/in"), Path.Combine(sshd.Root, "e2e/done"));
        await page.Locator("#HostId").SelectOptionAsync(new SelectOptionValue { Label = "Поставщик E2E" });
        await page.Locator("#RemoteFolder").FillAsync(inbox);
        await page.Locator("#ProcessedFolder").FillAsync(done);
        await page.Locator("#IntervalMinutes").FillAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sftp-schedules")).ToContainTextAsync("Забирать *.csv");

        Directory.CreateDirectory(inbox);
        await File.WriteAllTextAsync(Path.Combine(inbox, "base-e2e.csv"), "Телефон;Имя\n89161110001;Анна\n89161110002;Борис\n89161110003;Вера\n", new UTF8Encoding(false));
        await page.GetByRole(AriaRole.Button, new() { Name = "Запустить сейчас" }).ClickAsync();
        // The job runs on the scheduler: the log shows the run at once («идёт») and its outcome when it is done.
        var finished = page.Locator("#sftp-runs .badge:not(.text-bg-info)");
        for (var i = 0; i < 120 && await finished.CountAsync() == 0; i++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }
        await Assertions.Expect(page.Locator("#sftp-runs")).ToContainTextAsync("base-e2e.csv: строк 3, загружено 3, отклонено 0.");
        await Assertions.Expect(page.Locator("#sftp-runs")).ToContainTextAsync("успешно");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "lead-sftp.png"), FullPage = true });
        Assert.True(File.Exists(Path.Combine(done, "base-e2e.csv")));
        Assert.False(File.Exists(Path.Combine(inbox, "base-e2e.csv")));
    }
}
