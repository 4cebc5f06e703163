using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Tests.Cli;

/// <summary>
/// An operator's script that calls the binary with a mistyped or newer command gets "unknown command" and exit code 2
/// at once, instead of a web server that never returns; host settings still start the server.
/// </summary>
public class UnknownCommandTests
{
    [Fact]
    public async Task A_mistyped_command_prints_the_command_list_and_exits_2_within_seconds()
    {
        using var app = AppProcess.Start(["import-catlog", "file.csv"]);
        // The web server never exits by itself: an exit at all (within a generous minute on a busy machine) is the point.
        var code = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(code == 2, $"exit {code?.ToString() ?? "none: still running after 60 s"}:\n{app.Output}");
        Assert.Contains("Unknown command 'import-catlog'.", app.Output);
        Assert.Contains("import-catalog <file>", app.Output);
        Assert.Contains("check-stock", app.Output);
        Assert.DoesNotContain("[db]", app.Output); // no database started for a usage error
    }

    [Fact]
    public async Task A_stray_word_after_host_settings_is_refused_too()
    {
        using var app = AppProcess.Start(["--urls", "http://127.0.0.1:0", "migrate"]);
        Assert.Equal(2, await app.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("The command 'migrate' must come first.", app.Output);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_exits_0()
    {
        using var app = AppProcess.Start(["help"]);
        Assert.Equal(0, await app.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("create-user <email> <role>", app.Output);
    }

    [Fact]
    public async Task Host_settings_in_every_form_still_start_the_web_server()
    {
        var db = await TestPostgres.CreateDatabaseAsync("cli");
        try
        {
            var url = $"http://127.0.0.1:{AppProcess.FreePort()}";
            using var app = AppProcess.Start(
                ["--urls", url, "--environment", "Production", "--Demo:Seed", "false", "Logging:PlainText=true", "/Pos:SellerDiscountLimitPercent=15"],
                new Dictionary<string, string> { ["ConnectionStrings__Default"] = db });
            await app.WaitReadyAsync(url);
        }
        finally { await TestPostgres.DropDatabaseAsync(db); }
    }

    [Theory]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5000" }, null)]
    [InlineData(new[] { "--urls=http://127.0.0.1:5000", "Demo:Seed=true", "/environment", "Production" }, null)]
    [InlineData(new[] { "import-catlog", "file.csv" }, "import-catlog")]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5000", "serve" }, "serve")]
    [InlineData(new[] { "-v" }, "-v")]
    [InlineData(new[] { "--environment", "Production", "--verbose" }, "--verbose")]
    public void Host_arguments_are_read_as_the_configuration_reads_them(string[] args, string? stray) =>
        Assert.Equal(stray, HostArguments.FirstStray(args));
}
