using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>
/// Closes a shift with the cash counted in the drawer: expected cash = float + cash payments (net of change);
/// the discrepancy and the Z-report follow from it. Waits for sales being written in this shift.
/// </summary>
public sealed class CloseShift(AppDbContext db, TillAccess till, TimeProvider clock)
{
    /// <summary>Closes the shift.</summary>
    /// <param name="shiftId">The shift.</param>
    /// <param name="countedCash">Cash counted in the drawer, ₽ (≥ 0; null = not entered).</param>
    /// <exception cref="BusinessRuleException">Bad amount, a shift of another shop or cashier, or already closed.</exception>
    public async Task HandleAsync(long shiftId, decimal? countedCash, CancellationToken ct)
    {
        if (countedCash is null) throw new BusinessRuleException("Пересчитайте наличные в кассе и укажите сумму.");
        if (countedCash < 0) throw new BusinessRuleException("Сумма наличных не может быть отрицательной.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // FOR UPDATE waits for checkouts holding the shift FOR SHARE, so every sale of the shift is counted.
        var shift = (await db.Shifts.FromSql($"SELECT * FROM shifts WHERE id = {shiftId} FOR UPDATE").ToListAsync(ct)).FirstOrDefault();
        if (shift is null || await till.FindRegisterAsync(shift.RegisterId, ct) is null) throw new BusinessRuleException("Смена не найдена или относится к другому магазину.");
        if (!shift.IsOpen) throw new BusinessRuleException("Смена уже закрыта.");
        if (!till.MayWorkIn(shift)) throw new BusinessRuleException($"Смену открыл кассир {shift.OpenedByName}: закрыть её может он или менеджер.");
        var figures = await ShiftReport.ForShiftAsync(db, shift, ct);
        shift.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
        shift.ClosedByName = till.UserDisplayName;
        shift.CountedCash = Money.Round(countedCash.Value);
        shift.ExpectedCash = figures.ExpectedCash;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
