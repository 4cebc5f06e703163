using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;

namespace AlAroma.Web.Features.Reports;

/// <summary>
/// The /reports page: the report list with its parameters (shops, locations) and the on-screen preview of the
/// daily sales by shop, built from the same <see cref="DailySales"/> record as the Excel file.
/// </summary>
public sealed record ReportsPage(IReadOnlyList<Location> Shops, IReadOnlyList<Location> Locations, DailySales Daily);

/// <summary>Builds <see cref="ReportsPage"/> for the signed-in user.</summary>
public sealed class GetReportsPage(GetDailySales daily, LocationScope scope)
{
    /// <exception cref="Infrastructure.BusinessRuleException">The shop is not one of the user's, or the day is out of range.</exception>
    public async Task<ReportsPage> HandleAsync(DailySalesQuery query, CancellationToken ct)
    {
        var report = await daily.HandleAsync(query, ct);
        return new ReportsPage(await GetDailySales.ShopsAsync(scope, ct), await scope.AllowedAsync(ct), report);
    }
}
