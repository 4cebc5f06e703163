using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>"Завершить подсчёт": closes counting and opens the review (book quantities and differences become visible).</summary>
public sealed class SubmitStocktake(AppDbContext db, LocationScope scope, TimeProvider clock, ICurrentUser user)
{
    /// <summary>Moves the stocktake to "На проверке" and returns its number.</summary>
    /// <exception cref="BusinessRuleException">Not counting, nothing counted, or not the user's location; nothing changes.</exception>
    public Task<string> HandleAsync(long id, CancellationToken ct) =>
        StocktakeDocs.ChangeAsync(db, scope, id, "завершать подсчёт", async s =>
        {
            // The exclusive lock waits for counts in flight (they hold FOR SHARE), so none slips in after this.
            var counted = await db.Set<StocktakeEntry>().AnyAsync(e => e.StocktakeId == id, ct);
            s.Submit(clock.GetUtcNow().UtcDateTime, user.UserName, counted);
        }, ct);
}
