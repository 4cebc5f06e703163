namespace AlAroma.Web.Features.Warehouse.Suppliers;

/// <summary>A supplier (поставщик) of goods receipts. Receipts keep the name as a snapshot, so renaming never rewrites history.</summary>
[Infrastructure.Auditing.AuditName("Поставщик", Link = "/warehouse/suppliers/{0}")]
public class Supplier
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>ИНН, 10 or 12 digits with valid check digits (<see cref="Infrastructure.Requisites.Inn"/>); null for a supplier without one.</summary>
    [Infrastructure.Auditing.AuditName("ИНН")]
    public string? Inn { get; set; }
    [Infrastructure.Auditing.AuditName("Контактное лицо")]
    public string? ContactPerson { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Comment { get; set; }

    /// <summary>Inactive suppliers stay on old receipts but are not offered for new ones.</summary>
    public bool IsActive { get; set; } = true;
}
