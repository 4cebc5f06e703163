using System.Security.Claims;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>
/// Who may work at which register: a seller or cashier only at registers of their shop (<see cref="LocationScope"/>),
/// and only in a shift they opened; managers and admins may stand in at any register they see.
/// </summary>
public sealed class TillAccess(AppDbContext db, LocationScope scope, IHttpContextAccessor http)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>Identity id of the signed-in user ("" when none).</summary>
    public string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>Name printed on receipts and shifts: the full name, else the login.</summary>
    public string UserDisplayName => User.FindFirstValue(StaffClaimsFactory.FullNameClaim) ?? User.Identity?.Name ?? "?";

    /// <summary>Managers and admins may sell in another cashier's shift and close it.</summary>
    public bool IsManager => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Manager);

    /// <summary>The register and its shop when the user may work there; null when it does not exist or is not theirs.</summary>
    public async Task<(Register Register, Location Location)?> FindRegisterAsync(int registerId, CancellationToken ct)
    {
        var r = await db.Registers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == registerId && x.IsActive, ct);
        if (r is null) return null;
        var loc = (await scope.AllowedAsync(ct)).FirstOrDefault(l => l.Id == r.LocationId && l.Kind == LocationKind.Shop);
        return loc is null ? null : (r, loc);
    }

    /// <summary>Same as <see cref="FindRegisterAsync"/> for a POST.</summary>
    /// <exception cref="BusinessRuleException">The register does not exist or is at another shop.</exception>
    public async Task<(Register Register, Location Location)> RequireRegisterAsync(int registerId, CancellationToken ct) =>
        await FindRegisterAsync(registerId, ct) ?? throw new BusinessRuleException("Касса не найдена или относится к другому магазину. Выберите свою кассу в разделе «Касса».");

    /// <summary>
    /// Why a user may not sell in another person's shift. The name stands after a colon, so the sentence needs no
    /// declension and no gender of the person ("Смена на этой кассе открыта: Кассирова Ксения").
    /// </summary>
    public static string OthersShift(string openedByName) =>
        $"Смена на этой кассе открыта: {openedByName}. Продавать в ней может только тот, кто её открыл, или менеджер.";

    /// <summary>True when the user may sell in (and close) <paramref name="shift"/>.</summary>
    public bool MayWorkIn(Shift shift) => shift.OpenedByUserId == UserId || IsManager;

    /// <summary>
    /// The open shift of the register that the user may sell in. With <paramref name="lockForShare"/> the row is
    /// locked FOR SHARE until the transaction ends, so the shift cannot be closed under a sale being written.
    /// </summary>
    /// <exception cref="BusinessRuleException">No open shift, or it belongs to another cashier.</exception>
    public async Task<Shift> RequireOpenShiftAsync(int registerId, bool lockForShare, CancellationToken ct)
    {
        var shift = lockForShare
            ? (await db.Shifts.FromSql($"SELECT * FROM shifts WHERE register_id = {registerId} AND closed_at_utc IS NULL FOR SHARE").ToListAsync(ct)).FirstOrDefault()
            : await db.Shifts.FirstOrDefaultAsync(s => s.RegisterId == registerId && s.ClosedAtUtc == null, ct);
        if (shift is null) throw new BusinessRuleException("Смена на этой кассе не открыта. Откройте смену, чтобы продавать.");
        if (!MayWorkIn(shift))
            throw new BusinessRuleException(OthersShift(shift.OpenedByName));
        return shift;
    }
}
