using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>/pos: the registers of the user's current shop (or of all their shops), with who has a shift open at each.</summary>
public sealed class ChooseRegister(AppDbContext db, LocationScope scope, TillAccess till)
{
    /// <summary>A register and its open shift, if any.</summary>
    public sealed record Row(int RegisterId, string Register, string Shop, string? OpenShiftBy, DateTime? OpenSinceUtc, string TimeZoneId, bool Mine);

    /// <summary>The registers to choose from, and the one to go to straight away (the user's own open shift, or the only register).</summary>
    public sealed record Model(IReadOnlyList<Row> Registers, int? GoTo);

    public async Task<Model> HandleAsync(CancellationToken ct)
    {
        var shops = (await scope.AllowedAsync(ct)).Where(l => l.Kind == LocationKind.Shop).ToList();
        var current = await scope.CurrentAsync(ct);
        if (current is not null && shops.Any(s => s.Id == current.Id)) shops = [shops.First(s => s.Id == current.Id)];
        var ids = shops.Select(s => s.Id).ToList();
        var rows = await db.Registers.AsNoTracking().Where(r => r.IsActive && ids.Contains(r.LocationId))
            .Select(r => new
            {
                r.Id, r.Name, r.LocationId,
                Shift = db.Shifts.Where(s => s.RegisterId == r.Id && s.ClosedAtUtc == null).Select(s => new { s.OpenedByName, s.OpenedByUserId, s.OpenedAtUtc }).FirstOrDefault(),
            }).ToListAsync(ct);
        var list = rows.Select(r =>
        {
            var shop = shops.First(s => s.Id == r.LocationId);
            return new Row(r.Id, r.Name, shop.Name, r.Shift?.OpenedByName, r.Shift?.OpenedAtUtc, shop.TimeZoneId, r.Shift?.OpenedByUserId == till.UserId);
        }).OrderBy(r => r.Shop).ThenBy(r => r.Register).ToList();
        var goTo = list.FirstOrDefault(r => r.Mine)?.RegisterId ?? (list.Count == 1 ? list[0].RegisterId : null);
        return new Model(list, goTo);
    }
}
