using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Customers.List;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Campaigns;

/// <summary>The campaign form as posted: name, segment (the filters of «Клиенты»), channel, text, result window, schedule.</summary>
public sealed class CampaignForm
{
    public long? Id { get; set; }
    public string? Name { get; set; }

    /// <summary>The segment, bound from the same fields as the customer list's filter form (prefix "Segment.").</summary>
    public ListCustomers.Input Segment { get; set; } = new();
    public ConsentChannel Channel { get; set; } = ConsentChannel.Telegram;
    public string? Template { get; set; }

    /// <summary>Days after the message in which a recipient's purchase counts as a result (1–90).</summary>
    public int ResultDays { get; set; } = Campaign.DefaultResultDays;

    /// <summary>When to send, Moscow wall-clock time (chain-wide screen); used by «Запланировать».</summary>
    public DateTime? ScheduleAt { get; set; }

    /// <summary>Which recipient the preview shows (0-based, wraps around).</summary>
    public int Sample { get; set; }

    /// <summary>The form of a saved campaign.</summary>
    public static CampaignForm Of(Campaign c) => new()
    {
        Id = c.Id, Name = c.Name, Segment = c.SegmentFilter(), Channel = c.Channel, Template = c.Template, ResultDays = c.ResultDays,
        ScheduleAt = c.ScheduledAtUtc is { } at ? LocalTime.ToLocal(at) : null,
    };
}

/// <summary>
/// Creates or saves a campaign while it is a draft or scheduled; mistakes come back by field (a name, a text with an
/// unknown variable, a result window out of 1–90 days). Audited (the campaign is an audited entity).
/// </summary>
public sealed class SaveCampaign(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The id saved, or the mistakes by field name of <see cref="CampaignForm"/>.</summary>
    /// <exception cref="BusinessRuleException">The campaign was sent or cancelled already, or does not exist.</exception>
    public async Task<(long? Id, IReadOnlyList<(string Field, string Message)> Errors)> HandleAsync(CampaignForm form, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        var name = form.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add((nameof(form.Name), "Назовите рассылку: название видно только сотрудникам."));
        else if (name.Length > 200) errors.Add((nameof(form.Name), "Название длиннее 200 символов: сократите его."));
        try { CampaignTemplate.Validate(form.Template); }
        catch (BusinessRuleException e) { errors.Add((nameof(form.Template), e.Message)); }
        if (form.ResultDays is < 1 or > 90) errors.Add((nameof(form.ResultDays), "Укажите от 1 до 90 дней."));
        if (!Enum.IsDefined(form.Channel)) errors.Add((nameof(form.Channel), "Выберите канал."));
        if (errors.Count > 0) return (null, errors);

        Campaign campaign;
        if (form.Id is { } id)
        {
            campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, ct)
                ?? throw new BusinessRuleException("Рассылка не найдена: возможно, её удалили. Откройте список рассылок.");
            if (!campaign.Editable) throw new BusinessRuleException($"Рассылка уже {Campaign.StatusLabel(campaign.Status).ToLowerInvariant()}: изменить её нельзя.");
        }
        else
        {
            campaign = new Campaign { CreatedBy = user.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime, Status = CampaignStatus.Draft };
            db.Campaigns.Add(campaign);
        }
        campaign.Name = name;
        campaign.SetSegment(form.Segment);
        campaign.Channel = form.Channel;
        campaign.Template = form.Template!;
        campaign.ResultDays = form.ResultDays;
        await db.SaveChangesAsync(ct);
        return (campaign.Id, errors);
    }
}

/// <summary>«Запланировать»: the campaign goes out at a Moscow wall-clock time (the job starts it within a minute).</summary>
public sealed class ScheduleCampaign(AppDbContext db, TimeProvider clock)
{
    /// <exception cref="BusinessRuleException">No time, a time in the past, or the campaign is sent or cancelled.</exception>
    public async Task HandleAsync(long id, DateTime? localTime, CancellationToken ct)
    {
        if (localTime is not { } local) throw new BusinessRuleException("Укажите дату и время отправки.");
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == id, ct);
        campaign.Schedule(LocalTime.ToUtc(local), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// «Отменить»: a draft or scheduled campaign is not sent; a sending one stops — its messages not yet sent are
/// cancelled in the outbox in the same transaction (those already sent stay sent).
/// </summary>
public sealed class CancelCampaign(AppDbContext db, TimeProvider clock)
{
    /// <returns>Messages cancelled.</returns>
    /// <exception cref="BusinessRuleException">Done or cancelled already.</exception>
    public async Task<int> HandleAsync(long id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var campaign = (await db.Campaigns.FromSql($"SELECT * FROM campaigns WHERE id = {id} FOR UPDATE").ToListAsync(ct)).SingleOrDefault()
            ?? throw new BusinessRuleException("Рассылка не найдена: возможно, её удалили. Откройте список рассылок.");
        var now = clock.GetUtcNow().UtcDateTime;
        campaign.Cancel(now);
        var entity = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Rows being sent right now are left to finish: the dispatcher's result stands for them.
        var cancelled = await db.Notifications
            .Where(n => n.EntityType == Campaign.SubjectType && n.EntityId == entity && n.Status == Notifications.Outbox.OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, Notifications.Outbox.OutboxStatus.Cancelled).SetProperty(n => n.LastError, "Рассылка отменена"), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return cancelled;
    }
}
