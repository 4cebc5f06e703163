using System.Net.Sockets;
using AlAroma.Web.Infrastructure;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace AlAroma.Web.Features.Leads.Sftp;

/// <summary>
/// Opens SSH.NET clients to an <see cref="SftpHost"/> with its pinned host key: a server whose key's SHA-256 fingerprint
/// differs from the pinned one is refused before anything is sent. Failures become <see cref="BusinessRuleException"/>s
/// whose Russian message says what to do.
/// </summary>
public sealed class SftpConnection(SftpSecrets secrets)
{
    /// <summary>How long connecting and each SFTP request may take, seconds.</summary>
    public const int TimeoutSeconds = 30;

    /// <summary>A connected client; dispose it.</summary>
    /// <exception cref="BusinessRuleException">No key pinned, the key changed, the sign-in refused, or the server unreachable.</exception>
    public async Task<SftpClient> OpenAsync(SftpHost host, CancellationToken ct)
    {
        if (host.HostKeyFingerprint is not { } pinned)
            throw new BusinessRuleException($"Для сервера «{host.Name}» не закреплён ключ: нажмите «Проверить соединение» на его странице и подтвердите отпечаток.");
        string? seen = null;
        var client = new SftpClient(Info(host)) { OperationTimeout = TimeSpan.FromSeconds(TimeoutSeconds) };
        client.HostKeyReceived += (_, e) =>
        {
            seen = "SHA256:" + e.FingerPrintSHA256;
            e.CanTrust = string.Equals(seen, pinned, StringComparison.Ordinal);
        };
        try
        {
            await client.ConnectAsync(ct);
            return client;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            client.Dispose();
            if (seen is not null && seen != pinned)
                throw new BusinessRuleException($"Сервер «{host.Name}» предъявил другой ключ ({seen}, закреплён {pinned}). Соединение отклонено: " +
                    "если ключ сменили на сервере, узнайте новый отпечаток у его администратора и закрепите его заново.");
            throw Explain(host, e);
        }
    }

    /// <summary>
    /// Connects only far enough to see the server's host key (no sign-in) and returns its fingerprint ("SHA256:…"), for
    /// the administrator to compare with the one the partner gave and pin.
    /// </summary>
    /// <exception cref="BusinessRuleException">The server unreachable.</exception>
    public async Task<string> HostKeyAsync(SftpHost host, CancellationToken ct)
    {
        string? seen = null;
        using var client = new SftpClient(Info(host)) { OperationTimeout = TimeSpan.FromSeconds(TimeoutSeconds) };
        client.HostKeyReceived += (_, e) =>
        {
            seen = "SHA256:" + e.FingerPrintSHA256;
            e.CanTrust = false;
        };
        try
        {
            await client.ConnectAsync(ct);
            client.Disconnect();
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (seen is not null) return seen; // refused on purpose once the key was seen
            throw Explain(host, e);
        }
        return seen ?? throw new BusinessRuleException($"Сервер «{host.Name}» не предъявил ключ.");
    }

    private Renci.SshNet.ConnectionInfo Info(SftpHost host)
    {
        var methods = new List<AuthenticationMethod>();
        if (secrets.Unprotect(host.PrivateKeyProtected) is { } key)
        {
            try
            {
                using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(key.Replace("\r\n", "\n")));
                methods.Add(new PrivateKeyAuthenticationMethod(host.UserName, new PrivateKeyFile(stream, secrets.Unprotect(host.PassphraseProtected))));
            }
            catch (Exception e) when (e is SshException or ArgumentException or InvalidOperationException)
            {
                throw new BusinessRuleException($"Закрытый ключ сервера «{host.Name}» не читается ({e.Message}). Вставьте ключ в формате OpenSSH или PEM целиком и проверьте пароль ключа.");
            }
        }
        if (secrets.Unprotect(host.PasswordProtected) is { } password) methods.Add(new PasswordAuthenticationMethod(host.UserName, password));
        if (methods.Count == 0) methods.Add(new NoneAuthenticationMethod(host.UserName));
        return new Renci.SshNet.ConnectionInfo(host.Address, host.Port, host.UserName, [.. methods]) { Timeout = TimeSpan.FromSeconds(TimeoutSeconds) };
    }

    private static BusinessRuleException Explain(SftpHost host, Exception e) => e switch
    {
        SshAuthenticationException => new($"Сервер «{host.Name}» не принял вход пользователя {host.UserName}: проверьте пароль или ключ."),
        SocketException or SshOperationTimeoutException or TimeoutException or SshConnectionException =>
            new($"Не удалось соединиться с {host.Address}:{host.Port} ({e.Message}). Проверьте адрес, порт и доступ к серверу из сети магазина."),
        _ => new($"Ошибка SFTP на сервере «{host.Name}»: {e.Message}"),
    };
}
