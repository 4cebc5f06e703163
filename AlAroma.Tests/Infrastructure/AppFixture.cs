using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Infrastructure;

/// <summary>
/// The whole application on its own fresh database (demo chain seeded), for integration tests: call handlers
/// through <see cref="Scope"/>, or make HTTP requests as a signed-in user through <see cref="ClientAsync"/>.
/// Use as an xunit class fixture.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>The folder of this fixture's uploaded bases (<c>Leads:Folder</c>), removed with it.</summary>
    public string LeadsFolder { get; } = Path.Combine(Path.GetTempPath(), "alaroma-leads-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("ConnectionStrings:Default", ConnectionString);
            b.UseSetting("Demo:Seed", "false");
            b.UseSetting("Jobs:Enabled", "false"); // no scheduler polling in tests that do not care about jobs (Jobs/ClusterJobsTests turns it on)
            b.UseSetting("Logging:PlainText", "true");
            b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            // Tests send queued notifications themselves (OutboxDispatcher.DispatchOnceAsync) or turn this on.
            b.UseSetting("Notifications:Outbox:DispatcherEnabled", "false");
            // Tests POST updates to the bots' webhook themselves: no setWebhook or getUpdates polling at start.
            b.UseSetting("Bots:Telegram:Mode", "Off");
            // Tests sign in as the seeded admin and manager with the password; Account/TwoFactorTests turns the requirement on.
            b.UseSetting("Security:TwoFactor:RequiredForRoles", "");
            // Lead imports are run by the tests through LeadImportWorker.RunNextAsync; their files go to a private folder.
            b.UseSetting("Leads:Worker:Enabled", "false");
            b.UseSetting("Leads:Folder", LeadsFolder);
        });
        using var scope = Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Seeder>().SeedDemoAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await DropDatabaseAsync(ConnectionString);
        if (Directory.Exists(LeadsFolder)) Directory.Delete(LeadsFolder, recursive: true);
    }

    /// <summary>The fixture's database: a fresh copy of the migrated template on the tests' cluster.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => TestPostgres.CreateDatabaseAsync();

    /// <summary>Removes what <see cref="CreateDatabaseAsync"/> made.</summary>
    protected virtual Task DropDatabaseAsync(string connectionString) => TestPostgres.DropDatabaseAsync(connectionString);

    /// <summary>A DI scope of the app (handlers, AppDbContext with auditing). Dispose it.</summary>
    public IServiceScope Scope() => Factory.Services.CreateScope();

    /// <summary>A bare AppDbContext on the fixture's database for arranging and asserting.</summary>
    public AppDbContext Db() => TestPostgres.NewContext(ConnectionString);

    /// <summary>An HTTP client with cookies; signed in as <paramref name="email"/> (demo password) unless null.</summary>
    public Task<HttpClient> ClientAsync(string? email) => ClientAsync(Factory, email);

    /// <summary>As <see cref="ClientAsync(string?)"/> on another host of the app (e.g. one with changed settings).</summary>
    public static async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> factory, string? email)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (email is null) return client;
        var form = await FormTokenAsync(client, "/account/login");
        var resp = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = Seeder.DemoPassword, ["__RequestVerificationToken"] = form,
        }));
        if (resp.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Login of {email} failed: {resp.StatusCode}");
        return client;
    }

    /// <summary>The antiforgery token of the form on <paramref name="url"/>.</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var m = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        if (!m.Success) m = Regex.Match(html, "<meta name=\"antiforgery\" content=\"([^\"]+)\"");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {url}");
    }
}
