using Microsoft.AspNetCore.DataProtection;

namespace AlAroma.Web.Infrastructure.Security;

/// <summary>
/// Secrets the app must read back in clear (a partner's SFTP password, an external register's HMAC secret) encrypted with
/// the app's Data Protection key ring (kept in PostgreSQL and shared by every instance), so a database dump alone does
/// not give them away. One subclass per purpose: a value protected for one purpose cannot be read as another's.
/// </summary>
public abstract class StoredSecrets(IDataProtectionProvider provider, string purpose)
{
    private readonly IDataProtector _protector = provider.CreateProtector(purpose);

    /// <summary>The encrypted form of <paramref name="secret"/>; null for null or blank.</summary>
    public string? Protect(string? secret) => string.IsNullOrEmpty(secret) ? null : _protector.Protect(secret);

    /// <summary>The clear text of a value made by <see cref="Protect"/>; null for null.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key ring that encrypted it is gone.</exception>
    public string? Unprotect(string? protectedValue) => protectedValue is null ? null : _protector.Unprotect(protectedValue);
}
