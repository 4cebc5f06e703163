using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Admin.Company;

/// <summary>
/// The company's details printed on the receipt and on every A4 document (SCREENS.md "Printing"): legal name, ИНН
/// and КПП. One row (id 1), set by the admin under "Реквизиты компании"; the shop's address is on each location.
/// </summary>
[Infrastructure.Auditing.AuditName("Реквизиты компании")]
public class CompanyDetails
{
    /// <summary>The only row.</summary>
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Legal name, e.g. «ООО «Аль Арома»».</summary>
    public string Name { get; set; } = "";

    /// <summary>ИНН: 10 digits (organisation) or 12 (sole trader), checked by <see cref="Infrastructure.Requisites.Inn"/>.</summary>
    public string Inn { get; set; } = "";

    /// <summary>КПП, 9 characters (organisations only; a sole trader has none): "" when not set.</summary>
    public string Kpp { get; set; } = "";
}

internal sealed class CompanyDetailsConfiguration : IEntityTypeConfiguration<CompanyDetails>
{
    public void Configure(EntityTypeBuilder<CompanyDetails> b)
    {
        b.ToTable("company_details");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Inn).HasMaxLength(12);
        b.Property(x => x.Kpp).HasMaxLength(9);
    }
}
