using AlAroma.Web.Data;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Feedback;

/// <summary>
/// A manager moves a feedback to «новый», «в работе» or «отвечен» by hand (e.g. «отвечен» after a phone call to a
/// customer who is not in Telegram). Audited by the interceptor.
/// </summary>
public sealed class SetFeedbackStatus(AppDbContext db, LocationScope scope)
{
    /// <summary>Sets the status of feedback <paramref name="id"/>; the same status again changes nothing.</summary>
    /// <exception cref="BusinessRuleException">No such feedback (or not of the user's shops), or an unknown status.</exception>
    public async Task HandleAsync(long id, FeedbackStatus status, CancellationToken ct)
    {
        if (!Enum.IsDefined(status)) throw new BusinessRuleException("Выберите статус: новый, в работе или отвечен.");
        var f = await db.Feedback.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null || !await GetFeedback.MaySeeAsync(scope, f.LocationId, ct))
            throw new BusinessRuleException("Такого отзыва нет — обновите список.");
        if (f.Status == status) return;
        f.Status = status;
        await db.SaveChangesAsync(ct);
    }
}
