using AlAroma.Web.Data;
using AlAroma.Web.Features.GiftCards;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>"Проверить сертификат" at the till: balance, status and validity of a code.</summary>
public sealed class CheckCertificate(AppDbContext db, TimeProvider clock)
{
    /// <summary>What the till shows.</summary>
    /// <param name="Message">A Russian sentence: balance and validity, or why the code is not accepted.</param>
    /// <param name="Balance">₽ left when the certificate can pay now; null otherwise.</param>
    public sealed record Result(string Code, string Message, decimal? Balance);

    /// <summary>Looks the code up.</summary>
    public async Task<Result> HandleAsync(string? input, CancellationToken ct)
    {
        var code = CertificateCode.Clean(input);
        if (code is null || !CertificateCode.IsValid(code))
            return new Result(input ?? "", "Код сертификата введён с ошибкой: проверьте 13 цифр (последняя — контрольная).", null);
        var c = await db.Set<GiftCertificate>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        if (c is null) return new Result(code, "Сертификат с таким кодом не найден. Проверьте код.", null);
        var now = clock.GetUtcNow().UtcDateTime;
        var status = c.StatusLabel(now);
        var usable = status == "Действует";
        return new Result(CertificateCode.Format(code),
            $"{CertificateCode.Format(code)}: {status}. Остаток {Money.Format(c.Balance)} из {Money.Format(c.Nominal)}, действует до {c.ExpiresAtUtc:dd.MM.yyyy}.",
            usable ? c.Balance : null);
    }
}
