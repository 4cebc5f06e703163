using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AlAroma.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for the tests: Debian's aiosmtpd (python3-aiosmtpd, RFC 5321) on a free loopback port,
/// storing every message it accepts in a maildir that the test reads back. <see cref="RefuseNext"/> and
/// <see cref="RefuseAll"/> make it answer 451 (try later) through the handler in <c>smtp_handler.py</c>; a
/// recipient starting with "bounce" gets 550.
/// </summary>
public sealed class SmtpCapture : IAsyncLifetime
{
    private Process? _server;
    private readonly string _maildir = Path.Combine(Path.GetTempPath(), "alaroma-smtp-" + Guid.NewGuid().ToString("N"));
    private string Control => _maildir + ".refuse";

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); Port = ((IPEndPoint)l.LocalEndpoint).Port; }
        // Debian's interpreter, where apt installs python3-aiosmtpd (a pyenv python3 on PATH would not have it).
        _server = Process.Start(new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3", $"-m aiosmtpd -n -l 127.0.0.1:{Port} -c smtp_handler.RefusingMailbox {_maildir} {Control}")
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
            Environment = { ["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "Infrastructure") },
        }) ?? throw new InvalidOperationException("python3 not found: install python3-aiosmtpd (test.sh does).");
        for (var i = 0; i < 100; i++)
        {
            if (_server.HasExited)
                throw new InvalidOperationException($"aiosmtpd exited: {await _server.StandardError.ReadToEndAsync()} (install python3-aiosmtpd; test.sh does)");
            try { using var c = new TcpClient(); await c.ConnectAsync(IPAddress.Loopback, Port); return; }
            catch (SocketException) { await Task.Delay(100); }
        }
        throw new TimeoutException("aiosmtpd did not start listening in 10 s.");
    }

    /// <summary>The raw RFC 5322 messages received so far.</summary>
    public IReadOnlyList<string> Messages()
    {
        var dir = Path.Combine(_maildir, "new");
        return Directory.Exists(dir) ? Directory.GetFiles(dir).Select(File.ReadAllText).ToList() : [];
    }

    /// <summary>The next <paramref name="count"/> messages are refused with 451, then the server accepts again.</summary>
    public void RefuseNext(int count) => File.WriteAllText(Control, count.ToString());

    /// <summary>Every message is refused with 451 until <see cref="Accept"/>.</summary>
    public void RefuseAll() => File.WriteAllText(Control, "all");

    /// <summary>Accepts every message again.</summary>
    public void Accept() => File.Delete(Control);

    public Task DisposeAsync()
    {
        if (File.Exists(Control)) File.Delete(Control);
        if (_server is { HasExited: false }) _server.Kill(entireProcessTree: true);
        _server?.Dispose();
        if (Directory.Exists(_maildir)) Directory.Delete(_maildir, recursive: true);
        return Task.CompletedTask;
    }
}
