using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Account;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        // One Telegram account is one staff member in the staff bot.
        b.HasIndex(x => x.TelegramUserId).IsUnique().HasDatabaseName("ux_users_telegram_user_id");
        b.Property(x => x.PbxExtension).HasMaxLength(15);
    }
}
