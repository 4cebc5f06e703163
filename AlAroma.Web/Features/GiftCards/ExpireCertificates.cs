using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.GiftCards;

/// <summary>
/// Nightly: every active certificate whose 12 months have passed (<see cref="GiftCertificate.ExpiresAtUtc"/> ≤ now)
/// becomes Expired with an «Сгорание» ledger entry taking what was left on it to 0 ₽, so the liability report owes
/// nothing for it. Idempotent: an expired certificate is no longer active, so a second run finds nothing. Each
/// certificate is expired by one conditional UPDATE (still active), so a till redeeming it at the same instant
/// either spends before it expires or is refused — never both.
/// </summary>
public sealed class ExpireCertificates(AppDbContext db, TimeProvider clock)
{
    /// <returns>Certificates expired and the sum taken off them, ₽, in words.</returns>
    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.GiftCertificates.AsNoTracking()
            .Where(c => c.Status == CertificateStatus.Active && c.ExpiresAtUtc <= now).Select(c => c.Id).ToListAsync(ct);
        var (count, total) = (0, 0m);
        foreach (var id in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The row lock queues this behind a till spending the certificate right now; it then sees what the till left.
            var rows = await db.Database.SqlQuery<decimal>($"""
                SELECT balance AS "Value" FROM gift_certificates
                WHERE id = {id} AND status = 'Active' AND expires_at_utc <= {now} FOR UPDATE
                """).ToListAsync(ct);
            if (rows.Count == 0) continue;
            await db.Database.ExecuteSqlAsync($"UPDATE gift_certificates SET status = 'Expired', balance = 0 WHERE id = {id}", ct);
            db.Add(new GiftCertificateEntry { CertificateId = id, Kind = CertificateEntryKind.Expire, Amount = -rows[0], BalanceAfter = 0, AtUtc = now, UserName = JobsSetup.SystemUserName, Comment = "Истёк срок действия (12 месяцев)" });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            count++;
            total += rows[0];
        }
        return new JobOutcome(count, count == 0
            ? "Сертификатов с истёкшим сроком нет"
            : $"Сгорело {count} {Plural.Of(count, "сертификат", "сертификата", "сертификатов")} на {Money.Format(total)}");
    }
}
