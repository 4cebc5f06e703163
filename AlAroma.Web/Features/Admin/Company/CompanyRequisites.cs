using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Admin.Company;

/// <summary>The company's details for print views, read once per request.</summary>
public sealed class CompanyRequisites(AppDbContext db)
{
    /// <summary>What is printed; Name falls back to the brand while the admin has not filled the details in.</summary>
    public sealed record Details(string Name, string Inn, string Kpp);

    /// <summary>The brand printed when no legal name is set.</summary>
    public const string Brand = "Al Aroma";

    private Details? loaded;

    /// <summary>The details (empty ИНН/КПП when not set).</summary>
    public async Task<Details> GetAsync(CancellationToken ct = default)
    {
        if (loaded is not null) return loaded;
        var row = await db.CompanyDetails.AsNoTracking().FirstOrDefaultAsync(c => c.Id == CompanyDetails.SingletonId, ct);
        return loaded = new Details(string.IsNullOrWhiteSpace(row?.Name) ? Brand : row.Name, row?.Inn ?? "", row?.Kpp ?? "");
    }
}
