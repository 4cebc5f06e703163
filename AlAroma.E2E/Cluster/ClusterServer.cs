using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AlAroma.E2E.Infrastructure;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Infrastructure;
using Microsoft.Playwright;

namespace AlAroma.E2E.Cluster;

/// <summary>
/// Two app processes over one PostgreSQL database behind Debian's nginx running the configuration shipped for servers
/// (<c>docker/nginx/alaroma.conf.template</c>, its placeholders filled as the nginx image fills them), TLS with a
/// self-signed certificate, round robin; e-mail to a real SMTP capture; both instances run the scheduler and the
/// outbox dispatcher, as on a server. Chromium is told to accept the test certificate.
/// </summary>
public sealed class ClusterServer : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "alaroma-cluster-" + Guid.NewGuid().ToString("N")[..8])).FullName;
    private readonly StringBuilder[] _logs = [new(), new()];
    private readonly Process?[] _apps = new Process?[2];
    private Process? _nginx;
    private IPlaywright? _playwright;

    public string ConnectionString { get; private set; } = "";

    /// <summary>The proxy: https://127.0.0.1:port.</summary>
    public string ProxyUrl { get; private set; } = "";

    /// <summary>Each instance directly (http).</summary>
    public string[] InstanceUrls { get; } = new string[2];

    public SmtpCapture Smtp { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>What instance <paramref name="i"/> printed.</summary>
    public string Log(int i) { lock (_logs[i]) return _logs[i].ToString(); }

    /// <summary>nginx's access log: one line per request, with the instance that served it.</summary>
    public string AccessLog => File.Exists(Path.Combine(_dir, "access.log")) ? File.ReadAllText(Path.Combine(_dir, "access.log")) : "";

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync("cluster");
        await Smtp.InitializeAsync();
        for (var i = 0; i < 2; i++)
        {
            InstanceUrls[i] = $"http://127.0.0.1:{AppServer.FreePort()}";
            var env = new Dictionary<string, string?>
            {
                // The first instance seeds the demo chain; the second starts on it.
                ["Demo__Seed"] = i == 0 ? "true" : "false",
                ["ReverseProxy__KnownProxies__0"] = "127.0.0.1",
                ["Smtp__Host"] = "127.0.0.1",
                ["Smtp__Port"] = Smtp.Port.ToString(),
                ["Notifications__Outbox__PollSeconds"] = "1",
                ["Jobs__Enabled"] = "true",
                // Every 5 s on both instances: the cluster must still run it once per firing.
                ["Jobs__Schedules__AuditCleanup"] = "0/5 * * * * ?",
                ["Bots__Telegram__Mode"] = "Off",
            };
            _apps[i] = AppServer.StartApp(InstanceUrls[i], ConnectionString, env, _logs[i]);
            var index = i;
            await AppServer.WaitReadyAsync(_apps[i]!, InstanceUrls[i], () => Log(index));
        }
        StartNginx();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private void StartNginx()
    {
        var port = AppServer.FreePort();
        ProxyUrl = $"https://127.0.0.1:{port}";
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=alaroma-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            san.AddDnsName("localhost");
            request.CertificateExtensions.Add(san.Build());
            using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
            File.WriteAllText(Path.Combine(_dir, "cert.pem"), cert.ExportCertificatePem());
            File.WriteAllText(Path.Combine(_dir, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        }
        File.WriteAllText(Path.Combine(_dir, "upstreams.conf"), string.Concat(InstanceUrls.Select(u => $"server {new Uri(u).Authority};\n")));
        var template = File.ReadAllText(Path.Combine(WebRoot.RepoRoot()!, "docker", "nginx", "alaroma.conf.template"));
        var values = new Dictionary<string, string>
        {
            ["NGINX_HTTP_LISTEN"] = $"127.0.0.1:{AppServer.FreePort()}",
            ["NGINX_HTTPS_LISTEN"] = $"127.0.0.1:{port}",
            ["NGINX_CERT"] = Path.Combine(_dir, "cert.pem"),
            ["NGINX_CERT_KEY"] = Path.Combine(_dir, "key.pem"),
            ["NGINX_UPSTREAMS"] = Path.Combine(_dir, "upstreams.conf"),
        };
        foreach (var (name, value) in values) template = template.Replace("${" + name + "}", value);
        File.WriteAllText(Path.Combine(_dir, "alaroma.conf"), template);
        // What the nginx image's own nginx.conf is around conf.d: the http block. Paths private to this test.
        foreach (var d in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" }) Directory.CreateDirectory(Path.Combine(_dir, d));
        File.WriteAllText(Path.Combine(_dir, "nginx.conf"), $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            pid {{_dir}}/nginx.pid;
            error_log {{_dir}}/error.log warn;
            events { worker_connections 1024; }
            http {
                log_format upstream '$request_method $uri $status $upstream_addr';
                access_log {{_dir}}/access.log upstream;
                client_body_temp_path {{_dir}}/body;
                proxy_temp_path {{_dir}}/proxy;
                fastcgi_temp_path {{_dir}}/fastcgi;
                uwsgi_temp_path {{_dir}}/uwsgi;
                scgi_temp_path {{_dir}}/scgi;
                include {{_dir}}/alaroma.conf;
            }
            """);
        var test = Process.Start(new ProcessStartInfo("/usr/sbin/nginx", ["-t", "-p", _dir, "-c", Path.Combine(_dir, "nginx.conf")]) { RedirectStandardError = true })!;
        var said = test.StandardError.ReadToEnd();
        test.WaitForExit();
        if (test.ExitCode != 0) throw new InvalidOperationException("nginx -t refused the shipped configuration:\n" + said);
        _nginx = Process.Start(new ProcessStartInfo("/usr/sbin/nginx", ["-p", _dir, "-c", Path.Combine(_dir, "nginx.conf"), "-g", "daemon off;"]))!;
        using var probe = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
        for (var i = 0; i < 100; i++)
        {
            try { if (probe.GetAsync(ProxyUrl + "/health/live").Result.IsSuccessStatusCode) return; }
            catch (AggregateException) { }
            Thread.Sleep(100);
        }
        throw new InvalidOperationException("nginx did not answer:\n" + (File.Exists(Path.Combine(_dir, "error.log")) ? File.ReadAllText(Path.Combine(_dir, "error.log")) : ""));
    }

    /// <summary>A fresh browser context at <paramref name="baseUrl"/> (the proxy by default), ru-RU, the test certificate accepted.</summary>
    public async Task<IPage> NewPageAsync(string? baseUrl = null)
    {
        var ctx = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? ProxyUrl, Locale = "ru-RU", TimezoneId = "Europe/Moscow", IgnoreHTTPSErrors = true,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        ctx.SetDefaultTimeout(30_000);
        return await ctx.NewPageAsync();
    }

    /// <summary>Signs in through the login form of <paramref name="baseUrl"/> (the proxy by default).</summary>
    public async Task<IPage> LoginAsync(string email, string? baseUrl = null)
    {
        var page = await NewPageAsync(baseUrl);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Пароль").FillAsync(AlAroma.Web.Data.Seeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/account/login"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_nginx is { HasExited: false }) { _nginx.Kill(); await _nginx.WaitForExitAsync(); }
        foreach (var app in _apps)
            if (app is { HasExited: false }) { app.Kill(entireProcessTree: true); await app.WaitForExitAsync(); }
        await Smtp.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
