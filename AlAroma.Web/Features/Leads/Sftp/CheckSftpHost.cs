using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Sftp;

/// <summary>
/// «Проверить соединение»: shows the key the server presents; without a pinned key the administrator compares it with
/// the partner's and pins it; with one, signs in and lists the home folder to prove the credentials.
/// </summary>
public sealed class CheckSftpHost(AppDbContext db, SftpConnection connection)
{
    /// <summary>The outcome: the key seen ("SHA256:…"), the pinned one, whether the sign-in worked, and a Russian sentence.</summary>
    public sealed record Result(string? Seen, string? Pinned, bool Ok, string Message);

    /// <summary>Checks host <paramref name="id"/>.</summary>
    /// <exception cref="BusinessRuleException">No such host.</exception>
    public async Task<Result> HandleAsync(int id, CancellationToken ct)
    {
        var host = await db.SftpHosts.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new BusinessRuleException("Сервер не найден — обновите список.");
        string seen;
        try { seen = await connection.HostKeyAsync(host, ct); }
        catch (BusinessRuleException e) { return new Result(null, host.HostKeyFingerprint, false, e.Message); }
        if (host.HostKeyFingerprint is null)
            return new Result(seen, null, false, "Ключ сервера ещё не закреплён. Сверьте отпечаток с тем, что дал администратор сервера, и нажмите «Закрепить ключ».");
        if (seen != host.HostKeyFingerprint)
            return new Result(seen, host.HostKeyFingerprint, false, "Сервер предъявил другой ключ, чем закреплённый: обмен с ним остановлен. Закрепите новый ключ, только если администратор сервера подтвердил его смену.");
        try
        {
            using var client = await connection.OpenAsync(host, ct);
            var entries = 0;
            await foreach (var _ in client.ListDirectoryAsync(".", ct)) entries++;
            return new Result(seen, host.HostKeyFingerprint, true, $"Соединение установлено, вход выполнен: в домашней папке {entries} записей.");
        }
        catch (BusinessRuleException e) { return new Result(seen, host.HostKeyFingerprint, false, e.Message); }
    }
}
