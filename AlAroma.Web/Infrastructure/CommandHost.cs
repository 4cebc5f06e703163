using AlAroma.Web.Data;

namespace AlAroma.Web.Infrastructure;

/// <summary>
/// A host without the web pipeline for the commands that need only the database and a few use cases of their own (the
/// call centre's <c>import-leads</c>, <c>export-leads</c>…): no Kestrel, MVC, Identity, jobs or bots are registered or
/// loaded, so an operator's script starts faster and a load of millions of rows runs in about half the memory of the
/// full app (bench/AlAroma.Bench, <c>leads</c>). Configuration, logging and the database are the app's own.
/// </summary>
public static class CommandHost
{
    /// <summary>
    /// Runs command <c>args[0]</c> (registered with <see cref="Cli.Register"/> by <paramref name="addServices"/> or before)
    /// on a host holding the database plus what <paramref name="addServices"/> adds, and returns its exit code.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, Action<IServiceCollection> addServices)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            // The name the web app reads, so that appsettings.{Environment}.json is the same file for both.
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } e ? e
                : Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } d ? d : Environments.Production,
        });
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning"; // the command prints its own lines
        builder.AddLogging();
        builder.AddDatabase();
        builder.Services.AddSingleton<ICurrentUser>(new NamedUser(null, "system"));
        addServices(builder.Services);
        using var host = builder.Build();
        return await Cli.RunAsync(host.Services, args);
    }
}
