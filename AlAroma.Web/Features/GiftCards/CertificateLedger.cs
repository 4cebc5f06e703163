using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.GiftCards;

/// <summary>
/// The only writer of certificate balances. A redemption is one conditional UPDATE
/// (<c>balance ≥ amount AND active AND not expired</c>) that takes the row lock, so two tills spending the same
/// code at the same moment queue up and the second sees what the first left: never more than the balance.
/// Every change writes a ledger entry with the balance after it, in the caller's transaction.
/// </summary>
public static class CertificateLedger
{
    /// <summary>Validity of a new certificate (DOMAIN.md: 12 months).</summary>
    public static readonly int ValidityMonths = 12;

    /// <summary>Issues a new active certificate of <paramref name="nominal"/> ₽ with a fresh unique code.</summary>
    /// <exception cref="BusinessRuleException">The nominal is not positive.</exception>
    public static async Task<GiftCertificate> ActivateAsync(AppDbContext db, decimal nominal, int locationId, long? saleId, DateTime atUtc, string userName, CancellationToken ct)
    {
        nominal = Money.Round(nominal);
        if (nominal <= 0) throw new BusinessRuleException("Номинал сертификата должен быть больше нуля.");
        string code;
        do code = CertificateCode.New(); // 10^12 codes: a collision is rare, but the unique index has the last word
        while (await db.Set<GiftCertificate>().AnyAsync(c => c.Code == code, ct));
        var cert = new GiftCertificate
        {
            Code = code, Nominal = nominal, Balance = nominal, Status = CertificateStatus.Active, ActivatedAtUtc = atUtc,
            ExpiresAtUtc = atUtc.AddMonths(ValidityMonths), LocationId = locationId, SaleId = saleId,
        };
        cert.Entries.Add(new GiftCertificateEntry { Kind = CertificateEntryKind.Activate, Amount = nominal, BalanceAfter = nominal, AtUtc = atUtc, SaleId = saleId, UserName = userName });
        db.Add(cert);
        await db.SaveChangesAsync(ct);
        return cert;
    }

    /// <summary>
    /// Spends <paramref name="amount"/> ₽ of the certificate <paramref name="code"/> on a sale. Run inside the sale's transaction.
    /// </summary>
    /// <returns>The certificate id and the balance left, ₽.</returns>
    /// <exception cref="BusinessRuleException">Wrong code, unknown, expired, cancelled, empty or not enough on it; the message says which and how much is left.</exception>
    public static async Task<(long CertificateId, decimal BalanceAfter)> RedeemAsync(AppDbContext db, string code, decimal amount, long? saleId, DateTime atUtc, string userName, CancellationToken ct)
    {
        RequireTransaction(db);
        amount = Money.Round(amount);
        if (amount <= 0) throw new BusinessRuleException("Сумма оплаты сертификатом должна быть больше нуля.");
        var clean = CertificateCode.Clean(code);
        if (clean is null || !CertificateCode.IsValid(clean))
            throw new BusinessRuleException("Код сертификата введён с ошибкой: проверьте 13 цифр (последняя — контрольная).");

        var rows = await db.Database.SqlQuery<Updated>($"""
            UPDATE gift_certificates SET balance = balance - {amount}
            WHERE code = {clean} AND status = 'Active' AND expires_at_utc > {atUtc} AND balance >= {amount}
            RETURNING id, balance
            """).ToListAsync(ct);
        if (rows.Count == 0) throw await WhyNotAsync(db, clean, amount, atUtc, ct);

        db.Add(new GiftCertificateEntry { CertificateId = rows[0].Id, Kind = CertificateEntryKind.Redeem, Amount = -amount, BalanceAfter = rows[0].Balance, AtUtc = atUtc, SaleId = saleId, UserName = userName });
        await db.SaveChangesAsync(ct);
        return (rows[0].Id, rows[0].Balance);
    }

    /// <summary>Puts <paramref name="amount"/> ₽ back on a certificate (a return of goods paid with it). Run inside the return's transaction.</summary>
    /// <exception cref="BusinessRuleException">The refund would exceed the nominal.</exception>
    public static async Task<decimal> RefundAsync(AppDbContext db, long certificateId, decimal amount, long? saleId, DateTime atUtc, string userName, CancellationToken ct)
    {
        RequireTransaction(db);
        amount = Money.Round(amount);
        var rows = await db.Database.SqlQuery<Updated>($"""
            UPDATE gift_certificates SET balance = balance + {amount}
            WHERE id = {certificateId} AND balance + {amount} <= nominal
            RETURNING id, balance
            """).ToListAsync(ct);
        if (rows.Count == 0) throw new BusinessRuleException("Нельзя вернуть на сертификат больше его номинала.");
        db.Add(new GiftCertificateEntry { CertificateId = certificateId, Kind = CertificateEntryKind.Refund, Amount = amount, BalanceAfter = rows[0].Balance, AtUtc = atUtc, SaleId = saleId, UserName = userName });
        await db.SaveChangesAsync(ct);
        return rows[0].Balance;
    }

    private sealed record Updated(long Id, decimal Balance);

    private static void RequireTransaction(AppDbContext db)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Certificate changes must run inside a transaction.");
    }

    private static async Task<BusinessRuleException> WhyNotAsync(AppDbContext db, string code, decimal amount, DateTime atUtc, CancellationToken ct)
    {
        var c = await db.Set<GiftCertificate>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        return new BusinessRuleException(c switch
        {
            null => "Сертификат с таким кодом не найден. Проверьте код.",
            { Status: CertificateStatus.Cancelled } => "Сертификат аннулирован — принять его нельзя.",
            _ when c.Status == CertificateStatus.Expired || c.ExpiresAtUtc <= atUtc => $"Срок действия сертификата истёк {c.ExpiresAtUtc:dd.MM.yyyy}.",
            { Balance: 0 } => "Сертификат уже использован полностью.",
            _ => $"На сертификате {Money.Format(c.Balance)}, а списать пытаются {Money.Format(amount)}. Спишите не больше остатка, остальное — другим способом.",
        });
    }
}
