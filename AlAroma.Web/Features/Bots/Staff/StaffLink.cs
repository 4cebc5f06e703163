using System.Security.Cryptography;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Bots.Staff;

/// <summary>
/// A one-time code a staff member takes from their profile («Профиль» → «Привязать Telegram») and sends to the staff
/// bot, which links their Telegram account to their user. Six digits, valid <see cref="StaffLinks.ValidityMinutes"/>
/// minutes, used once; a new code retires the user's earlier one.
/// </summary>
[Infrastructure.Auditing.AuditName("Код привязки Telegram")]
public class StaffLinkCode
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";

    [Infrastructure.Auditing.AuditSecret]
    public string Code { get; set; } = "";
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? UsedAtUtc { get; set; }
}

/// <summary>Issues link codes and links a Telegram account to the staff member whose code it is.</summary>
public sealed class StaffLinks(AppDbContext db, TimeProvider clock)
{
    /// <summary>How long a link code is valid, minutes.</summary>
    public const int ValidityMinutes = 10;

    /// <summary>A fresh code for <paramref name="userId"/>; the user's earlier unused codes stop working.</summary>
    public async Task<StaffLinkCode> IssueAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync($"UPDATE staff_link_codes SET used_at_utc = {now} WHERE used_at_utc IS NULL AND (user_id = {userId} OR expires_at_utc <= {now})", ct);
        for (var attempt = 0; ; attempt++)
        {
            var code = new StaffLinkCode { UserId = userId, Code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6"), ExpiresAtUtc = now.AddMinutes(ValidityMinutes) };
            db.Add(code);
            try
            {
                await db.SaveChangesAsync(ct);
                return code;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < 5)
            {
                db.Entry(code).State = EntityState.Detached; // these six digits are live for someone else: draw again
            }
        }
    }

    /// <summary>
    /// Consumes <paramref name="code"/> and links the Telegram account <paramref name="telegramUserId"/> (its private chat
    /// <paramref name="chatId"/>) to the code's user. An account linked to another staff member moves to this one.
    /// </summary>
    /// <returns>The linked staff member.</returns>
    /// <exception cref="BusinessRuleException">Unknown, used or expired code, or the user is locked out.</exception>
    public async Task<AppUser> LinkAsync(string code, long telegramUserId, long chatId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Database.SqlQuery<string>($"""
            UPDATE staff_link_codes SET used_at_utc = {now}
            WHERE code = {code.Trim()} AND used_at_utc IS NULL AND expires_at_utc > {now}
            RETURNING user_id AS "Value"
            """).ToListAsync(ct);
        if (rows.Count != 1)
            throw new BusinessRuleException($"Код не подошёл: он неверный, уже использован или старше {ValidityMinutes} минут. Получите новый код в профиле Al Aroma («Профиль» → «Привязать Telegram»).");
        var user = await db.Users.FirstAsync(u => u.Id == rows[0], ct);
        if (user.LockoutEnd > now) throw new BusinessRuleException("Ваша учётная запись заблокирована. Обратитесь к администратору.");
        foreach (var other in await db.Users.Where(u => u.TelegramUserId == telegramUserId && u.Id != user.Id).ToListAsync(ct))
            (other.TelegramUserId, other.TelegramChatId) = (null, null);
        await db.SaveChangesAsync(ct); // the unique index on the Telegram id: free it before it is taken
        (user.TelegramUserId, user.TelegramChatId) = (telegramUserId, chatId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }

    /// <summary>«Отвязать Telegram» in the profile: the bot no longer knows the user.</summary>
    public async Task UnlinkAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        (user.TelegramUserId, user.TelegramChatId) = (null, null);
        await db.SaveChangesAsync(ct);
    }
}

internal sealed class StaffLinkCodeConfiguration : IEntityTypeConfiguration<StaffLinkCode>
{
    public void Configure(EntityTypeBuilder<StaffLinkCode> b)
    {
        b.ToTable("staff_link_codes");
        b.Property(x => x.Code).HasMaxLength(6);
        b.HasIndex(x => x.Code).IsUnique().HasFilter("used_at_utc IS NULL").HasDatabaseName("ux_staff_link_codes_live");
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
