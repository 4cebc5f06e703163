using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlAroma.Web.Features.Campaigns;

/// <summary>
/// «Отправить сейчас», and the job at a scheduled campaign's time: queues one outbox row per recipient
/// (<see cref="CampaignAudience"/>) and marks the campaign "sending", in one transaction with the campaign row locked.
/// The texts are rendered here (<see cref="CampaignTemplate"/>) and written by one statement, whatever the audience's
/// size: <c>INSERT … SELECT FROM unnest(…)</c> into <c>campaign_recipients</c> with <c>ON CONFLICT DO NOTHING</c>, then
/// into <c>notifications</c> only for the recipients just inserted — so a second run queues nobody twice. The outbox
/// dispatcher sends them at the channel's rate (<see cref="OutboxOptions"/>).
/// </summary>
public sealed class StartCampaign(AppDbContext db, CampaignAudience audience, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Queues campaign <paramref name="id"/> now; returns the recipients queued.</summary>
    /// <exception cref="BusinessRuleException">No such campaign, or it was sent or cancelled already.</exception>
    public async Task<int> HandleAsync(long id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var campaign = (await db.Campaigns.FromSql($"SELECT * FROM campaigns WHERE id = {id} FOR UPDATE").ToListAsync(ct)).SingleOrDefault()
            ?? throw new BusinessRuleException("Рассылка не найдена: возможно, её удалили. Откройте список рассылок.");
        if (!campaign.Editable) throw new BusinessRuleException($"Рассылка уже {Campaign.StatusLabel(campaign.Status).ToLowerInvariant()}: отправить её ещё раз нельзя.");
        await QueueAsync(campaign, ct);
        var total = await db.CampaignRecipients.CountAsync(r => r.CampaignId == id, ct);
        campaign.Start(total, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return total;
    }

    /// <summary>
    /// Writes the outbox rows of <paramref name="campaign"/>'s audience as it is now, skipping customers already queued
    /// for it; returns the rows written. Runs inside the caller's transaction.
    /// </summary>
    public async Task<int> QueueAsync(Campaign campaign, CancellationToken ct)
    {
        var members = await audience.ListAsync(campaign.SegmentFilter(), campaign.Channel, ct);
        if (members.Count == 0) return 0;
        var html = campaign.Channel == ConsentChannel.Telegram;
        var texts = members.Select(m => CampaignTemplate.Render(campaign.Template, m.Values, html)).ToArray();
        var (channel, key) = campaign.Channel switch
        {
            ConsentChannel.Telegram => (Channel.Telegram, TextMessage.Key),
            ConsentChannel.Sms => (Channel.Sms, TextMessage.Key),
            _ => (Channel.Email, nameof(Notifications.Templates.CampaignEmail)),
        };
        var summaries = channel == Channel.Email ? texts.Select(_ => TextMessage.Summarize(campaign.Name)).ToArray() : texts.Select(TextMessage.Summarize).ToArray();
        var now = clock.GetUtcNow().UtcDateTime;
        // Ids of the outbox rows are taken first (volatile nextval: the CTE is computed once), so the recipient row
        // that wins the unique key carries the id of the one message written for it.
        return await db.Database.ExecuteSqlRawAsync("""
            WITH input AS (
                SELECT t.customer_id, t.recipient, t.text, t.summary, nextval(pg_get_serial_sequence('notifications', 'id')) AS notification_id
                FROM unnest(@customer, @recipient, @text, @summary) AS t(customer_id, recipient, text, summary)),
            queued AS (
                INSERT INTO campaign_recipients (campaign_id, customer_id, notification_id, queued_at_utc)
                SELECT @campaign, customer_id, notification_id, @now FROM input
                ON CONFLICT (campaign_id, customer_id) DO NOTHING
                RETURNING customer_id, notification_id)
            INSERT INTO notifications (id, channel, recipient, template_key, data, summary, status, attempts,
                                       next_attempt_at_utc, created_at_utc, entity_type, entity_id, created_by)
            SELECT q.notification_id, @channel, i.recipient, @key,
                   CASE WHEN @email THEN jsonb_build_object('Title', @title, 'Text', i.text) ELSE jsonb_build_object('Text', i.text) END,
                   i.summary,
                   'Pending', 0, @now, @now, @type, @entity, @by
            FROM queued q JOIN input i ON i.customer_id = q.customer_id
            """,
            [
                new NpgsqlParameter("customer", members.Select(m => m.CustomerId).ToArray()),
                new NpgsqlParameter("recipient", members.Select(m => m.Address).ToArray()),
                new NpgsqlParameter("text", texts),
                new NpgsqlParameter("summary", summaries),
                new NpgsqlParameter("campaign", campaign.Id),
                new NpgsqlParameter("now", now),
                new NpgsqlParameter("channel", channel.ToString()),
                new NpgsqlParameter("key", key),
                new NpgsqlParameter("email", channel == Channel.Email),
                new NpgsqlParameter("title", campaign.Name),
                new NpgsqlParameter("type", Campaign.SubjectType),
                new NpgsqlParameter("entity", campaign.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new NpgsqlParameter("by", user.UserName),
            ], ct);
    }
}
