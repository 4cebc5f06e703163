using AlAroma.Web.Data;
using AlAroma.Web.Features.Promotions.Engine;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Promotions;

/// <summary>
/// The promotions the till prices a cart with: not paused, running on the local date, at the location (or at every
/// location). The POS passes the result straight to <see cref="PricingEngine.Price"/>.
/// </summary>
public sealed class GetActivePromotions(AppDbContext db) : Pos.IActivePromotions
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Promotion>> ForAsync(DateOnly localDate, int locationId, CancellationToken ct) => HandleAsync(localDate, locationId, ct);

    /// <summary>
    /// Engine promotions active on <paramref name="localDate"/> (the shop's local date) at <paramref name="locationId"/>,
    /// by priority (higher first) then id. <paramref name="exceptId"/> leaves one out (the preview replaces it by the
    /// version being edited).
    /// </summary>
    public async Task<IReadOnlyList<Promotion>> HandleAsync(DateOnly localDate, int locationId, CancellationToken ct, int? exceptId = null)
    {
        var q = db.Set<PromotionRecord>().AsNoTracking()
            .Where(p => p.Status == PromotionStatus.Active
                && p.ValidFrom <= localDate && (p.ValidTo == null || p.ValidTo >= localDate)
                && (p.LocationIds.Count == 0 || p.LocationIds.Contains(locationId)));
        if (exceptId is { } except) q = q.Where(p => p.Id != except);
        var rows = await q.OrderByDescending(p => p.Priority).ThenBy(p => p.Id)
            .ToListAsync(ct);
        return rows.Select(PromotionMapper.ToEngine).ToList();
    }
}
