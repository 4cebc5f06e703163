using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AlAroma.Tests.Infrastructure;

/// <summary>
/// A real SFTP server for the tests: Debian's OpenSSH <c>sshd</c> (package openssh-server, test.sh installs it) on a free
/// loopback port with its own host key and config, signing in the user the tests run as by key only (<see cref="ClientKey"/>;
/// <see cref="WrongKey"/> is a key it does not know), its SFTP subsystem the built-in <c>internal-sftp</c>. Files live under
/// <see cref="Root"/>, which the tests address by absolute path.
/// </summary>
public sealed class SshServer : IAsyncLifetime
{
    private Process? _server;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "alaroma-sshd-" + Guid.NewGuid().ToString("N"));

    public int Port { get; private set; }

    /// <summary>The user sshd signs in: the one running the tests (a non-root sshd can sign in no other).</summary>
    public string User { get; } = Environment.UserName;

    /// <summary>The private key sshd accepts (OpenSSH text).</summary>
    public string ClientKey { get; private set; } = "";

    /// <summary>A private key sshd does not accept.</summary>
    public string WrongKey { get; private set; } = "";

    /// <summary>The server's host key fingerprint as <c>ssh-keygen -l</c> prints it ("SHA256:…").</summary>
    public string HostFingerprint { get; private set; } = "";

    /// <summary>A folder for the test's remote files.</summary>
    public string Root => Path.Combine(_dir, "files");

    public async Task InitializeAsync()
    {
        var sshd = "/usr/sbin/sshd";
        if (!File.Exists(sshd)) throw new InvalidOperationException("sshd not found: install openssh-server (test.sh does).");
        Directory.CreateDirectory(Root);
        await RunAsync("ssh-keygen", $"-q -t ed25519 -N \"\" -C alaroma-test-host -f {_dir}/host_key");
        await RunAsync("ssh-keygen", $"-q -t ed25519 -N \"\" -C alaroma-test-client -f {_dir}/client_key");
        await RunAsync("ssh-keygen", $"-q -t ed25519 -N \"\" -C alaroma-test-stranger -f {_dir}/wrong_key");
        File.Copy($"{_dir}/client_key.pub", $"{_dir}/authorized_keys");
        ClientKey = await File.ReadAllTextAsync($"{_dir}/client_key");
        WrongKey = await File.ReadAllTextAsync($"{_dir}/wrong_key");
        HostFingerprint = (await RunAsync("ssh-keygen", $"-l -E sha256 -f {_dir}/host_key.pub")).Split(' ')[1];
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); Port = ((IPEndPoint)l.LocalEndpoint).Port; }
        await File.WriteAllTextAsync($"{_dir}/sshd_config", $"""
            ListenAddress 127.0.0.1
            Port {Port}
            HostKey {_dir}/host_key
            PidFile {_dir}/sshd.pid
            AuthorizedKeysFile {_dir}/authorized_keys
            StrictModes no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            PermitRootLogin prohibit-password
            Subsystem sftp internal-sftp
            LogLevel ERROR

            """);
        // Run as root, sshd wants its privilege-separation directory (made by the service unit, absent in a container).
        if (Environment.UserName == "root") Directory.CreateDirectory("/run/sshd");
        _server = Process.Start(new ProcessStartInfo(sshd, $"-D -e -f {_dir}/sshd_config") { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("sshd did not start.");
        for (var i = 0; i < 100; i++)
        {
            if (_server.HasExited) throw new InvalidOperationException($"sshd exited: {await _server.StandardError.ReadToEndAsync()}");
            try { using var c = new TcpClient(); await c.ConnectAsync(IPAddress.Loopback, Port); return; }
            catch (SocketException) { await Task.Delay(100); }
        }
        throw new TimeoutException("sshd did not start listening in 10 s.");
    }

    private static async Task<string> RunAsync(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {args}: {await p.StandardError.ReadToEndAsync()}");
        return output;
    }

    public Task DisposeAsync()
    {
        if (_server is { HasExited: false }) _server.Kill(entireProcessTree: true);
        _server?.Dispose();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }
}
