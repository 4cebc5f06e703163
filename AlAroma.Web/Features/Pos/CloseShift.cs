using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlAroma.Web.Features.Pos;

/// <summary>
/// Closes a shift with the cash counted in the drawer: expected cash = float + cash payments (net of change) − cash
/// refunds + cash in − cash out; the discrepancy and the Z-report follow from it. Waits for sales being written in
/// this shift. A discrepancy above <see cref="PosOptions.DiscrepancyLimit"/> (either way) needs a manager: a Manager
/// or Admin closing confirms it themselves, a Cashier/Seller needs a manager's e-mail and password
/// (<see cref="ManagerApproval"/>); the confirmer is stored on the shift.
/// </summary>
public sealed class CloseShift(AppDbContext db, TillAccess till, TimeProvider clock, ManagerApproval approval, IOptions<PosOptions> options)
{
    /// <summary>Closes the shift.</summary>
    /// <param name="shiftId">The shift.</param>
    /// <param name="countedCash">Cash counted in the drawer, ₽ (≥ 0; null = not entered).</param>
    /// <param name="manager">Credentials of the manager confirming a large discrepancy (optional).</param>
    /// <exception cref="BusinessRuleException">
    /// Bad amount, a shift of another shop or cashier, already closed, or a discrepancy above the limit without a valid
    /// manager confirmation. Nothing is written about the shift (a refused manager password is still counted).
    /// </exception>
    public async Task HandleAsync(long shiftId, decimal? countedCash, CancellationToken ct, ManagerConfirmation? manager = null)
    {
        if (countedCash is null) throw new BusinessRuleException("Пересчитайте наличные в кассе и укажите сумму.");
        if (countedCash < 0) throw new BusinessRuleException("Сумма наличных не может быть отрицательной.");
        var counted = Money.Round(countedCash.Value);
        if (await TryCloseAsync(shiftId, counted, confirmedBy: null, ct) is not { } needed) return;
        // The password is checked between two transactions: its failed-attempt counter must be committed even when the
        // close is refused (inside the closing transaction a refusal would roll it back).
        var confirmedBy = await approval.ConfirmAsync(needed.RegisterId, manager, needed.Why,
            "Пересчитайте наличные ещё раз или попросите менеджера подтвердить закрытие: он вводит свой e-mail и пароль.");
        await TryCloseAsync(shiftId, counted, confirmedBy, ct);
    }

    /// <summary>What needs a manager's confirmation: the register and the sentence saying why.</summary>
    private sealed record ConfirmationNeeded(int RegisterId, string Why);

    /// <summary>Closes the shift in one transaction, unless the discrepancy needs a manager and <paramref name="confirmedBy"/> is null.</summary>
    private async Task<ConfirmationNeeded?> TryCloseAsync(long shiftId, decimal counted, string? confirmedBy, CancellationToken ct)
    {
        db.ChangeTracker.Clear(); // the second attempt must read the shift again under the lock, not the first attempt's copy
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // FOR UPDATE waits for checkouts holding the shift FOR SHARE, so every sale of the shift is counted.
        var shift = (await db.Shifts.FromSql($"SELECT * FROM shifts WHERE id = {shiftId} FOR UPDATE").ToListAsync(ct)).FirstOrDefault();
        if (shift is null || await till.FindRegisterAsync(shift.RegisterId, ct) is null) throw new BusinessRuleException("Смена не найдена или относится к другому магазину.");
        if (!shift.IsOpen) throw new BusinessRuleException("Смена уже закрыта.");
        if (!till.MayWorkIn(shift)) throw new BusinessRuleException($"Смена открыта: {shift.OpenedByName}. Закрыть её может только тот, кто её открыл, или менеджер.");
        var figures = await ShiftReport.ForShiftAsync(db, shift, ct);
        var discrepancy = counted - figures.ExpectedCash;
        var limit = options.Value.DiscrepancyLimit;
        if (Math.Abs(discrepancy) > limit)
        {
            var by = till.IsManager ? till.UserDisplayName : confirmedBy;
            if (by is null) return new ConfirmationNeeded(shift.RegisterId, $"Расхождение {Money.Format(discrepancy)} больше допустимого ({Money.Format(limit)}). ");
            shift.DiscrepancyConfirmedBy = by;
        }
        // Parked receipts are kept until the shift closes (the close form says so): they are no sale.
        await db.ParkedCarts.Where(p => p.RegisterId == shift.RegisterId).ExecuteDeleteAsync(ct);
        shift.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
        shift.ClosedByName = till.UserDisplayName;
        shift.CountedCash = counted;
        shift.ExpectedCash = figures.ExpectedCash;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }
}
