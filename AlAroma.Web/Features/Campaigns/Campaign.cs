using System.Text.Json;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Customers.List;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Campaigns;

/// <summary>Where a campaign is: a draft being edited, scheduled, its messages queued and going out, all handled, or cancelled.</summary>
public enum CampaignStatus { Draft, Scheduled, Sending, Done, Cancelled }

/// <summary>
/// A campaign (рассылка): one message from a <see cref="CampaignTemplate"/> to every customer of a segment (the saved
/// filters of «Клиенты», <see cref="ListCustomers.Input"/>) who consented to the channel and can be reached by it
/// (DOMAIN.md "Customers (CRM)"). Sent through the outbox, one row per recipient (<see cref="CampaignRecipient"/>).
/// </summary>
[Infrastructure.Auditing.AuditName("Рассылка")]
public class Campaign
{
    /// <summary>Days after the message in which a recipient's purchase counts as a result, by default.</summary>
    public const int DefaultResultDays = 7;

    public long Id { get; set; }
    [Infrastructure.Auditing.AuditName("Название")]
    public string Name { get; set; } = "";

    /// <summary>The segment: <see cref="ListCustomers.Input"/> as JSON (jsonb; sort and paging left out).</summary>
    [Infrastructure.Auditing.AuditName("Сегмент")]
    public string Segment { get; set; } = "{}";
    [Infrastructure.Auditing.AuditName("Канал")]
    public ConsentChannel Channel { get; set; } = ConsentChannel.Telegram;

    /// <summary>The text with variables (<see cref="CampaignTemplate.Variables"/>).</summary>
    [Infrastructure.Auditing.AuditName("Текст")]
    public string Template { get; set; } = "";

    /// <summary>When to send (UTC); null = not scheduled (a draft, or sent at once).</summary>
    [Infrastructure.Auditing.AuditName("Отправить в")]
    public DateTime? ScheduledAtUtc { get; set; }
    [Infrastructure.Auditing.AuditName("Статус")]
    public CampaignStatus Status { get; set; }

    /// <summary>Days after the message in which a purchase counts as its result (1–90).</summary>
    [Infrastructure.Auditing.AuditName("Дней на результат")]
    public int ResultDays { get; set; } = DefaultResultDays;

    /// <summary>User name of the author.</summary>
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When its messages were queued (UTC).</summary>
    public DateTime? StartedAtUtc { get; set; }

    /// <summary>When the last of its messages was sent or failed, or when it was cancelled (UTC).</summary>
    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>Recipients queued when it started.</summary>
    public int RecipientCount { get; set; }

    /// <summary>The saved segment's filters.</summary>
    public ListCustomers.Input SegmentFilter() => JsonSerializer.Deserialize<ListCustomers.Input>(Segment) ?? new();

    /// <summary>Saves <paramref name="filter"/> as the segment (its sort and paging dropped: they do not select anyone).</summary>
    public void SetSegment(ListCustomers.Input filter)
    {
        filter.Sort = filter.After = filter.Before = null;
        Segment = JsonSerializer.Serialize(filter, SegmentJson);
    }

    private static readonly JsonSerializerOptions SegmentJson = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Whether its name, segment, channel and text may still change (before it is sent).</summary>
    public bool Editable => Status is CampaignStatus.Draft or CampaignStatus.Scheduled;

    /// <summary>Schedules it for <paramref name="atUtc"/> (UTC), which must be in the future.</summary>
    /// <exception cref="BusinessRuleException">Already sent or cancelled, or the time has passed.</exception>
    public void Schedule(DateTime atUtc, DateTime nowUtc)
    {
        if (!Editable) throw new BusinessRuleException($"Рассылка уже {StatusLabel(Status).ToLowerInvariant()}: запланировать её нельзя.");
        if (atUtc <= nowUtc) throw new BusinessRuleException("Время отправки уже прошло: укажите время в будущем или нажмите «Отправить сейчас».");
        ScheduledAtUtc = atUtc;
        Status = CampaignStatus.Scheduled;
    }

    /// <summary>Marks it as sending (its messages were just queued) or done at once when nobody was queued.</summary>
    /// <exception cref="BusinessRuleException">Already sent or cancelled.</exception>
    public void Start(int recipients, DateTime nowUtc)
    {
        if (!Editable) throw new BusinessRuleException($"Рассылка уже {StatusLabel(Status).ToLowerInvariant()}: отправить её ещё раз нельзя.");
        StartedAtUtc = nowUtc;
        RecipientCount = recipients;
        Status = recipients == 0 ? CampaignStatus.Done : CampaignStatus.Sending;
        if (recipients == 0) FinishedAtUtc = nowUtc;
    }

    /// <summary>Cancels it; its messages not yet sent are cancelled by the caller.</summary>
    /// <exception cref="BusinessRuleException">Already done or cancelled.</exception>
    public void Cancel(DateTime nowUtc)
    {
        if (Status is CampaignStatus.Done or CampaignStatus.Cancelled)
            throw new BusinessRuleException($"Рассылка уже {StatusLabel(Status).ToLowerInvariant()}: отменять нечего.");
        Status = CampaignStatus.Cancelled;
        FinishedAtUtc = nowUtc;
    }

    /// <summary>Russian name of a status.</summary>
    public static string StatusLabel(CampaignStatus s) => s switch
    {
        CampaignStatus.Draft => "Черновик", CampaignStatus.Scheduled => "Запланирована", CampaignStatus.Sending => "Отправляется",
        CampaignStatus.Done => "Завершена", _ => "Отменена",
    };

    /// <summary>Bootstrap badge class of a status.</summary>
    public static string StatusBadge(CampaignStatus s) => s switch
    {
        CampaignStatus.Draft => "text-bg-secondary", CampaignStatus.Scheduled => "text-bg-info", CampaignStatus.Sending => "text-bg-warning",
        CampaignStatus.Done => "text-bg-success", _ => "text-bg-light",
    };

    /// <summary>The outbox subject type of campaign messages (<c>notifications.entity_type</c>; entity id = the campaign id).</summary>
    public const string SubjectType = "Campaign";
}

/// <summary>
/// One customer a campaign was queued for, with its outbox row (table <c>campaign_recipients</c>). The primary key
/// (campaign, customer) is what makes queuing idempotent: a second run inserts nothing for them, so sends nothing.
/// </summary>
[Infrastructure.Auditing.NotAudited]
public class CampaignRecipient
{
    public long CampaignId { get; set; }
    public long CustomerId { get; set; }

    /// <summary>The message in <c>notifications</c>.</summary>
    public long NotificationId { get; set; }
    public DateTime QueuedAtUtc { get; set; }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("campaigns");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Segment).HasColumnType("jsonb");
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Template).HasMaxLength(CampaignTemplate.MaxLength);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        // The job's look-up: scheduled campaigns that are due, and those still sending.
        b.HasIndex(x => new { x.Status, x.ScheduledAtUtc });
    }
}

internal sealed class CampaignRecipientConfiguration : IEntityTypeConfiguration<CampaignRecipient>
{
    public void Configure(EntityTypeBuilder<CampaignRecipient> b)
    {
        b.ToTable("campaign_recipients");
        b.HasKey(x => new { x.CampaignId, x.CustomerId });
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.NotificationId).IsUnique();
    }
}
