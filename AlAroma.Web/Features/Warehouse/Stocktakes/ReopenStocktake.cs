using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>"Вернуть на подсчёт": a reviewer sends the stocktake back to the counters (e.g. to recount a line).</summary>
public sealed class ReopenStocktake(AppDbContext db, LocationScope scope)
{
    /// <summary>Moves the stocktake back to "Подсчёт" and returns its number. Book quantities already taken stay.</summary>
    /// <exception cref="Infrastructure.BusinessRuleException">Not in review, or not the user's location.</exception>
    public Task<string> HandleAsync(long id, CancellationToken ct) =>
        StocktakeDocs.ChangeAsync(db, scope, id, "возвращать инвентаризацию на подсчёт", s => { s.Reopen(); return Task.CompletedTask; }, ct);
}
