using AlAroma.Web.Data;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Customers;

/// <summary>
/// The manager's customers page: find customers by the whole phone or its last digits, and issue a one-time
/// six-digit code for the till (until the Telegram bot issues them). Every card it lists is audited
/// (<see cref="CustomerCardAudit"/>). A manager's tool: the till finds only by the full number or a code (TillCustomer).
/// </summary>
public sealed class CustomerLookup(AppDbContext db, TimeProvider clock, CustomerCardAudit audit)
{
    /// <summary>A found customer.</summary>
    public sealed record Row(long Id, string Name, string Phone, string Level, int Points);

    /// <summary>The page: the query, the customers found, an error and a freshly issued code.</summary>
    public sealed record Model(string? Phone, IReadOnlyList<Row> Found, string? Error, string? Code = null, string? CodeFor = null);

    /// <summary>Customers whose phone matches <paramref name="phone"/> (the whole number, or its last digits, ≥ 4).</summary>
    public async Task<Model> SearchAsync(string? phone, CancellationToken ct)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0) return new Model(phone, [], null);
        if (digits.Length < 4) return new Model(phone, [], "Введите не меньше 4 цифр номера.");
        var normalized = PhoneNormalizer.NormalizeRussian(phone);
        var query = normalized.IsValid
            ? db.Customers.Where(c => c.Phone == normalized.E164)
            : db.Customers.Where(c => c.Phone.EndsWith(digits));
        var rows = await query.AsNoTracking().OrderBy(c => c.Name).Take(50).ToListAsync(ct);
        await audit.WriteAsync(rows.Select(c => c.Id).ToList(), new CustomerLookupPlace(CustomerLookupWay.Search, Query: phone), ct);
        return new Model(phone, rows.Select(ToRow).ToList(),
            rows.Count == 0 ? "Клиент с таким номером не найден. Зарегистрируйте его на кассе: «Новый клиент»." : null);
    }

    /// <summary>Issues a new six-digit code of the customer (valid 90 s, single use).</summary>
    /// <exception cref="BusinessRuleException">No such customer.</exception>
    public async Task<Model> IssueCodeAsync(long customerId, CancellationToken ct)
    {
        var c = await db.Customers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == customerId, ct)
            ?? throw new BusinessRuleException("Клиент не найден.");
        var code = await CustomerCodes.IssueAsync(db, c.Id, clock.GetUtcNow().UtcDateTime, ct);
        await audit.WriteAsync([c.Id], new CustomerLookupPlace(CustomerLookupWay.IssueCode), ct);
        var phone = PhoneNormalizer.Display(c.Phone);
        return new Model(phone, [ToRow(c)], null, code.Code, c.Name);
    }

    private static Row ToRow(Customer c) => new(c.Id, c.Name, PhoneNormalizer.Display(c.Phone), LoyaltyRules.Label(c.Level), c.PointsBalance);
}
