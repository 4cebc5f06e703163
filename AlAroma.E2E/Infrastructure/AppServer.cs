using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Infrastructure;
using Microsoft.Playwright;

namespace AlAroma.E2E.Infrastructure;

/// <summary>
/// The real application, started as its own process exactly as an operator runs it (the built AlAroma.Web.dll
/// with a connection string and demo seeding) on a free loopback port, plus Debian's Chromium driven by
/// Playwright. One per test class (xunit class fixture); every test gets a fresh browser context.
/// </summary>
public class AppServer : IAsyncLifetime
{
    private Process? _process;
    private readonly StringBuilder _log = new();
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public string ConnectionString { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Folder for screenshots and downloads of this run: &lt;repo&gt;/.data/e2e.</summary>
    public static string ArtifactsDir => Directory.CreateDirectory(Path.Combine(WebRoot.RepoRoot()!, ".data", "e2e")).FullName;

    /// <summary>Settings of the app process (environment variables) beyond the database and demo seeding; before it starts.</summary>
    protected virtual Task ConfigureAsync(IDictionary<string, string?> environment) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync("e2e");
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var environment = new Dictionary<string, string?> { ["Demo__Seed"] = "true" };
        await ConfigureAsync(environment);
        _process = StartApp(BaseUrl, ConnectionString, environment, _log);
        await WaitReadyAsync(_process, BaseUrl, () => Log);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies) with ru-RU locale, Moscow time and downloads allowed.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var ctx = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "ru-RU", TimezoneId = "Europe/Moscow", AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        ctx.SetDefaultTimeout(30_000); // the machine is shared: a cold first sign-in can take over 15 s
        return await ctx.NewPageAsync();
    }

    /// <summary>Signs in through the login form as a demo user.</summary>
    public async Task<IPage> LoginAsync(string email)
    {
        var page = await NewPageAsync();
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("/account/login");
            await page.GetByLabel("E-mail").FillAsync(email);
            await page.GetByLabel("Пароль").FillAsync(AlAroma.Web.Data.Seeder.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
            try
            {
                // A cold first sign-in on a loaded 2-core CI machine can take long.
                await page.WaitForURLAsync(u => !u.Contains("/account/login"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
                return page;
            }
            catch (TimeoutException e) when (attempt < 2)
            {
                // Still on the form: say what it showed, then sign in once more (a lost first request under load).
                Console.WriteLine($"Sign-in of {email} still on the login page after 60 s ({e.Message}); page said: {await page.InnerTextAsync("body")}");
            }
        }
    }

    /// <summary>Everything the app process printed so far (for failure messages).</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }

    /// <summary>
    /// Starts the built AlAroma.Web.dll at <paramref name="baseUrl"/> on <paramref name="connectionString"/> as an operator
    /// runs it (Production, plain-text logs, two-factor not required of the demo users), with <paramref name="environment"/>
    /// on top; its output goes to <paramref name="log"/>.
    /// </summary>
    public static Process StartApp(string baseUrl, string connectionString, IDictionary<string, string?> environment, StringBuilder log)
    {
        var root = WebRoot.RepoRoot()!;
        var config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(root, "AlAroma.Web", "bin", config, "net10.0", "AlAroma.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build the solution first (dotnet build -c {config}).");
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls {baseUrl}")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["ConnectionStrings__Default"] = connectionString;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Logging__PlainText"] = "true";
        psi.Environment["Security__TwoFactor__RequiredForRoles"] = ""; // the tests sign in as the seeded admin and manager with the password
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits up to 90 s for <c>/health/ready</c> of an app started by <see cref="StartApp"/>.</summary>
    /// <exception cref="InvalidOperationException">It exited; the message has its output.</exception>
    /// <exception cref="TimeoutException">Not ready in time.</exception>
    public static async Task WaitReadyAsync(Process process, string baseUrl, Func<string> log)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{log()}");
            try
            {
                if ((await http.GetAsync($"{baseUrl}/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(300);
        }
        throw new TimeoutException($"The app did not become ready in 90 s:\n{log()}");
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
