using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Bots.Telegram;

/// <summary>
/// An update a bot has handled, by Telegram's update_id: Telegram resends an update until it gets a 2xx, so the
/// primary key (bot, update id) makes a replay do nothing (Bot API: "Getting updates").
/// </summary>
[Infrastructure.Auditing.NotAudited]
public class TelegramUpdate
{
    /// <summary>The bot's name ("client").</summary>
    public string Bot { get; set; } = "";

    /// <summary>Telegram's update_id (unique per bot, increasing).</summary>
    public long UpdateId { get; set; }

    /// <summary>When it arrived, UTC.</summary>
    public DateTime ReceivedAtUtc { get; set; }
}

internal sealed class TelegramUpdateConfiguration : IEntityTypeConfiguration<TelegramUpdate>
{
    public void Configure(EntityTypeBuilder<TelegramUpdate> b)
    {
        b.ToTable("telegram_updates");
        b.HasKey(x => new { x.Bot, x.UpdateId });
        b.Property(x => x.Bot).HasMaxLength(32);
    }
}
