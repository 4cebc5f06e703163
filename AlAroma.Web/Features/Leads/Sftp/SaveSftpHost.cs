using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Sftp;

/// <summary>
/// Creates or edits an <see cref="SftpHost"/>. A blank password or key field keeps the stored one (the form never shows
/// secrets back); «удалить пароль/ключ» clears it. Changing the address or port unpins the host key: it belongs to the
/// old server.
/// </summary>
public sealed class SaveSftpHost(AppDbContext db, SftpSecrets secrets, TimeProvider clock)
{
    /// <summary>The host form; <see cref="Id"/> is null for a new one.</summary>
    public sealed class Input
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public string? Address { get; set; }
        public int Port { get; set; } = 22;
        public string? UserName { get; set; }

        /// <summary>New password; blank keeps the stored one.</summary>
        public string? Password { get; set; }

        /// <summary>New private key (OpenSSH/PEM text); blank keeps the stored one.</summary>
        public string? PrivateKey { get; set; }
        public string? Passphrase { get; set; }
        public bool ClearPassword { get; set; }
        public bool ClearKey { get; set; }

        // Shown on the form, never posted back.
        public bool HasPassword { get; set; }
        public bool HasKey { get; set; }
        public string? HostKeyFingerprint { get; set; }

        /// <summary>Field errors (field → Russian message) that need no database.</summary>
        public IEnumerable<(string Field, string Message)> Validate()
        {
            if (string.IsNullOrWhiteSpace(Name)) yield return (nameof(Name), "Укажите название сервера, например «Поставщик Альфа».");
            else if (Name.Trim().Length > 200) yield return (nameof(Name), "Название — не длиннее 200 символов.");
            if (string.IsNullOrWhiteSpace(Address)) yield return (nameof(Address), "Укажите адрес сервера: имя (sftp.example.ru) или IP.");
            else if (Address.Trim().Length > 255 || Address.Trim().Contains(' ') || Address.Contains("://"))
                yield return (nameof(Address), "Адрес — только имя или IP сервера, без sftp:// и пробелов.");
            if (Port is < 1 or > 65535) yield return (nameof(Port), "Порт — число от 1 до 65535 (обычно 22).");
            if (string.IsNullOrWhiteSpace(UserName)) yield return (nameof(UserName), "Укажите пользователя, под которым входить на сервер.");
            else if (UserName.Trim().Length > 100) yield return (nameof(UserName), "Пользователь — не длиннее 100 символов.");
            if (!string.IsNullOrWhiteSpace(PrivateKey) && !PrivateKey.Contains("PRIVATE KEY"))
                yield return (nameof(PrivateKey), "Это не закрытый ключ: вставьте текст файла ключа целиком, от «-----BEGIN … PRIVATE KEY-----» до «-----END … PRIVATE KEY-----».");
        }
    }

    /// <summary>The form of host <paramref name="id"/> (null: a new one); null when there is no such host.</summary>
    public async Task<Input?> FormAsync(int? id, CancellationToken ct)
    {
        if (id is null) return new Input();
        var h = await db.SftpHosts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return h is null ? null : new Input
        {
            Id = h.Id, Name = h.Name, Address = h.Address, Port = h.Port, UserName = h.UserName,
            HasPassword = h.PasswordProtected is not null, HasKey = h.PrivateKeyProtected is not null, HostKeyFingerprint = h.HostKeyFingerprint,
        };
    }

    /// <summary>Saves and returns the host id.</summary>
    /// <exception cref="BusinessRuleException">An invalid form, an unknown id, a name taken, or neither a password nor a key.</exception>
    public async Task<int> HandleAsync(Input input, CancellationToken ct)
    {
        if (input.Validate().FirstOrDefault() is { Message: { } error }) throw new BusinessRuleException(error);
        var name = input.Name!.Trim();
        if (await db.SftpHosts.AnyAsync(h => h.Name == name && h.Id != input.Id, ct))
            throw new BusinessRuleException($"Сервер «{name}» уже есть — откройте его в списке или дайте другое название.");
        SftpHost host;
        if (input.Id is { } id)
            host = await db.SftpHosts.FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new BusinessRuleException("Сервер не найден — обновите список.");
        else db.SftpHosts.Add(host = new SftpHost { CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        var address = input.Address!.Trim();
        if (host.Address != address || host.Port != input.Port) host.HostKeyFingerprint = null;
        host.Name = name;
        host.Address = address;
        host.Port = input.Port;
        host.UserName = input.UserName!.Trim();
        if (input.ClearPassword) host.PasswordProtected = null;
        if (!string.IsNullOrEmpty(input.Password)) host.PasswordProtected = secrets.Protect(input.Password);
        if (input.ClearKey) host.PrivateKeyProtected = host.PassphraseProtected = null;
        if (!string.IsNullOrWhiteSpace(input.PrivateKey))
        {
            host.PrivateKeyProtected = secrets.Protect(input.PrivateKey.Trim() + "\n");
            host.PassphraseProtected = secrets.Protect(input.Passphrase);
        }
        if (host.PasswordProtected is null && host.PrivateKeyProtected is null)
            throw new BusinessRuleException("Укажите пароль или закрытый ключ для входа на сервер.");
        await db.SaveChangesAsync(ct);
        return host.Id;
    }

    /// <summary>
    /// Pins <paramref name="fingerprint"/> as the host's key, after the administrator compared it with the partner's.
    /// </summary>
    /// <exception cref="BusinessRuleException">No such host, or the fingerprint is not in the "SHA256:…" form.</exception>
    public async Task PinAsync(int id, string? fingerprint, CancellationToken ct)
    {
        var f = fingerprint?.Trim() ?? "";
        if (!System.Text.RegularExpressions.Regex.IsMatch(f, "^SHA256:[A-Za-z0-9+/]{43}$"))
            throw new BusinessRuleException("Отпечаток ключа — в виде SHA256:… (43 символа base64), как его печатает ssh-keygen -l.");
        var host = await db.SftpHosts.FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new BusinessRuleException("Сервер не найден — обновите список.");
        host.HostKeyFingerprint = f;
        await db.SaveChangesAsync(ct);
    }
}
