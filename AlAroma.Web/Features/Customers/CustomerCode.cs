using System.Security.Cryptography;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Customers;

/// <summary>
/// A 6-digit code a customer shows at the till instead of dictating the phone (DOMAIN.md: valid 90 s, single use).
/// </summary>
[Infrastructure.Auditing.AuditName("Код покупателя")]
public class CustomerCode
{
    public long Id { get; set; }
    public long CustomerId { get; set; }

    /// <summary>Six digits; unique among unused codes.</summary>
    [Infrastructure.Auditing.AuditSecret]
    public string Code { get; set; } = "";
    public DateTime IssuedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? UsedAtUtc { get; set; }
}

/// <summary>Issues and redeems <see cref="CustomerCode"/>s.</summary>
public static class CustomerCodes
{
    /// <summary>How long a code is valid (seconds).</summary>
    public const int ValiditySeconds = 90;

    /// <summary>A fresh code for the customer; earlier unused codes of the customer stop working.</summary>
    public static async Task<CustomerCode> IssueAsync(AppDbContext db, long customerId, DateTime nowUtc, CancellationToken ct)
    {
        // Retire this customer's live codes and everyone's expired ones, so the six-digit space stays free.
        await db.Database.ExecuteSqlAsync($"UPDATE customer_codes SET used_at_utc = {nowUtc} WHERE used_at_utc IS NULL AND (customer_id = {customerId} OR expires_at_utc <= {nowUtc})", ct);
        for (var attempt = 0; ; attempt++)
        {
            var code = new CustomerCode
            {
                CustomerId = customerId, Code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6"),
                IssuedAtUtc = nowUtc, ExpiresAtUtc = nowUtc.AddSeconds(ValiditySeconds),
            };
            db.Add(code);
            try
            {
                await db.SaveChangesAsync(ct);
                return code;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < 5)
            {
                db.Entry(code).State = EntityState.Detached; // the same six digits are live for someone else: draw again
            }
        }
    }

    /// <summary>Consumes a code: returns the customer id, once; a second use, a wrong or an old code gets a clear refusal.</summary>
    /// <exception cref="BusinessRuleException">Unknown, used or expired code.</exception>
    public static async Task<long> RedeemAsync(AppDbContext db, string code, DateTime nowUtc, CancellationToken ct)
    {
        code = code.Trim();
        var rows = await db.Database.SqlQuery<long>($"""
            UPDATE customer_codes SET used_at_utc = {nowUtc}
            WHERE code = {code} AND used_at_utc IS NULL AND expires_at_utc > {nowUtc}
            RETURNING customer_id AS "Value"
            """).ToListAsync(ct);
        if (rows.Count == 1) return rows[0];
        throw new BusinessRuleException("Код не подошёл: он неверный, уже использован или старше 90 секунд. Попросите клиента получить новый код в боте.");
    }
}

internal sealed class CustomerCodeConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<CustomerCode>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<CustomerCode> b)
    {
        b.Property(x => x.Code).HasMaxLength(6);
        // Only live codes must be unique: six digits are reused once the old code is spent.
        b.HasIndex(x => x.Code).IsUnique().HasFilter("used_at_utc IS NULL").HasDatabaseName("ux_customer_codes_live");
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
