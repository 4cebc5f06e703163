using AlAroma.Web.Infrastructure.Auditing;
using System.Text.RegularExpressions;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Pos;

/// <summary>A wrong customer code typed at a register (kept one <see cref="CustomerCodeAttempts.Window"/>, for the limit).</summary>
[Infrastructure.Auditing.NotAudited]
public class CustomerCodeFailure
{
    public long Id { get; set; }
    public int RegisterId { get; set; }

    /// <summary>When, UTC.</summary>
    public DateTime AtUtc { get; set; }
}

internal sealed class CustomerCodeFailureConfiguration : IEntityTypeConfiguration<CustomerCodeFailure>
{
    public void Configure(EntityTypeBuilder<CustomerCodeFailure> b)
    {
        b.ToTable("customer_code_failures");
        b.HasIndex(x => new { x.RegisterId, x.AtUtc });
        b.HasOne<Register>().WithMany().HasForeignKey(x => x.RegisterId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Wrong customer codes per register: at most <see cref="MaxFailures"/> in <see cref="Window"/>, then the till
/// refuses codes until the oldest failure leaves the window (a six-digit code must not be guessed by trying).
/// Kept in PostgreSQL, checked and counted under the register's row lock: parallel guesses from one till queue and
/// each sees the failures before it, and every app instance sees the same count.
/// </summary>
public sealed class CustomerCodeAttempts(AppDbContext db, TimeProvider clock)
{
    /// <summary>Wrong codes allowed per register within <see cref="Window"/>.</summary>
    public const int MaxFailures = 5;

    /// <summary>The sliding window of the limit.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Redeems <paramref name="code"/> at the register unless it had <see cref="MaxFailures"/> wrong codes within the window; a wrong code is counted.</summary>
    /// <returns>The customer id of the code.</returns>
    /// <exception cref="BusinessRuleException">Too many wrong codes (says when to try again), or the code is wrong, used or old.</exception>
    public async Task<long> RedeemAsync(int registerId, string code, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Window;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT id FROM registers WHERE id = {registerId} FOR UPDATE", ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM customer_code_failures WHERE register_id = {registerId} AND at_utc <= {since}", ct);
        var failures = await db.Set<CustomerCodeFailure>().Where(f => f.RegisterId == registerId).OrderBy(f => f.AtUtc).Select(f => f.AtUtc).ToListAsync(ct);
        if (failures.Count >= MaxFailures)
        {
            var wait = (int)Math.Ceiling((Window - (now - failures[^MaxFailures])).TotalSeconds);
            throw new BusinessRuleException($"Слишком много неверных кодов на этой кассе: {MaxFailures} за минуту. Подождите {Math.Max(1, wait)} с или найдите клиента по номеру телефона.");
        }
        try
        {
            var customerId = await CustomerCodes.RedeemAsync(db, code, now, ct);
            await tx.CommitAsync(ct);
            return customerId;
        }
        catch (BusinessRuleException)
        {
            db.Add(new CustomerCodeFailure { RegisterId = registerId, AtUtc = now });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            throw;
        }
    }
}

/// <summary>
/// The customer of the receipt at the till: "Телефон или код" finds a customer by a six-digit code
/// (<see cref="CustomerCodes.RedeemAsync"/>, wrong attempts limited per register) or by the full phone number
/// (<see cref="PhoneNormalizer"/>); an unknown phone may be registered on the spot with a name.
/// A part of the number finds nothing: the till only finds the customer who gives their number or shows their code,
/// and every card found is audited (<see cref="CustomerCardAudit"/>). The customer is kept on the register's cart.
/// </summary>
public sealed partial class TillCustomer(AppDbContext db, TillAccess till, EditCart cart, CustomerCodeAttempts attempts, CustomerCardAudit audit, TimeProvider clock)
{
    /// <summary>What the lookup found.</summary>
    /// <param name="Attached">True when a customer is now on the receipt.</param>
    /// <param name="NewPhone">The normalised phone of an unknown customer (offer "Новый клиент").</param>
    public sealed record LookupResult(bool Attached, string? NewPhone);

    /// <summary>A whole Russian number has 10 digits after the country code; fewer is a part of a number.</summary>
    private const int NationalDigits = 10;

    // The code as read aloud or copied from the bot: "123456", "123 456", "123-456".
    [GeneratedRegex(@"^\d{3}[\s-]?\d{3}$")]
    private static partial Regex SixDigits();

    /// <summary>Finds the customer by a six-digit code or a full phone number and attaches them to the receipt.</summary>
    /// <exception cref="BusinessRuleException">Empty input, a part of a phone number, a wrong/used/old code, too many wrong codes,
    /// a phone that is not Russian or not valid, no open shift.</exception>
    public async Task<LookupResult> FindAsync(int registerId, string? input, CancellationToken ct)
    {
        var text = (input ?? "").Trim();
        if (text.Length == 0) throw new BusinessRuleException("Введите телефон клиента или 6-значный код из бота.");
        var place = await PlaceAsync(registerId, ct);
        // Before anything is looked up: a till without the user's open shift must not tell which numbers are customers.
        await till.RequireOpenShiftAsync(registerId, lockForShare: false, ct);
        long customerId;
        if (SixDigits().IsMatch(text))
        {
            customerId = await attempts.RedeemAsync(registerId, new string(text.Where(char.IsAsciiDigit).ToArray()), ct);
            place = place with { How = CustomerLookupWay.Code };
        }
        else
        {
            if (text.Count(char.IsAsciiDigit) < NationalDigits)
                throw new BusinessRuleException("Введите номер клиента полностью (10 цифр после +7 или 8) или 6-значный код из бота. По части номера касса клиентов не ищет.");
            var phone = PhoneNormalizer.NormalizeRussian(text);
            if (!phone.IsValid) throw new BusinessRuleException(phone.Error!);
            // A merged duplicate's phone brings up the card it was merged into.
            var found = await db.Customers.Where(c => c.Phone == phone.E164).Select(c => (long?)(c.MergedIntoId ?? c.Id)).FirstOrDefaultAsync(ct);
            if (found is null) return new LookupResult(false, phone.E164);
            customerId = found.Value;
        }
        await AttachAsync(registerId, customerId, place, ct);
        return new LookupResult(true, null);
    }

    /// <summary>
    /// Registers a new customer (phone + name) and attaches them; an existing phone attaches that customer (a lookup by
    /// phone, audited as such; the new customer's row is audited as created).
    /// </summary>
    /// <returns>The customer id.</returns>
    /// <exception cref="BusinessRuleException">Invalid phone, empty name, no open shift.</exception>
    public async Task<long> CreateAsync(int registerId, string? phoneInput, string? name, CancellationToken ct)
    {
        var place = await PlaceAsync(registerId, ct);
        var phone = PhoneNormalizer.NormalizeRussian(phoneInput);
        if (!phone.IsValid) throw new BusinessRuleException(phone.Error!);
        name = (name ?? "").Trim();
        if (name.Length == 0) throw new BusinessRuleException("Введите имя клиента.");
        if (name.Length > 200) throw new BusinessRuleException("Имя клиента длиннее 200 символов. Сократите его.");
        await till.RequireOpenShiftAsync(registerId, lockForShare: false, ct);
        var id = await db.Customers.Where(c => c.Phone == phone.E164).Select(c => (long?)(c.MergedIntoId ?? c.Id)).FirstOrDefaultAsync(ct);
        CustomerLookupPlace? lookedUp = place;
        if (id is null)
        {
            var customer = new Customer { Phone = phone.E164!, Name = name, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.Customers.Add(customer);
            try
            {
                await db.SaveChangesAsync(ct);
                id = customer.Id;
                lookedUp = null;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Registered at another till a moment ago: take that one.
                db.ChangeTracker.Clear();
                id = await db.Customers.Where(c => c.Phone == phone.E164).Select(c => c.Id).FirstAsync(ct);
            }
        }
        await AttachAsync(registerId, id.Value, lookedUp, ct);
        return id.Value;
    }

    /// <summary>Takes the customer off the receipt.</summary>
    /// <exception cref="BusinessRuleException">No open shift of this user.</exception>
    public Task DetachAsync(int registerId, CancellationToken ct) => cart.MutateAsync(registerId, c => c.SetCustomer(null), ct);

    /// <summary>The register and its shop as the audit of a lookup names them.</summary>
    /// <exception cref="BusinessRuleException">The register does not exist or is at another shop.</exception>
    private async Task<CustomerLookupPlace> PlaceAsync(int registerId, CancellationToken ct)
    {
        var (register, shop) = await till.RequireRegisterAsync(registerId, ct);
        return new CustomerLookupPlace(CustomerLookupWay.Phone, register.Id, register.Name, shop.Code);
    }

    // The card is on the till's screen once it is on the cart, so that is when the lookup is audited.
    private async Task AttachAsync(int registerId, long customerId, CustomerLookupPlace? lookedUp, CancellationToken ct)
    {
        await cart.MutateAsync(registerId, c => c.SetCustomer(customerId), ct);
        if (lookedUp is not null) await audit.WriteAsync([customerId], lookedUp, ct);
    }
}
