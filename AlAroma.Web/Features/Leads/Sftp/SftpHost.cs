using AlAroma.Web.Infrastructure.Auditing;

namespace AlAroma.Web.Features.Leads.Sftp;

/// <summary>
/// A partner's SFTP server the call centre takes bases from or puts exports on. The password and the private key are
/// stored encrypted with the app's Data Protection key ring (<see cref="SftpSecrets"/>), never in clear and never in the
/// audit log. The host key is pinned: a server that shows another key is refused (a changed key means a different
/// machine or a man in the middle, as OpenSSH's <c>known_hosts</c> check treats it).
/// </summary>
public sealed class SftpHost
{
    public int Id { get; set; }

    [AuditName("Название")]
    public string Name { get; set; } = "";

    /// <summary>DNS name or IP address.</summary>
    [AuditName("Адрес")]
    public string Address { get; set; } = "";

    /// <summary>TCP port (22 by default).</summary>
    [AuditName("Порт")]
    public int Port { get; set; } = 22;

    [AuditName("Пользователь")]
    public string UserName { get; set; } = "";

    /// <summary>The password, encrypted (<see cref="Infrastructure.Security.StoredSecrets.Protect"/>); null when the host signs in by key only.</summary>
    [AuditName("Пароль"), AuditSecret]
    public string? PasswordProtected { get; set; }

    /// <summary>The private key (OpenSSH or PEM text), encrypted; null when the host signs in by password.</summary>
    [AuditName("Закрытый ключ"), AuditSecret]
    public string? PrivateKeyProtected { get; set; }

    /// <summary>The key's passphrase, encrypted; null when the key has none.</summary>
    [AuditName("Пароль ключа"), AuditSecret]
    public string? PassphraseProtected { get; set; }

    /// <summary>
    /// The pinned host key: its SHA-256 fingerprint as <c>ssh-keygen -l</c> prints it ("SHA256:" and unpadded base64).
    /// Null until the first check: no file is moved before a key is pinned.
    /// </summary>
    [AuditName("Отпечаток ключа сервера")]
    public string? HostKeyFingerprint { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
