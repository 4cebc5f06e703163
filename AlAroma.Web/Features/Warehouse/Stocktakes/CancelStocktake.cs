using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>"Отменить": drops a stocktake that is not posted; stock does not change.</summary>
public sealed class CancelStocktake(AppDbContext db, LocationScope scope)
{
    /// <summary>Cancels and returns the number.</summary>
    /// <exception cref="Infrastructure.BusinessRuleException">Posted or cancelled already, or not the user's location.</exception>
    public Task<string> HandleAsync(long id, CancellationToken ct) =>
        StocktakeDocs.ChangeAsync(db, scope, id, "отменять инвентаризацию", s => { s.Cancel(); return Task.CompletedTask; }, ct);
}
