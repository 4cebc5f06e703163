using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>
/// The reviewer's choice for a product in scope nobody counted: "Исключить" (leave its stock as it is) or
/// "Считать нулём" (the default: posting writes its whole balance off as a shortage).
/// </summary>
public sealed class ExcludeStocktakeProduct(AppDbContext db, LocationScope scope)
{
    /// <summary>Excludes the product (or counts it as 0 again when <paramref name="exclude"/> is false).</summary>
    /// <exception cref="BusinessRuleException">Not in review, the product was counted, or not the user's location.</exception>
    public Task<string> HandleAsync(long id, int productId, bool exclude, CancellationToken ct) =>
        StocktakeDocs.ChangeAsync(db, scope, id, "проверять инвентаризацию", async s =>
        {
            if (exclude && await db.Set<StocktakeLine>().AnyAsync(l => l.StocktakeId == id && l.ProductId == productId, ct))
                throw new BusinessRuleException("Товар посчитан — исключить можно только непосчитанный. Чтобы пересчитать, верните инвентаризацию на подсчёт.");
            s.Exclude(productId, exclude);
        }, ct);
}
