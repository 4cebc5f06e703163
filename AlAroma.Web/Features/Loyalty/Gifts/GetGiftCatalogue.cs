using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty.Gifts;

/// <summary>«Подарки»: the catalogue with how many of each type were issued, are open and were handed over, and the last gifts issued.</summary>
public sealed class GetGiftCatalogue(AppDbContext db, TimeProvider clock)
{
    public sealed record TypeRow(GiftType Type, int Issued, int Open, int Redeemed);
    public sealed record IssuedRow(long Id, long CustomerId, string Customer, string Name, GiftSource Source, string IssuedBy, DateTime IssuedAtUtc, string Status);

    /// <param name="Form">The type being edited or added (a new one when null on the page).</param>
    /// <param name="Products">Products for a product gift (id, "SKU — name"), the active catalogue.</param>
    public sealed record Page(IReadOnlyList<TypeRow> Types, IReadOnlyList<IssuedRow> Last, GiftType Form, IReadOnlyList<(int Id, string Name)> Products);

    /// <summary>The page; <paramref name="form"/> is the form to show (with its mistakes), else a new type.</summary>
    public async Task<Page> HandleAsync(GiftType? form, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var types = await db.GiftTypes.AsNoTracking().Include(t => t.Product).OrderByDescending(t => t.IsActive).ThenBy(t => t.Name).ToListAsync(ct);
        var counts = await db.CustomerGifts.GroupBy(g => g.GiftTypeId).Select(g => new
        {
            g.Key, Issued = g.Count(), Open = g.Count(x => x.RedeemedAtUtc == null && x.ExpiresAtUtc > now), Redeemed = g.Count(x => x.RedeemedAtUtc != null),
        }).ToDictionaryAsync(x => x.Key, ct);
        var last = await (from g in db.CustomerGifts
                          join c in db.Customers on g.CustomerId equals c.Id
                          orderby g.Id descending
                          select new { g, c.Name, c.Phone }).Take(50).ToListAsync(ct);
        var products = await db.Products.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).Select(p => new { p.Id, p.Sku, p.Name }).Take(2000).ToListAsync(ct);
        return new Page(
            types.Select(t => counts.TryGetValue(t.Id, out var n) ? new TypeRow(t, n.Issued, n.Open, n.Redeemed) : new TypeRow(t, 0, 0, 0)).ToList(),
            last.Select(x => new IssuedRow(x.g.Id, x.g.CustomerId, x.Name.Length > 0 ? x.Name : Customers.PhoneNormalizer.Display(x.Phone), x.g.Name, x.g.Source,
                x.g.IssuedBy, x.g.IssuedAtUtc, x.g.StatusLabel(now))).ToList(),
            form ?? new GiftType { Kind = GiftKind.Product, ValidDays = 30, StaffMayGive = true },
            products.Select(p => (p.Id, $"{p.Sku} — {p.Name}")).ToList());
    }
}
