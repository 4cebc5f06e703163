namespace AlAroma.Web.Infrastructure.Auditing;

/// <summary>One audited change or system task: who, when, from where, what, before and after.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string? Ip { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>"Create", "Update", "Delete" or "System".</summary>
    public string Action { get; set; } = "";

    /// <summary>CLR type name of the entity, e.g. "Product".</summary>
    public string Entity { get; set; } = "";

    /// <summary>Primary key value(s), comma-separated.</summary>
    public string Key { get; set; } = "";

    /// <summary>Changed properties before the change, JSON object (jsonb).</summary>
    public string? OldValues { get; set; }

    /// <summary>Changed properties after the change, JSON object (jsonb).</summary>
    public string? NewValues { get; set; }

    /// <summary>
    /// An entry written explicitly (a read or an export the interceptor cannot see): who and from where from
    /// <paramref name="user"/>, at <paramref name="atUtc"/> (UTC), with <paramref name="details"/> as the "Стало" JSON.
    /// </summary>
    public static AuditEntry By(ICurrentUser user, DateTime atUtc, string action, string entity, string key, string? details) => new()
    {
        AtUtc = atUtc, UserId = user.UserId, UserName = user.UserName, Ip = user.Ip, UserAgent = user.UserAgent,
        Action = action, Entity = entity, Key = key, NewValues = details,
    };
}

/// <summary>Marks an entity the audit interceptor skips (append-only journals that are themselves a record).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>
/// Marks a property whose value never goes into the audit log (a bearer code, a one-time code): the log shows
/// <see cref="AuditPolicy.Hidden"/> instead, so it still says that the value changed, and when.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditSecretAttribute : Attribute;
