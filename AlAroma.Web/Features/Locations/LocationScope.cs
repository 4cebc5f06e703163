using System.Security.Claims;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Locations;

/// <summary>
/// Which locations the signed-in user may see and which one they work at now. Admins and managers without
/// bindings see every location; everyone else sees only the locations they are bound to (DOMAIN.md: "a shop
/// user sees only their shop"). The current location is chosen in the header and kept in a cookie.
/// </summary>
public sealed class LocationScope(IHttpContextAccessor http, AppDbContext db)
{
    /// <summary>Cookie that stores the chosen location id.</summary>
    public const string CookieName = "alaroma.location";

    private List<Location>? _allowed;

    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>True when the user sees every location.</summary>
    public bool SeesAll => (User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Manager)) && BoundIds.Count == 0;

    private IReadOnlyList<int> BoundIds =>
        User.FindAll(StaffClaimsFactory.LocationClaim).Select(c => int.Parse(c.Value)).ToList();

    /// <summary>Active locations the user may open, ordered warehouse first.</summary>
    public async Task<List<Location>> AllowedAsync(CancellationToken ct = default)
    {
        if (_allowed is not null) return _allowed;
        var q = db.Locations.AsNoTracking().Where(l => l.IsActive);
        if (!SeesAll)
        {
            var ids = BoundIds;
            q = q.Where(l => ids.Contains(l.Id));
        }
        // Kind is stored as text ("Shop" < "Warehouse"): order explicitly, warehouse first.
        return _allowed = await q.OrderBy(l => l.Kind == LocationKind.Warehouse ? 0 : 1).ThenBy(l => l.Code).ToListAsync(ct);
    }

    /// <summary>True when the user may act at <paramref name="locationId"/>.</summary>
    public async Task<bool> MayAccessAsync(int locationId, CancellationToken ct = default) =>
        (await AllowedAsync(ct)).Any(l => l.Id == locationId);

    /// <summary>The location chosen in the header, or the first allowed one; null when the user has none.</summary>
    public async Task<Location?> CurrentAsync(CancellationToken ct = default)
    {
        var allowed = await AllowedAsync(ct);
        var cookie = http.HttpContext?.Request.Cookies[CookieName];
        return int.TryParse(cookie, out var id) && allowed.FirstOrDefault(l => l.Id == id) is { } chosen ? chosen : allowed.FirstOrDefault();
    }
}
