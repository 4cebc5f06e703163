using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Notifications.Bell;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Feedback;

/// <summary>
/// A customer sends a review (rating 1–10 and an optional text), an idea or a message to the management — from the
/// client bot's menu «Отзыв», «Идея», «Написать руководству» (issue 12). The feedback is tied to the customer's last
/// receipt and its shop; a review rated ≤ 6 (a detractor on the NPS scale) rings the bell of the managers who see
/// that shop, with a link to the feedback. One transaction: the feedback and the bell rows commit together.
/// </summary>
public sealed class SubmitFeedback(AppDbContext db, TimeProvider clock)
{
    /// <summary>Records the feedback of <paramref name="customerId"/> (a merged card counts for the card it was merged into).</summary>
    /// <param name="customerId">The customer's id.</param>
    /// <param name="kind">Review, idea or message.</param>
    /// <param name="rating">1–10 for a review (10 = best), null otherwise.</param>
    /// <param name="text">What they wrote, ≤ 4000 characters after trimming; may be empty for a review.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="source">Where it came from (the bot by default).</param>
    /// <returns>The saved feedback (status «новый»), with its id, receipt and shop.</returns>
    /// <exception cref="BusinessRuleException">No such customer, or the input breaks <see cref="Feedback.Create"/>'s rules (Russian message).</exception>
    public async Task<Feedback> SubmitAsync(long customerId, FeedbackKind kind, int? rating, string text, CancellationToken ct, FeedbackSource source = FeedbackSource.Bot)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new { c.Id, c.Name, c.Phone, c.MergedIntoId }).FirstOrDefaultAsync(ct)
            ?? throw new BusinessRuleException("Покупатель не найден: начните заново с /start.");
        var keptId = customer.MergedIntoId ?? customer.Id;
        var feedback = Feedback.Create(keptId, kind, rating, text, source, now);
        var last = await db.Sales.AsNoTracking().Where(s => s.CustomerId == keptId)
            .OrderByDescending(s => s.CreatedAtUtc).ThenByDescending(s => s.Id)
            .Select(s => new { s.Id, s.LocationId }).FirstOrDefaultAsync(ct);
        (feedback.SaleId, feedback.LocationId) = (last?.Id, last?.LocationId);

        // Two saves (the link needs the id) in one transaction — the caller's when it has one (a bot update handler).
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Add(feedback);
        await db.SaveChangesAsync(ct);
        if (feedback.IsLowRating)
        {
            await RingAsync(feedback, customer.Name, now, ct);
            await db.SaveChangesAsync(ct);
        }
        if (tx is not null) await tx.CommitAsync(ct);
        return feedback;
    }

    /// <summary>Tells the managers who see the shop about a low rating (the link opens the feedback page).</summary>
    private async Task RingAsync(Feedback f, string customerName, DateTime now, CancellationToken ct)
    {
        var shop = f.LocationId is { } id ? await db.Locations.Where(l => l.Id == id).Select(l => l.Name).FirstOrDefaultAsync(ct) : null;
        var who = string.IsNullOrWhiteSpace(customerName) ? "Покупатель" : customerName;
        var text = f.Text.Length == 0 ? "Без текста." : f.Text;
        var notice = new Notice(NotificationKinds.LowRating,
            $"Оценка {f.Rating}/10{(shop is null ? "" : $" — {shop}")}", $"{who}: {text}",
            $"/feedback/{f.Id}", f.LocationId, LinkRoles: Roles.BackOffice);
        await UserNotifications.AddAsync(db, Audience.ManagersSeeing(f.LocationId), notice, now, null, ct);
    }
}
