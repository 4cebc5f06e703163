using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>Opens a shift at a register with the cash float counted into the drawer.</summary>
public sealed class OpenShift(AppDbContext db, TillAccess till, TimeProvider clock)
{
    /// <summary>Opens the shift and returns its id.</summary>
    /// <param name="registerId">The register.</param>
    /// <param name="openingFloat">Cash in the drawer, ₽ (≥ 0; null = not entered).</param>
    /// <exception cref="BusinessRuleException">Bad float, a register of another shop, or a shift already open at this register.</exception>
    public async Task<long> HandleAsync(int registerId, decimal? openingFloat, CancellationToken ct)
    {
        var (register, location) = await till.RequireRegisterAsync(registerId, ct);
        if (openingFloat is null) throw new BusinessRuleException("Укажите сумму наличных в кассе на начало смены (размен), например 5000.");
        if (openingFloat < 0) throw new BusinessRuleException("Сумма размена не может быть отрицательной.");
        var shift = new Shift
        {
            RegisterId = register.Id, LocationId = location.Id, OpenedByUserId = till.UserId, OpenedByName = till.UserDisplayName,
            OpenedAtUtc = clock.GetUtcNow().UtcDateTime, OpeningFloat = Money.Round(openingFloat.Value),
        };
        db.Shifts.Add(shift);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("ux_shifts_open_per_register"))
        {
            db.ChangeTracker.Clear();
            var other = await db.Shifts.AsNoTracking().Where(s => s.RegisterId == register.Id && s.ClosedAtUtc == null)
                .Select(s => s.OpenedByName).FirstOrDefaultAsync(ct);
            throw new BusinessRuleException($"На кассе «{register.Name}» уже открыта смена: {other ?? "?"}. Работайте в ней или попросите закрыть её.");
        }
        return shift.Id;
    }
}
