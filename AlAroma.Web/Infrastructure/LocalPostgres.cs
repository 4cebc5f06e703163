using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace AlAroma.Web.Infrastructure;

/// <summary>
/// A private PostgreSQL cluster in a folder of the checkout, for running the app and the tests on a machine
/// with the server binaries (<c>initdb</c>, <c>pg_ctl</c>) but no configured database. Listens on 127.0.0.1
/// only, trusts local connections (the folder is private to the checkout), superuser "alaroma".
/// PostgreSQL refuses to run as root, so as root the binaries run through <c>runuser -u postgres</c>; when that user
/// cannot enter the checkout (a clone under <c>/root</c> or in a <c>mktemp -d</c> folder, both mode 700) the cluster
/// lives under <see cref="ReachableRoot"/> instead.
/// Several processes of the app (the web server, CLI commands) may share one cluster: each leaves a lease file in it,
/// and only the process responsible for the server stops it, when no other one uses it (see <see cref="Release"/>).
/// </summary>
public sealed class LocalPostgres
{
    /// <summary>
    /// Where clusters go whose own folder the <c>postgres</c> user cannot reach: one folder per checkout (a hash of the
    /// folder above the data folder), owned by <c>postgres</c>, mode 700. /var/tmp survives a reboot, unlike /tmp.
    /// </summary>
    public const string ReachableRoot = "/var/tmp/alaroma-pg";

    /// <summary>Data folder of the cluster; after <see cref="Start"/>, the folder it actually lives in.</summary>
    public string DataDir { get; private set; }

    /// <summary>TCP port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    public LocalPostgres(string dataDir, int port = 0)
    {
        DataDir = Path.GetFullPath(dataDir);
        Port = port;
    }

    /// <summary>Writes a line about the cluster to the console, marked as the database's.</summary>
    public static void PrintToConsole(string message) => Console.WriteLine($"[db] {message}");

    /// <summary>Connection string to database <paramref name="database"/> of this cluster.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=alaroma;Database={database};Pooling=true;Maximum Pool Size=60";

    /// <summary>
    /// Creates the cluster on first use, starts it if it is not running, waits until it accepts connections and
    /// records this process as one of its users.
    /// </summary>
    /// <returns>True when this call started the server, false when it was already running (another process's).</returns>
    /// <exception cref="InvalidOperationException">The server binaries are missing or the server did not start; the message says what to do.</exception>
    public bool Start(Action<string>? log = null)
    {
        var bin = FindBinDir() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them (Debian/Ubuntu: apt-get install postgresql) " +
            "or start a database with 'docker compose up -d db' and set ConnectionStrings__Default.");
        var asRoot = Environment.UserName == "root";
        if (asRoot) DataDir = ReachableDataDir(DataDir, log);
        if (!File.Exists(Path.Combine(DataDir, "PG_VERSION")))
        {
            log?.Invoke($"Creating a private PostgreSQL cluster in {DataDir}");
            Directory.CreateDirectory(DataDir);
            if (asRoot) Run("chown", $"-R postgres:postgres \"{DataDir}\"");
            PgRun(bin, asRoot, "initdb", $"-D \"{DataDir}\" -U alaroma --auth=trust -E UTF8 --locale=C.UTF-8");
        }
        var portFile = Path.Combine(DataDir, "alaroma.port");
        if (IsRunning(bin, asRoot))
        {
            Port = int.Parse(File.ReadAllText(portFile).Trim());
            log?.Invoke($"Reusing the running PostgreSQL on 127.0.0.1:{Port}");
            Join();
            return false;
        }
        // The preferred port, else the one used last time, else any free one: another checkout's cluster may hold it.
        if (Port == 0 || !IsFree(Port))
        {
            var last = File.Exists(portFile) ? int.Parse(File.ReadAllText(portFile).Trim()) : 0;
            Port = last > 0 && IsFree(last) ? last : FreePort();
        }
        File.WriteAllText(portFile, Port.ToString());
        if (asRoot) Run("chown", $"postgres:postgres \"{portFile}\"");
        var logFile = Path.Combine(DataDir, "server.log");
        var opts = $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories='' -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        log?.Invoke($"Starting PostgreSQL on 127.0.0.1:{Port}");
        PgRun(bin, asRoot, "pg_ctl", $"-D \"{DataDir}\" -l \"{logFile}\" -o \"{opts}\" -w -t 60 start");
        File.WriteAllText(OwnerFile, Environment.ProcessId.ToString());
        Join();
        return true;
    }

    /// <summary>
    /// Ends this process's use of the cluster. Stops the server only when this process is responsible for it (it started
    /// it, was handed it, or the process that started it has exited) and no other live process of the app still uses
    /// it; when others do, hands the responsibility to one of them. A server someone else started keeps running.
    /// </summary>
    /// <returns>Whether the server was stopped.</returns>
    public bool Release(Action<string>? log = null)
    {
        var me = Environment.ProcessId;
        File.Delete(Path.Combine(UsersDir, me.ToString()));
        var owner = ReadPid(OwnerFile);
        if (owner is null || (owner != me && IsAlive(owner.Value))) return false;
        var others = OtherLiveUsers();
        if (others.Count > 0)
        {
            File.WriteAllText(OwnerFile, others[0].ToString());
            log?.Invoke($"Leaving PostgreSQL on 127.0.0.1:{Port} running: process {others[0]} still uses it");
            return false;
        }
        log?.Invoke("Stopping PostgreSQL");
        Stop();
        return true;
    }

    /// <summary>Stops the cluster (fast shutdown) whoever uses it. Safe to call when it is not running.</summary>
    public void Stop()
    {
        var bin = FindBinDir();
        if (bin is null || !File.Exists(Path.Combine(DataDir, "postmaster.pid"))) return;
        try { PgRun(bin, Environment.UserName == "root", "pg_ctl", $"-D \"{DataDir}\" -m fast -w stop"); }
        catch (InvalidOperationException) { /* already stopped */ }
        File.Delete(OwnerFile);
        if (Directory.Exists(UsersDir)) Directory.Delete(UsersDir, recursive: true);
    }

    /// <summary>Holds the process id of the process responsible for stopping the server.</summary>
    private string OwnerFile => Path.Combine(DataDir, "alaroma.owner");

    /// <summary>One empty file per process using the server, named by its process id.</summary>
    private string UsersDir => Path.Combine(DataDir, "alaroma.users");

    private void Join()
    {
        Directory.CreateDirectory(UsersDir);
        File.WriteAllText(Path.Combine(UsersDir, Environment.ProcessId.ToString()), "");
    }

    private List<int> OtherLiveUsers()
    {
        var live = new List<int>();
        if (!Directory.Exists(UsersDir)) return live;
        foreach (var file in Directory.GetFiles(UsersDir))
        {
            if (!int.TryParse(Path.GetFileName(file), out var pid) || pid == Environment.ProcessId) continue;
            if (IsAlive(pid)) live.Add(pid);
            else File.Delete(file); // a user that crashed or was killed
        }
        return live;
    }

    private static int? ReadPid(string file) =>
        File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var pid) ? pid : null;

    private static bool IsAlive(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>
    /// <paramref name="dataDir"/> when the postgres user can enter the folder above it, else its place under
    /// <see cref="ReachableRoot"/> (announced through <paramref name="log"/>). The user's folders are left as they are:
    /// making a home folder traversable would open it to every account on the machine.
    /// </summary>
    private static string ReachableDataDir(string dataDir, Action<string>? log)
    {
        var parent = Path.GetDirectoryName(dataDir)!;
        Directory.CreateDirectory(parent);
        if (AsPostgres("test", "-x", parent).Code == 0) return dataDir;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parent)))[..12];
        var moved = Path.Combine(ReachableRoot, hash, Path.GetFileName(dataDir));
        // postgres makes the folders itself, and /var/tmp is sticky: nobody else can have prepared or can swap them.
        var made = AsPostgres("mkdir", "-p", "-m", "700", ReachableRoot);
        if (made.Code != 0 || new DirectoryInfo(ReachableRoot).LinkTarget is not null || AsPostgres("test", "-O", ReachableRoot).Code != 0)
            throw new InvalidOperationException(
                $"The postgres user cannot enter {parent}, and {ReachableRoot} is not a folder of its own ({made.Output.Trim()}). " +
                $"Remove {ReachableRoot}, or clone the project into a folder the postgres user can reach.");
        made = AsPostgres("mkdir", "-p", moved);
        if (made.Code != 0) throw new InvalidOperationException($"Could not create {moved} as the postgres user: {made.Output.Trim()}");
        log?.Invoke($"The postgres user cannot enter {parent} (a folder above it is private), so this cluster lives in {moved}");
        return moved;
    }

    private bool IsRunning(string bin, bool asRoot) =>
        File.Exists(Path.Combine(DataDir, "postmaster.pid")) && File.Exists(Path.Combine(DataDir, "alaroma.port")) &&
        TryPgRun(bin, asRoot, "pg_ctl", $"-D \"{DataDir}\" status");

    private static string? FindBinDir()
    {
        var candidates = new List<string>();
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)) candidates.Add(dir);
        if (Directory.Exists("/usr/lib/postgresql"))
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static void PgRun(string bin, bool asRoot, string tool, string args)
    {
        var (code, output) = Exec(bin, asRoot, tool, args);
        if (code != 0) throw new InvalidOperationException($"{tool} failed (exit {code}): {output.Trim()}");
    }

    private static bool TryPgRun(string bin, bool asRoot, string tool, string args) => Exec(bin, asRoot, tool, args).Code == 0;

    private static (int Code, string Output) Exec(string bin, bool asRoot, string tool, string args)
    {
        var exe = Path.Combine(bin, tool);
        return Capture(asRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- \"{exe}\" {args}")
            : new ProcessStartInfo(exe, args));
    }

    /// <summary>Runs a command as the postgres user (the caller is root).</summary>
    private static (int Code, string Output) AsPostgres(params string[] command) =>
        Capture(new ProcessStartInfo("runuser", ["-u", "postgres", "--", .. command]));

    private static (int Code, string Output) Capture(ProcessStartInfo psi)
    {
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = "/tmp";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static void Run(string exe, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(exe, args) { RedirectStandardError = true })!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} {args} failed: {p.StandardError.ReadToEnd()}");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try { using var l = new TcpListener(IPAddress.Loopback, port); l.Start(); return true; }
        catch (SocketException) { return false; }
    }
}
