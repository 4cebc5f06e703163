using Microsoft.AspNetCore.DataProtection;

namespace AlAroma.Web.Features.Leads.Sftp;

/// <summary>
/// Encrypts the SFTP hosts' passwords and keys with the app's Data Protection key ring (kept in PostgreSQL and shared by
/// every instance), so a database dump alone does not give the partner's server away.
/// </summary>
public sealed class SftpSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("AlAroma.Leads.Sftp.v1");

    /// <summary>The encrypted form of <paramref name="secret"/>; null for null or blank.</summary>
    public string? Protect(string? secret) => string.IsNullOrEmpty(secret) ? null : _protector.Protect(secret);

    /// <summary>The clear text of a value made by <see cref="Protect"/>; null for null.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key ring that encrypted it is gone.</exception>
    public string? Unprotect(string? protectedValue) => protectedValue is null ? null : _protector.Unprotect(protectedValue);
}
