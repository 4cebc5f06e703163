using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AlAroma.Web.Infrastructure.Auditing;

/// <summary>
/// The one place that decides what the audit log keeps: which entities are recorded at all and which of their
/// properties never leave the table they live in. The log is read on screen and exported to Excel by admins, so
/// whatever lets its holder sign in, forge a cookie or spend someone's money is never written there: the Data
/// Protection key ring (its master key signs every login cookie), password hashes, security stamps, identity
/// tokens and external logins, the customers' one-time till codes and the gift certificate codes (a bearer value).
/// The migration AuditWithoutSecrets removes what older versions stored from the same lists.
/// </summary>
public static class AuditPolicy
{
    /// <summary>Entities never audited: the row itself is a secret (the log itself, <see cref="AuditEntry"/>, is never audited either).</summary>
    public static readonly IReadOnlyList<Type> SecretEntities =
    [
        typeof(DataProtectionKey),
        typeof(IdentityUserToken<string>),
        typeof(IdentityUserLogin<string>),
    ];

    /// <summary>
    /// Framework properties whose values never appear, by the entity (or a base type of it) that declares them: a
    /// value is written as <see cref="Hidden"/>, so the log still says that a password, a stamp or a code changed,
    /// and when. A feature marks its own secrets (customer till codes, certificate codes) with
    /// <see cref="AuditSecretAttribute"/>, so this kernel list names no feature.
    /// </summary>
    public static readonly IReadOnlyDictionary<Type, string[]> SecretProperties = new Dictionary<Type, string[]>
    {
        [typeof(IdentityUser)] = [nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp)],
    };

    /// <summary>Properties left out altogether: Identity's concurrency tokens change with every save and tell a reader nothing.</summary>
    public static readonly IReadOnlyDictionary<Type, string[]> IgnoredProperties = new Dictionary<Type, string[]>
    {
        [typeof(IdentityUser)] = [nameof(IdentityUser.ConcurrencyStamp)],
        [typeof(IdentityRole)] = [nameof(IdentityRole.ConcurrencyStamp)],
    };

    /// <summary>What the log shows instead of a secret value.</summary>
    public const string Hidden = "(скрыто)";

    /// <summary>
    /// True when changes of <paramref name="entity"/> are written to the log. Besides <see cref="SecretEntities"/>,
    /// a feature marks its own append-only journals and scratch rows (carts, failed code attempts) with
    /// <see cref="NotAuditedAttribute"/>: they are a record themselves or nothing worth one.
    /// </summary>
    public static bool Audits(IEntityType entity)
    {
        var type = entity.ClrType;
        return type != typeof(AuditEntry) && !SecretEntities.Contains(type) && !type.IsDefined(typeof(NotAuditedAttribute), true);
    }

    /// <summary>
    /// True when <paramref name="property"/> appears in the log at all (its value, or <see cref="Hidden"/> for a
    /// secret). Binary values never do (key material, files: unreadable in the log and big).
    /// </summary>
    public static bool Audits(IProperty property) => property.ClrType != typeof(byte[]) && !Lists(IgnoredProperties, property);

    /// <summary>What the log writes for <paramref name="value"/> of <paramref name="property"/>: <see cref="Hidden"/> for a secret that has a value.</summary>
    public static object? Shown(IProperty property, object? value) => value is not null && IsSecret(property) ? Hidden : value;

    /// <summary>True when <paramref name="property"/> is listed in <see cref="SecretProperties"/> or marked <see cref="AuditSecretAttribute"/>.</summary>
    public static bool IsSecret(IProperty property) =>
        Lists(SecretProperties, property) || property.PropertyInfo?.IsDefined(typeof(AuditSecretAttribute), true) == true;

    private static bool Lists(IReadOnlyDictionary<Type, string[]> lists, IProperty property)
    {
        for (var t = property.DeclaringType.ClrType; t is not null; t = t.BaseType)
            if (lists.TryGetValue(t, out var names) && names.Contains(property.Name)) return true;
        return false;
    }
}
