using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.GiftCards;

/// <summary>One certificate with its activity ledger, oldest entry first.</summary>
public sealed class GetCertificate(AppDbContext db)
{
    /// <returns>The certificate, or null when no certificate has this id.</returns>
    public Task<GiftCertificate?> HandleAsync(long id, CancellationToken ct) =>
        db.GiftCertificates.AsNoTracking().Include(x => x.Entries.OrderBy(e => e.Id)).FirstOrDefaultAsync(x => x.Id == id, ct);
}
