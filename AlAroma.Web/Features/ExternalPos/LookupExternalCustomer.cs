using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.ExternalPos;

/// <summary>
/// <c>POST /api/v1/customers/lookup</c>: the programme's customer by the whole phone number or by the six-digit one-time
/// code from the client bot (used up by the lookup, as at our tills). Each card found is audited as a lookup from the
/// register (<see cref="CustomerCardAudit"/>). Merged-away and erased cards are not found.
/// </summary>
public sealed class LookupExternalCustomer(AppDbContext db, CustomerCardAudit audit, TimeProvider clock)
{
    /// <summary>The request: <c>phone</c> (any Russian format) or <c>code</c> (six digits).</summary>
    public sealed record Request(string? Phone, string? Code);

    /// <summary>The customer as a till needs it.</summary>
    /// <param name="Level">Standard, Silver, Gold or Platinum.</param>
    /// <param name="Points">The balance (1 point = 1 ₽); may be negative after a return took back points already spent.</param>
    /// <param name="PhoneMasked">"+7 916 ***-**-67": enough for the cashier to confirm, not the whole number.</param>
    public sealed record Response(long CustomerId, string Name, string PhoneMasked, string Level, string LevelName, int Points);

    /// <summary>The customer, or null when no card has that phone.</summary>
    /// <exception cref="BusinessRuleException">Neither phone nor code, an invalid phone, or a code that is wrong, used or expired.</exception>
    public async Task<Response?> HandleAsync(ExternalPosCaller caller, Request request, CancellationToken ct)
    {
        long? id;
        CustomerLookupWay way;
        if (!string.IsNullOrWhiteSpace(request.Code))
        {
            var code = request.Code.Trim();
            if (code.Length != 6 || !code.All(char.IsAsciiDigit)) throw new BusinessRuleException("Код клиента — шесть цифр из бота.");
            id = await CustomerCodes.RedeemAsync(db, code, clock.GetUtcNow().UtcDateTime, ct);
            way = CustomerLookupWay.Code;
        }
        else if (!string.IsNullOrWhiteSpace(request.Phone))
        {
            var phone = PhoneNormalizer.NormalizeRussian(request.Phone);
            if (!phone.IsValid) throw new BusinessRuleException(phone.Error!);
            id = await db.Customers.Where(c => c.Phone == phone.E164 && c.MergedIntoId == null && c.ErasedAtUtc == null)
                .Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
            way = CustomerLookupWay.Phone;
        }
        else throw new BusinessRuleException("Укажите phone (номер клиента) или code (шесть цифр из бота).");

        var c = id is null ? null : await db.Customers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.MergedIntoId == null && x.ErasedAtUtc == null, ct);
        if (c is null) return null;
        await audit.WriteAsync([c.Id], new CustomerLookupPlace(way, Register: caller.DisplayName), ct);
        return new Response(c.Id, c.Name, Mask(c.Phone), c.Level.ToString(), LoyaltyRules.Label(c.Level), c.PointsBalance);
    }

    /// <summary>"+79161234567" → "+7 916 ***-**-67".</summary>
    public static string Mask(string e164) =>
        e164.Length == 12 ? $"+7 {e164[2..5]} ***-**-{e164[10..]}" : "***";
}
