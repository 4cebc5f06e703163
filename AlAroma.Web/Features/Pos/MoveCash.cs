using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>Внесение / Изъятие: cash put into or taken out of the drawer of an open shift, with a reason.</summary>
public sealed class MoveCash(AppDbContext db, TillAccess till, TimeProvider clock)
{
    /// <summary>Records the movement in the shift (counted in the expected cash and the X/Z-reports).</summary>
    /// <param name="amount">₽, &gt; 0.</param>
    /// <param name="reason">Why (required, up to 300 characters).</param>
    /// <exception cref="BusinessRuleException">Bad amount, no reason, a closed or foreign shift, or taking out more than the drawer holds.</exception>
    public async Task HandleAsync(long shiftId, CashMovementKind kind, decimal? amount, string? reason, CancellationToken ct)
    {
        if (amount is null or <= 0) throw new BusinessRuleException("Укажите сумму больше нуля.");
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) throw new BusinessRuleException($"Укажите причину: {(kind == CashMovementKind.In ? "зачем вносятся" : "зачем изымаются")} наличные.");
        if (reason.Length > 300) throw new BusinessRuleException("Причина слишком длинная: не больше 300 символов.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // FOR UPDATE: movements and closing of one shift queue up, so the drawer check below sees every earlier one.
        var shift = (await db.Shifts.FromSql($"SELECT * FROM shifts WHERE id = {shiftId} FOR UPDATE").AsNoTracking().ToListAsync(ct)).FirstOrDefault();
        if (shift is null || await till.FindRegisterAsync(shift.RegisterId, ct) is null) throw new BusinessRuleException("Смена не найдена или относится к другому магазину.");
        if (!shift.IsOpen) throw new BusinessRuleException("Смена закрыта: внесение и изъятие возможны только в открытой смене.");
        if (!till.MayWorkIn(shift)) throw new BusinessRuleException($"Смена открыта: {shift.OpenedByName}. Вносить и изымать наличные в ней может только тот, кто её открыл, или менеджер.");
        var value = Money.Round(amount.Value);
        if (kind == CashMovementKind.Out && (await ShiftReport.ForShiftAsync(db, shift, ct)).ExpectedCash is var inDrawer && value > inDrawer)
            throw new BusinessRuleException($"В кассе {Money.Format(inDrawer)}: изъять {Money.Format(value)} нельзя.");
        db.CashMovements.Add(new CashMovement { ShiftId = shift.Id, Kind = kind, Amount = value, Reason = reason, AtUtc = clock.GetUtcNow().UtcDateTime, UserName = till.UserDisplayName });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
