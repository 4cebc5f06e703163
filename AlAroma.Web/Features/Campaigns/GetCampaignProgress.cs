using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Channels.Telegram;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Campaigns;

/// <summary>
/// The campaign page's progress bar and results, counted from the campaign's own outbox rows (entity "Campaign", its
/// id): queued (pending or being sent), sent, failed, blocked (Telegram 403: the customer blocked the bot), cancelled;
/// and purchases by recipients in the campaign's N days after their message was sent (count, buyers, revenue ₽ =
/// the receipts' totals). A campaign whose last row is handled is marked done here too, so the page stops polling
/// at once rather than at the job's next minute.
/// </summary>
public sealed class GetCampaignProgress(AppDbContext db, TimeProvider clock)
{
    /// <summary>Counts of the campaign's messages, and its results.</summary>
    public sealed record Model(Campaign Campaign, int Queued, int Sent, int Failed, int Blocked, int Cancelled, int Purchases, int Buyers, decimal Revenue)
    {
        public int Total => Queued + Sent + Failed + Blocked + Cancelled;

        /// <summary>Handled share, 0–100 %.</summary>
        public int Percent => Total == 0 ? 100 : (int)Math.Round(100.0 * (Total - Queued) / Total);

        /// <summary>The page keeps polling while messages are still going out.</summary>
        public bool Running => Campaign.Status == CampaignStatus.Sending;
    }

    /// <summary>The progress of campaign <paramref name="id"/>, null when there is none.</summary>
    public async Task<Model?> HandleAsync(long id, CancellationToken ct)
    {
        await CompleteAsync(db, clock.GetUtcNow().UtcDateTime, id, ct);
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return null;
        var entity = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var counts = await db.Notifications.Where(n => n.EntityType == Campaign.SubjectType && n.EntityId == entity)
            .GroupBy(n => n.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Blocked = g.Count(n => n.LastError != null && n.LastError.StartsWith(TelegramSender.BlockedError)) })
            .ToListAsync(ct);
        int Of(params OutboxStatus[] s) => counts.Where(c => s.Contains(c.Status)).Sum(c => c.Count);
        var blocked = counts.Where(c => c.Status == OutboxStatus.Failed).Sum(c => c.Blocked);

        var days = campaign.ResultDays;
        var sales = from r in db.CampaignRecipients
                    where r.CampaignId == id
                    join n in db.Notifications on r.NotificationId equals n.Id
                    where n.Status == OutboxStatus.Sent && n.SentAtUtc != null
                    from s in db.Sales
                    where s.CustomerId == r.CustomerId && s.CreatedAtUtc > n.SentAtUtc && s.CreatedAtUtc <= n.SentAtUtc!.Value.AddDays(days)
                    select new { s.CustomerId, s.Total };
        var result = await sales.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Buyers = g.Select(s => s.CustomerId).Distinct().Count(), Revenue = g.Sum(s => s.Total) })
            .SingleOrDefaultAsync(ct);
        return new Model(campaign, Of(OutboxStatus.Pending, OutboxStatus.Sending), Of(OutboxStatus.Sent), Of(OutboxStatus.Failed) - blocked, blocked,
            Of(OutboxStatus.Cancelled), result?.Count ?? 0, result?.Buyers ?? 0, result?.Revenue ?? 0);
    }

    /// <summary>
    /// Marks "done" every sending campaign (or only <paramref name="id"/>) none of whose messages is pending or being
    /// sent any more; returns how many. Used by the page and by <see cref="RunCampaigns"/>.
    /// </summary>
    public static Task<int> CompleteAsync(AppDbContext db, DateTime nowUtc, long? id, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE campaigns c SET status = 'Done', finished_at_utc = {nowUtc}
            WHERE c.status = 'Sending' AND ({id}::bigint IS NULL OR c.id = {id})
              AND NOT EXISTS (SELECT 1 FROM notifications n
                              WHERE n.entity_type = {Campaign.SubjectType} AND n.entity_id = c.id::text AND n.status IN ('Pending', 'Sending'))
            """, ct);
}
