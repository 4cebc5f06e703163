using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace AlAroma.Web.Infrastructure.Backups;

/// <summary>
/// Runs PostgreSQL's client tools (<c>pg_dump</c>, <c>pg_restore</c>) against a database. A dump must be made by the
/// tools of the server's major version or newer, so the tools are taken from <c>/usr/lib/postgresql/&lt;major&gt;/bin</c>
/// (Debian's layout, package <c>postgresql-client-&lt;major&gt;</c>), or the one on PATH when its version matches.
/// The password goes through the <c>PGPASSWORD</c> environment variable, never the command line (where <c>ps</c>
/// would show it).
/// </summary>
public static partial class PgTools
{
    /// <summary>The server's major version, from <c>SHOW server_version_num</c> (e.g. 150004 → 15).</summary>
    public static async Task<int> ServerMajorAsync(string connectionString, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SHOW server_version_num", conn);
        return int.Parse((string)(await cmd.ExecuteScalarAsync(ct))!) / 10000;
    }

    /// <summary>Path of <paramref name="tool"/> for server major version <paramref name="major"/>.</summary>
    /// <exception cref="InvalidOperationException">Not installed; the message names the package.</exception>
    public static string Find(string tool, int major)
    {
        var debian = $"/usr/lib/postgresql/{major}/bin/{tool}";
        if (File.Exists(debian)) return debian;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var exe = Path.Combine(dir, tool);
            if (File.Exists(exe) && VersionOf(exe) == major) return exe;
        }
        throw new InvalidOperationException(
            $"Не найден {tool} версии {major} (сервер PostgreSQL {major}). Установите клиент: apt-get install postgresql-client-{major} " +
            $"(scripts/prerequisites.sh делает это сам). / {tool} {major} not found: install postgresql-client-{major}.");
    }

    /// <summary>
    /// Runs <paramref name="exe"/> with <paramref name="args"/> against the database of <paramref name="connectionString"/>
    /// (host, port, user, database and password as PG* environment variables).
    /// </summary>
    /// <exception cref="InvalidOperationException">The tool failed; the message carries its error output.</exception>
    public static async Task RunAsync(string exe, IEnumerable<string> args, string connectionString, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var psi = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PGHOST"] = cs.Host ?? "localhost";
        psi.Environment["PGPORT"] = cs.Port.ToString();
        psi.Environment["PGUSER"] = cs.Username ?? Environment.UserName;
        psi.Environment["PGDATABASE"] = cs.Database ?? "postgres";
        if (!string.IsNullOrEmpty(cs.Password)) psi.Environment["PGPASSWORD"] = cs.Password;
        if (cs.SslMode is SslMode.Require or SslMode.VerifyCA or SslMode.VerifyFull) psi.Environment["PGSSLMODE"] = cs.SslMode.ToString().ToLowerInvariant().Replace("verifyca", "verify-ca").Replace("verifyfull", "verify-full");
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {exe}.");
        var stderr = p.StandardError.ReadToEndAsync(ct);
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        var err = (await stderr).Trim();
        await stdout;
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(exe)} завершился с кодом {p.ExitCode}: {(err.Length > 0 ? err : "без сообщения")}");
    }

    private static int? VersionOf(string exe)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(exe, "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            var text = p!.StandardOutput.ReadToEnd();
            p.WaitForExit(5000);
            var m = MajorPattern().Match(text);
            return m.Success ? int.Parse(m.Groups[1].Value) : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }

    [GeneratedRegex(@"\) (\d+)")]
    private static partial Regex MajorPattern();
}
