using AlAroma.Web.Data;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.GiftCards;

/// <summary>
/// Outstanding gift certificates: what the chain still owes its customers in goods (a liability in the books),
/// per shop that sold them, as of now. Expired and cancelled certificates owe nothing.
/// </summary>
public sealed class GetCertificateLiability(AppDbContext db, TimeProvider clock)
{
    /// <summary>Certificates listed on the page; the export holds all that match.</summary>
    public const int PageRows = 200;

    /// <summary>Columns the certificate list sorts by; the last sold first unless asked.</summary>
    public static readonly SortColumns<GiftCertificate> Sorts = new SortColumns<GiftCertificate>("sold", defaultDescending: true)
        .Add("code", c => c.Code).Add("nominal", c => c.Nominal).Add("balance", c => c.Balance).Add("sold", c => c.ActivatedAtUtc).Add("expires", c => c.ExpiresAtUtc);

    public sealed record ShopRow(string Shop, int Certificates, decimal Nominal, decimal Outstanding);
    public sealed record CertificateRow(long Id, string Code, string Shop, decimal Nominal, decimal Balance, DateTime ActivatedAtUtc, DateTime ExpiresAtUtc, string Status);
    public sealed record Model(DateTime AtUtc, IReadOnlyList<ShopRow> ByShop, IReadOnlyList<CertificateRow> Certificates, ListSort? Sort = null)
    {
        public decimal TotalOutstanding => ByShop.Sum(s => s.Outstanding);
    }

    /// <param name="search">Part of a code (digits; spaces ignored) to find one certificate; null = all.</param>
    /// <param name="sort">Column key of <see cref="Sorts"/>, "-" in front for descending.</param>
    /// <param name="rows">How many certificates to list (the page: <see cref="PageRows"/>).</param>
    public async Task<Model> HandleAsync(string? search, CancellationToken ct, string? sort = null, int rows = PageRows)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var shops = await db.Set<Location>().ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var live = db.GiftCertificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Active && c.ExpiresAtUtc > now && c.Balance > 0);
        var byShop = (await live.GroupBy(c => c.LocationId)
                .Select(g => new { g.Key, Count = g.Count(), Nominal = g.Sum(c => c.Nominal), Outstanding = g.Sum(c => c.Balance) }).ToListAsync(ct))
            .Select(g => new ShopRow(shops.GetValueOrDefault(g.Key, "?"), g.Count, g.Nominal, g.Outstanding)).OrderBy(r => r.Shop).ToList();

        var q = db.GiftCertificates.AsNoTracking();
        var digits = new string((search ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length > 0) q = q.Where(c => c.Code.Contains(digits));
        var order = Sorts.Parse(sort);
        var list = await Sorts.Apply(q, order).ThenByDescending(c => c.Id).Take(rows).ToListAsync(ct);
        return new Model(now, byShop, list.Select(c => new CertificateRow(c.Id, CertificateCode.Format(c.Code), shops.GetValueOrDefault(c.LocationId, "?"),
            c.Nominal, c.Balance, c.ActivatedAtUtc, c.ExpiresAtUtc, c.StatusLabel(now))).ToList(), order);
    }
}
