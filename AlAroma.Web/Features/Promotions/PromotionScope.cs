using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Promotions;

/// <summary>
/// Which promotions a back-office user may change. Admins and managers without location bindings manage every
/// promotion; a manager bound to some shops manages only promotions limited to those shops (not chain-wide ones).
/// </summary>
public static class PromotionScope
{
    /// <summary>Throws <see cref="BusinessRuleException"/> (Russian) when the user may not manage a promotion at <paramref name="locationIds"/>.</summary>
    public static async Task EnsureMayManageAsync(LocationScope scope, IReadOnlyCollection<int> locationIds, CancellationToken ct)
    {
        if (scope.SeesAll) return;
        if (locationIds.Count == 0)
            throw new BusinessRuleException("Акцию для всех точек может менять только менеджер без привязки к точкам. Выберите свои магазины.");
        foreach (var id in locationIds)
            if (!await scope.MayAccessAsync(id, ct))
                throw new BusinessRuleException("Акция затрагивает чужие точки: её может менять менеджер этих точек или администратор.");
    }
}
