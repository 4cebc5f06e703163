using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.DoNotCall;

/// <summary>
/// Takes a number off a do-not-call list (audited as the row it removes). Loads will accept it again; the leads marked
/// «Не звонить» keep that status (what they were before is not known) until a load puts them back to work.
/// </summary>
public sealed class RemoveDoNotCall(AppDbContext db)
{
    /// <summary>Removes entry <paramref name="id"/>; returns its phone (7XXXXXXXXXX).</summary>
    /// <exception cref="BusinessRuleException">No such entry (removed already).</exception>
    public async Task<long> HandleAsync(long id, CancellationToken ct)
    {
        var entry = await db.DoNotCall.FirstOrDefaultAsync(d => d.Id == id, ct)
                    ?? throw new BusinessRuleException("Запись не найдена — возможно, её уже убрали. Обновите список.");
        db.DoNotCall.Remove(entry);
        await db.SaveChangesAsync(ct);
        return entry.Phone;
    }
}
