using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Campaigns;

/// <summary>«Рассылки»: every campaign, newest first (at most 200), with its status and recipients queued.</summary>
public sealed class ListCampaigns(AppDbContext db)
{
    /// <summary>The campaigns, newest first.</summary>
    public Task<List<Campaign>> HandleAsync(CancellationToken ct) =>
        db.Campaigns.AsNoTracking().OrderByDescending(c => c.Id).Take(200).ToListAsync(ct);
}
