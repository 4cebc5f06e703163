using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Notifications.Bell;

/// <summary>
/// One in-app notification of one user (table <c>user_notifications</c>): the bell's unread count, the toast and the
/// list «Уведомления». Written by <see cref="UserNotifications"/> inside the business transaction that caused it; a
/// row trigger sends <c>NOTIFY user_notifications, '&lt;user id&gt;'</c>, delivered on commit only.
/// </summary>
[Infrastructure.Auditing.NotAudited]
public class UserNotification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>What happened, one of <see cref="NotificationKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Russian headline, e.g. «Перемещение ПМ-2026-000012 в пути».</summary>
    public string Title { get; set; } = "";

    /// <summary>Russian detail line.</summary>
    public string Text { get; set; } = "";

    /// <summary>Local path the notification opens (e.g. <c>/warehouse/transfers/12</c>), or null.</summary>
    public string? Link { get; set; }

    /// <summary>The location it is about, or null for chain-wide news.</summary>
    public int? LocationId { get; set; }

    /// <summary>
    /// Optional key that makes the notification once-only per user (e.g. low stock of one product at one location on
    /// one business day); null = no de-duplication.
    /// </summary>
    public string? OnceKey { get; set; }

    /// <summary>When it was written, UTC.</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>When the user read it, UTC; null = unread.</summary>
    public DateTime? ReadUtc { get; set; }
}

/// <summary>The kinds of in-app notifications (stored as text).</summary>
public static class NotificationKinds
{
    public const string TransferShipped = "transfer-shipped";
    public const string TransferReceived = "transfer-received";
    public const string WriteOffSubmitted = "write-off-submitted";
    public const string LowStock = "low-stock";
    public const string JobFailed = "job-failed";
    public const string LowRating = "feedback-low-rating";
}

internal sealed class UserNotificationConfiguration : IEntityTypeConfiguration<UserNotification>
{
    public void Configure(EntityTypeBuilder<UserNotification> b)
    {
        b.ToTable("user_notifications");
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(1000);
        b.Property(x => x.Link).HasMaxLength(300);
        b.Property(x => x.OnceKey).HasMaxLength(200);
        // The list and the unread count: newest first per user.
        b.HasIndex(x => new { x.UserId, x.Id });
        // Not unique on purpose: a duplicate must never fail the sale that raised it (UserNotifications checks first).
        b.HasIndex(x => x.OnceKey).HasFilter("once_key IS NOT NULL");
        // The clean-up job: read rows by age.
        b.HasIndex(x => x.ReadUtc).HasFilter("read_utc IS NOT NULL");
    }
}
