using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Bots.Staff;

/// <summary>What the staff bot waits for from a staff member next.</summary>
public enum StaffBotStep { None, GiftPoints, MessageCustomer }

/// <summary>
/// The staff bot's memory of one chat: the customer found last (the one a gift or a message goes to) and what the bot
/// asked for. Kept in PostgreSQL, so any app instance can answer the next message.
/// </summary>
[Infrastructure.Auditing.NotAudited]
public class StaffBotState
{
    /// <summary>The staff member's Telegram user id.</summary>
    public long TelegramUserId { get; set; }
    public long? CustomerId { get; set; }
    public StaffBotStep Step { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}

internal sealed class StaffBotStateConfiguration : IEntityTypeConfiguration<StaffBotState>
{
    public void Configure(EntityTypeBuilder<StaffBotState> b)
    {
        b.ToTable("staff_bot_states");
        b.HasKey(x => x.TelegramUserId);
        b.Property(x => x.TelegramUserId).ValueGeneratedNever();
        b.Property(x => x.Step).HasConversion<string>().HasMaxLength(20);
    }
}
