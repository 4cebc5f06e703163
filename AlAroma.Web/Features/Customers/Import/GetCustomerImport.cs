using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Customers.Import;

/// <summary>The mapping step of an import (headers, the first rows, the mapping) or, once it ran, its result.</summary>
public sealed class GetCustomerImport(AppDbContext db)
{
    /// <summary>Rows shown as a sample on the mapping step.</summary>
    public const int SampleRows = 5;

    /// <summary>The page: the import, the mapping shown (stored or as typed), the table's headers and sample rows, an error of reading it.</summary>
    public sealed record Model(CustomerImport Import, CustomerImportMapping Mapping, IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Sample, int TotalRows, string? Error);

    /// <summary>The page of import <paramref name="id"/> with <paramref name="mapping"/> (null: the stored one); null when there is no such import.</summary>
    public async Task<Model?> HandleAsync(long id, CustomerImportMapping? mapping, CancellationToken ct)
    {
        var import = await db.CustomerImports.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (import is null) return null;
        mapping ??= import.Mapping();
        try
        {
            var table = import.ReadTable(mapping);
            return new Model(import, mapping, table.Headers, table.Rows.Take(SampleRows).ToList(), table.Rows.Count, null);
        }
        catch (BusinessRuleException e)
        {
            return new Model(import, mapping, [], [], 0, e.Message);
        }
    }

    /// <summary>The rejected-rows file "klienty-otkloneny-{id}.csv", or null when none.</summary>
    public async Task<(byte[] Content, string FileName)?> RejectedFileAsync(long id, CancellationToken ct)
    {
        var file = await db.CustomerImports.Where(x => x.Id == id).Select(x => x.RejectedFile).FirstOrDefaultAsync(ct);
        return file is null ? null : (file, $"klienty-otkloneny-{id}.csv");
    }
}
