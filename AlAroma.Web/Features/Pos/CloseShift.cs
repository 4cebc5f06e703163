using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlAroma.Web.Features.Pos;

/// <summary>A manager confirming a large discrepancy on the till: e-mail and password typed there.</summary>
public sealed record ManagerConfirmation(string? Email, string? Password);

/// <summary>
/// Closes a shift with the cash counted in the drawer: expected cash = float + cash payments (net of change) − cash
/// refunds + cash in − cash out; the discrepancy and the Z-report follow from it. Waits for sales being written in
/// this shift. A discrepancy above <see cref="PosOptions.DiscrepancyLimit"/> (either way) needs a manager: a Manager
/// or Admin closing confirms it themselves, a Cashier/Seller needs a manager's e-mail and password; the confirmer is
/// stored on the shift.
/// </summary>
public sealed class CloseShift(AppDbContext db, TillAccess till, TimeProvider clock, UserManager<AppUser> users, IOptions<PosOptions> options)
{
    /// <summary>Closes the shift.</summary>
    /// <param name="shiftId">The shift.</param>
    /// <param name="countedCash">Cash counted in the drawer, ₽ (≥ 0; null = not entered).</param>
    /// <param name="manager">Credentials of the manager confirming a large discrepancy (optional).</param>
    /// <exception cref="BusinessRuleException">
    /// Bad amount, a shift of another shop or cashier, already closed, or a discrepancy above the limit without a valid
    /// manager confirmation. Nothing is written.
    /// </exception>
    public async Task HandleAsync(long shiftId, decimal? countedCash, CancellationToken ct, ManagerConfirmation? manager = null)
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
        var counted = Money.Round(countedCash.Value);
        var discrepancy = counted - figures.ExpectedCash;
        var limit = options.Value.DiscrepancyLimit;
        if (Math.Abs(discrepancy) > limit)
            shift.DiscrepancyConfirmedBy = till.IsManager ? till.UserDisplayName : await ConfirmAsync(manager, discrepancy, limit);
        shift.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
        shift.ClosedByName = till.UserDisplayName;
        shift.CountedCash = counted;
        shift.ExpectedCash = figures.ExpectedCash;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The confirming manager's display name.</summary>
    /// <exception cref="BusinessRuleException">No credentials, wrong ones, or the user is not a Manager/Admin.</exception>
    private async Task<string> ConfirmAsync(ManagerConfirmation? manager, decimal discrepancy, decimal limit)
    {
        var why = $"Расхождение {Money.Format(discrepancy)} больше допустимого ({Money.Format(limit)}). ";
        if (string.IsNullOrWhiteSpace(manager?.Email) || string.IsNullOrEmpty(manager.Password))
            throw new BusinessRuleException(why + "Пересчитайте наличные ещё раз или попросите менеджера подтвердить закрытие: он вводит свой e-mail и пароль.");
        var user = await users.FindByEmailAsync(manager.Email.Trim());
        if (user is null || !await users.CheckPasswordAsync(user, manager.Password) || await users.IsLockedOutAsync(user))
            throw new BusinessRuleException(why + "E-mail или пароль менеджера неверны — смена не закрыта.");
        if (!await users.IsInRoleAsync(user, Roles.Manager) && !await users.IsInRoleAsync(user, Roles.Admin))
            throw new BusinessRuleException(why + "Подтвердить может только менеджер или администратор.");
        return string.IsNullOrWhiteSpace(user.FullName) ? user.Email ?? manager.Email : user.FullName;
    }
}
