using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Notifications.Templates;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.GiftCards;

/// <summary>
/// «Отправить код на e-mail»: queues a certificate's code to the person it is given to (the buyer names the address at
/// the till, or a manager resends it from the certificate's page). The letter says the balance left (₽) and the last
/// day of validity in the selling shop's time zone. The outbox sends it; nothing talks to SMTP here.
/// </summary>
public sealed class EmailCertificateCode(AppDbContext db, NotificationOutbox outbox, TimeProvider clock)
{
    /// <summary>The outbox's entity type of a code letter (<see cref="OutboxMessage.EntityType"/>; entity id = the certificate id).</summary>
    public const string EntityType = "GiftCertificate";

    /// <summary>Queues the letter and saves.</summary>
    /// <param name="code">The 13-digit code, with or without spaces.</param>
    /// <returns>The normalised address it will go to.</returns>
    /// <exception cref="BusinessRuleException">
    /// No such certificate, it is cancelled, expired or spent (a code that buys nothing is not sent), or the address is
    /// not an e-mail address. Nothing is queued.
    /// </exception>
    public async Task<string> HandleAsync(string code, string email, CancellationToken ct)
    {
        var clean = CertificateCode.Clean(code);
        var cert = clean is null ? null : await db.GiftCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.Code == clean, ct);
        if (cert is null) throw new BusinessRuleException("Сертификат с таким кодом не найден: проверьте 13 цифр.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (cert.Status != CertificateStatus.Active || cert.ExpiresAtUtc <= now || cert.Balance <= 0)
            throw new BusinessRuleException($"Сертификат {CertificateCode.Format(cert.Code)}: {cert.StatusLabel(now).ToLowerInvariant()}. Код такого сертификата не отправляется.");
        var zone = await db.Locations.Where(l => l.Id == cert.LocationId).Select(l => l.TimeZoneId).FirstOrDefaultAsync(ct);
        // The last day it still works: the local date of the moment just before it expires.
        var validUntil = DateOnly.FromDateTime(LocalTime.ToLocal(cert.ExpiresAtUtc.AddTicks(-1), zone));
        var m = outbox.Email(email, new CertificateCodeEmail(CertificateCode.Format(cert.Code), cert.Balance, validUntil),
            new NotificationSubject(EntityType, cert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(ct);
        return m.Recipient;
    }
}
