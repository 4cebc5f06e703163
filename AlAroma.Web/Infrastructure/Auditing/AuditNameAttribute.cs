namespace AlAroma.Web.Infrastructure.Auditing;

/// <summary>
/// The Russian word the audit log screen shows for an entity ("Приход"), a property ("Количество") or an enum
/// value ("Проведён"). A feature puts it on its own types, so the kernel names no feature; whatever carries none
/// is shown by its code name.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class AuditNameAttribute(string name) : Attribute
{
    /// <summary>What a person calls the thing, e.g. "Перемещение".</summary>
    public string Name { get; } = name;

    /// <summary>
    /// Address of the page of the entity (on a class) or of the document the value points to (on an enum value,
    /// e.g. a stock movement's kind): <c>{0}</c> stands for the key or document id, e.g. "/warehouse/receipts/{0}".
    /// </summary>
    public string? Link { get; init; }
}
