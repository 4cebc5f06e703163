using AlAroma.Web.Data;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.GiftCards;

/// <summary>
/// Outstanding gift certificates: what the chain still owes its customers in goods (a liability in the books),
/// per shop that sold them, as of now. Expired and cancelled certificates owe nothing.
/// </summary>
public sealed class GetCertificateLiability(AppDbContext db, TimeProvider clock)
{
    public sealed record ShopRow(string Shop, int Certificates, decimal Nominal, decimal Outstanding);
    public sealed record CertificateRow(long Id, string Code, string Shop, decimal Nominal, decimal Balance, DateTime ActivatedAtUtc, DateTime ExpiresAtUtc, string Status);
    public sealed record Model(DateTime AtUtc, IReadOnlyList<ShopRow> ByShop, IReadOnlyList<CertificateRow> Certificates)
    {
        public decimal TotalOutstanding => ByShop.Sum(s => s.Outstanding);
    }

    /// <param name="search">Part of a code (digits; spaces ignored) to find one certificate; null = all.</param>
    public async Task<Model> HandleAsync(string? search, CancellationToken ct)
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
        var list = await q.OrderByDescending(c => c.Id).Take(200).ToListAsync(ct);
        return new Model(now, byShop, list.Select(c => new CertificateRow(c.Id, CertificateCode.Format(c.Code), shops.GetValueOrDefault(c.LocationId, "?"),
            c.Nominal, c.Balance, c.ActivatedAtUtc, c.ExpiresAtUtc, c.StatusLabel(now))).ToList());
    }
}
