using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Notifications.Outbox;

/// <summary>How a notification reaches a person.</summary>
public enum Channel { Email, Sms, Telegram }

/// <summary>Where a notification is in its life: pending → sending → sent, or failed / cancelled.</summary>
public enum OutboxStatus { Pending, Sending, Sent, Failed, Cancelled }

/// <summary>
/// One row of the notifications outbox (table <c>notifications</c>): a message to one recipient over one channel,
/// added in the same transaction as the business change it belongs to and sent later by <see cref="OutboxDispatcher"/>.
/// The content is the template key and its data (JSON); the sender renders it when it sends.
/// </summary>
[Infrastructure.Auditing.NotAudited]
public class OutboxMessage
{
    public long Id { get; set; }
    public Channel Channel { get; set; }

    /// <summary>E-mail address, phone in E.164 (+79161234567) or Telegram chat id, by <see cref="Channel"/>.</summary>
    public string Recipient { get; set; } = "";

    /// <summary>Key of the template in <see cref="Templates.EmailTemplates"/> (e-mail) or "text" (SMS, Telegram).</summary>
    public string TemplateKey { get; set; } = "";

    /// <summary>The template's data as JSON (jsonb).</summary>
    public string Data { get; set; } = "{}";

    /// <summary>A short line for the outbox page (the e-mail subject or the start of the text).</summary>
    public string Summary { get; set; } = "";

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    /// <summary>Send attempts started so far (a claim counts; a rate-limit deferral does not).</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// When the row is due, UTC. While "sending" it is the end of the claiming instance's lease: past it (the process
    /// died mid-send) another instance claims the row again.
    /// </summary>
    public DateTime NextAttemptAtUtc { get; set; }

    public string? LastError { get; set; }

    /// <summary>The provider's id of the sent message (SMTP queue id, SMS id, Telegram message id).</summary>
    public string? ProviderMessageId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }

    /// <summary>The business entity the message belongs to, e.g. "Sale" and its id; null for a test send.</summary>
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }

    /// <summary>Who asked for it (user name), for the outbox page.</summary>
    public string? CreatedBy { get; set; }

    public List<OutboxAttempt> AttemptLog { get; set; } = [];
    public List<OutboxAttachment> Attachments { get; set; } = [];
}

/// <summary>One finished send attempt of an <see cref="OutboxMessage"/>: when, the outcome and the error text.</summary>
[Infrastructure.Auditing.NotAudited]
public class OutboxAttempt
{
    public long Id { get; set; }
    public long NotificationId { get; set; }
    public int Number { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>"sent", "retry", "rate-limited", "failed".</summary>
    public string Outcome { get; set; } = "";
    public string? Error { get; set; }
}

/// <summary>A file sent with an e-mail (the daily report's xlsx), stored with the row so a retry sends the same bytes.</summary>
[Infrastructure.Auditing.NotAudited]
public class OutboxAttachment
{
    public long Id { get; set; }
    public long NotificationId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/octet-stream";
    public byte[] Content { get; set; } = [];
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("notifications");
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Recipient).HasMaxLength(320);
        b.Property(x => x.TemplateKey).HasMaxLength(64);
        b.Property(x => x.Data).HasColumnType("jsonb");
        b.Property(x => x.Summary).HasMaxLength(300);
        b.Property(x => x.Attempts).IsConcurrencyToken();
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.Property(x => x.ProviderMessageId).HasMaxLength(200);
        b.Property(x => x.EntityType).HasMaxLength(64);
        b.Property(x => x.EntityId).HasMaxLength(64);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        // The dispatcher's claim: due rows only, in due order (INTEGRATIONS.md "Outbox and retries").
        b.HasIndex(x => x.NextAttemptAtUtc).HasFilter("status IN ('Pending', 'Sending')").HasDatabaseName("ix_notifications_due");
        b.HasIndex(x => new { x.Status, x.Id });
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.HasMany(x => x.AttemptLog).WithOne().HasForeignKey(a => a.NotificationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxAttemptConfiguration : IEntityTypeConfiguration<OutboxAttempt>
{
    public void Configure(EntityTypeBuilder<OutboxAttempt> b)
    {
        b.ToTable("notification_attempts");
        b.Property(x => x.Outcome).HasMaxLength(16);
        b.Property(x => x.Error).HasMaxLength(2000);
        b.HasIndex(x => new { x.NotificationId, x.Number });
    }
}

internal sealed class OutboxAttachmentConfiguration : IEntityTypeConfiguration<OutboxAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxAttachment> b)
    {
        b.ToTable("notification_attachments");
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(128);
    }
}

/// <summary>
/// Sends counted per channel (or per chat) and second, shared by every app instance: one row per key and second,
/// taken with an upsert that refuses past the limit (table <c>notification_rate_counters</c>).
/// </summary>
[Infrastructure.Auditing.NotAudited]
public class RateCounter
{
    public string Key { get; set; } = "";

    /// <summary>The second counted, UTC (truncated).</summary>
    public DateTime SecondUtc { get; set; }
    public int Count { get; set; }
}

internal sealed class RateCounterConfiguration : IEntityTypeConfiguration<RateCounter>
{
    public void Configure(EntityTypeBuilder<RateCounter> b)
    {
        b.ToTable("notification_rate_counters");
        b.HasKey(x => new { x.Key, x.SecondUtc });
        b.Property(x => x.Key).HasMaxLength(100);
    }
}
