using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Suppliers;

/// <summary>
/// A supplier typed on a document by name joins the directory ("create in place"), so the directory lists every
/// supplier goods came from; the manager adds INN and contacts later.
/// </summary>
public static class SupplierDirectory
{
    /// <summary>
    /// The directory supplier named <paramref name="name"/> (trimmed, letter case ignored), added with just that name
    /// when there is none. The caller saves the context (a new supplier is added to it, not yet stored).
    /// </summary>
    public static async Task<Supplier> FindOrAddAsync(AppDbContext db, string name, CancellationToken ct)
    {
        name = name.Trim();
        var lower = name.ToLowerInvariant();
        var found = await db.Suppliers.OrderByDescending(s => s.IsActive).ThenBy(s => s.Id)
            .FirstOrDefaultAsync(s => s.Name.ToLower() == lower, ct);
        if (found is not null) return found;
        var added = new Supplier { Name = name };
        db.Suppliers.Add(added);
        return added;
    }
}
