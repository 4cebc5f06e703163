using AlAroma.Web.Data;
using AlAroma.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Suppliers;

/// <summary>
/// A supplier typed on a document by name joins the directory ("create in place"), so the directory lists every
/// supplier goods came from; the manager adds INN and contacts later. Names match as brands do
/// (<see cref="CatalogNames.Key"/>: letter case and runs of spaces ignored), so «ООО  Парфюм» finds «ооо Парфюм».
/// </summary>
public static class SupplierDirectory
{
    /// <summary>
    /// The directory supplier named <paramref name="name"/> (case and spaces ignored; an active one first, then the
    /// oldest), added with just that name (spaces tidied) when there is none. The caller saves the context (a new
    /// supplier is added to it, not yet stored); one added earlier to the same context and not yet saved is found too.
    /// </summary>
    public static async Task<Supplier> FindOrAddAsync(AppDbContext db, string name, CancellationToken ct)
    {
        var key = CatalogNames.Key(name);
        // A chain has tens of suppliers: matching in memory keeps one normalisation for brands and suppliers.
        await db.Suppliers.LoadAsync(ct);
        var found = db.Suppliers.Local.Where(s => CatalogNames.Key(s.Name) == key)
            .OrderByDescending(s => s.IsActive).ThenBy(s => s.Id <= 0).ThenBy(s => s.Id).FirstOrDefault();
        if (found is not null) return found;
        var added = new Supplier { Name = CatalogNames.Tidy(name) };
        db.Suppliers.Add(added);
        return added;
    }
}
