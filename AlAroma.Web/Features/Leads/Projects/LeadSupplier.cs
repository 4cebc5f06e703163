using AlAroma.Web.Infrastructure.Auditing;

namespace AlAroma.Web.Features.Leads.Projects;

/// <summary>
/// A seller of phone bases (поставщик базы). Its price per number gives the cost of a success in the conversion report.
/// Not the warehouse's goods supplier: the two directories have nothing in common but the word.
/// </summary>
[AuditName("Поставщик базы", Link = "/leads/suppliers/{0}")]
public class LeadSupplier
{
    public int Id { get; set; }
    [AuditName("Название")]
    public string Name { get; set; } = "";
    [AuditName("Контакты")]
    public string? Contacts { get; set; }

    /// <summary>Price paid per number, kopecks.</summary>
    [AuditName("Цена за номер, коп.")]
    public long PricePerNumberKopecks { get; set; }
    public bool IsActive { get; set; } = true;
}
