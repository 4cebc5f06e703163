using System.Diagnostics;
using System.Text;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Tests.Cli;

/// <summary>
/// The built AlAroma.Web.dll run as its own process, the way an operator runs it (web server or CLI command), with its
/// console output collected. Nothing of the test process's database settings leaks in; any web server it starts listens
/// on a free loopback port, never on 5000.
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process) => _process = process;

    /// <summary>Starts the app with <paramref name="args"/> and the extra environment <paramref name="env"/>.</summary>
    public static AppProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null)
    {
        var config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(WebRoot.RepoRoot()!, "AlAroma.Web", "bin", config, "net10.0", "AlAroma.Web.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__") || k.StartsWith("LocalDb__")).ToList())
            psi.Environment.Remove(key);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        psi.Environment["Logging__PlainText"] = "true";
        psi.Environment["Demo__Seed"] = "false";
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        var app = new AppProcess(Process.Start(psi)!);
        app._process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Everything the process printed so far, stdout and stderr interleaved.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, or null when the process is still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { return null; }
        return _process.ExitCode;
    }

    /// <summary>Waits until the web server at <paramref name="baseUrl"/> answers /health/ready (database reachable).</summary>
    /// <exception cref="InvalidOperationException">It exited or was not ready in 5 minutes (a fresh cluster applies every
    /// migration first, and the machine is shared); the message holds its output.</exception>
    public async Task WaitReadyAsync(string baseUrl)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited) throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{Output}");
            try { if ((await http.GetAsync($"{baseUrl}/health/ready")).StatusCode == System.Net.HttpStatusCode.OK) return; }
            catch (HttpRequestException) { }
            await Task.Delay(300);
        }
        throw new InvalidOperationException("The app was not ready in 5 minutes:\n" + Output);
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>Kills the process and its children at once (SIGKILL): a crash, an OOM kill, a pulled plug.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Asks the process to shut down as Ctrl+C or a service manager would (SIGTERM).</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
