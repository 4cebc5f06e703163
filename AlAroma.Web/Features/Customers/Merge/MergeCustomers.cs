using AlAroma.Web.Data;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Pos.Parking;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Customers.Merge;

/// <summary>
/// Merges two cards of one person into the kept one, in one transaction holding both customer rows (a till spending
/// points of either waits): the purchases (and with them the certificates bought or spent in them), the open and
/// parked carts, the feedback (reviews, ideas, messages) and the points entries move to the kept card; its points balance becomes the sum of both and the
/// «Остаток» of its ledger is recounted in ledger order, so the ledger adds up to the balance; per channel the
/// latest consent of the two is kept (<see cref="Customer.SetConsent"/>); the tags are joined; empty profile fields
/// (e-mail, birthday, home shop, Telegram) are filled from the merged card; the higher level stays. The merged card
/// keeps its phone, is marked «объединена с картой №…» with the time, its points become 0, its live till codes stop
/// working, its page redirects to the kept card and the till finds the kept card by its phone. Every row changed is audited by the interceptor.
/// </summary>
public sealed class MergeCustomers(AppDbContext db, TimeProvider clock)
{
    /// <summary>What was moved.</summary>
    public sealed record Result(long KeptId, int Sales, int PointsEntries, int Points, int Feedback);

    /// <summary>Merges card <paramref name="mergedId"/> into <paramref name="keptId"/>.</summary>
    /// <exception cref="BusinessRuleException">The same card twice, an unknown card, or a card already merged.</exception>
    public async Task<Result> HandleAsync(long keptId, long mergedId, CancellationToken ct)
    {
        if (keptId == mergedId) throw new BusinessRuleException("Выберите две разные карты: оставляемую и дубль.");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Both rows locked in id order, so two merges of the same pair cannot deadlock, and no till spends their points meanwhile.
        var ids = new[] { keptId, mergedId };
        var cards = await db.Customers.FromSql($"SELECT * FROM customers WHERE id = ANY({ids}) ORDER BY id FOR UPDATE").ToListAsync(ct);
        var kept = cards.FirstOrDefault(c => c.Id == keptId) ?? throw new BusinessRuleException($"Карты №{keptId} нет — обновите страницу.");
        var merged = cards.FirstOrDefault(c => c.Id == mergedId) ?? throw new BusinessRuleException($"Карты №{mergedId} нет — обновите страницу.");
        if (kept.MergedIntoId is { } k) throw new BusinessRuleException($"Карта №{kept.Id} уже объединена с картой №{k}: оставьте ту карту.");
        if (merged.MergedIntoId is { } m) throw new BusinessRuleException($"Карта №{merged.Id} уже объединена с картой №{m}.");

        var sales = await db.Sales.Where(s => s.CustomerId == mergedId).ToListAsync(ct);
        foreach (var s in sales) s.CustomerId = keptId;
        foreach (var s in await db.ExternalSales.Where(x => x.CustomerId == mergedId).ToListAsync(ct)) s.CustomerId = keptId;
        foreach (var cart in await db.PosCarts.Where(x => x.CustomerId == mergedId).ToListAsync(ct)) cart.CustomerId = keptId;
        foreach (var cart in await db.Set<ParkedCart>().Where(x => x.CustomerId == mergedId).ToListAsync(ct)) cart.CustomerId = keptId;
        var feedback = await db.Feedback.Where(f => f.CustomerId == mergedId).ToListAsync(ct);
        foreach (var f in feedback) f.CustomerId = keptId;
        foreach (var g in await db.CustomerGifts.Where(g => g.CustomerId == mergedId).ToListAsync(ct)) g.CustomerId = keptId;

        var ledger = await db.PointsEntries.Where(e => e.CustomerId == keptId || e.CustomerId == mergedId).OrderBy(e => e.Id).ToListAsync(ct);
        var moved = ledger.Count(e => e.CustomerId == mergedId);
        var running = 0;
        foreach (var e in ledger)
        {
            e.CustomerId = keptId;
            running += e.Points;
            e.BalanceAfter = running;
        }
        var points = merged.PointsBalance;
        kept.PointsBalance += merged.PointsBalance;
        merged.PointsBalance = 0;

        foreach (var channel in Consent.Channels)
            if (merged.ConsentOf(channel) is { AtUtc: { } at } answer) kept.SetConsent(channel, answer.Given, answer.Source ?? ConsentSource.Manager, at);
        kept.Tags = kept.Tags.Concat(merged.Tags).DistinctBy(t => t.ToLowerInvariant()).ToList();
        if (string.IsNullOrWhiteSpace(kept.Name)) kept.Name = merged.Name;
        kept.Email ??= merged.Email;
        if (kept.Birthday is null && merged.Birthday is not null) (kept.Birthday, kept.BirthdaySetAtUtc) = (merged.Birthday, merged.BirthdaySetAtUtc);
        kept.HomeLocationId ??= merged.HomeLocationId;
        if (kept.Level < merged.Level) kept.Level = merged.Level;
        var (telegramUser, telegramChat) = (merged.TelegramUserId, merged.TelegramChatId);
        if (kept.TelegramUserId is null && telegramUser is not null) merged.TelegramUserId = null; // unique: freed before the kept card takes it
        if (kept.TelegramChatId is null && telegramChat is not null) merged.TelegramChatId = null;
        // Cards merged into the duplicate earlier now point at the kept card too: one step always reaches a live card.
        foreach (var earlier in await db.Customers.Where(x => x.MergedIntoId == mergedId).ToListAsync(ct)) earlier.MergedIntoId = keptId;
        merged.MergedIntoId = keptId;
        merged.MergedAtUtc = now;
        await db.SaveChangesAsync(ct);
        if (kept.TelegramUserId is null && telegramUser is not null) kept.TelegramUserId = telegramUser;
        if (kept.TelegramChatId is null && telegramChat is not null) kept.TelegramChatId = telegramChat;
        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlAsync($"UPDATE customer_codes SET used_at_utc = {now} WHERE customer_id = {mergedId} AND used_at_utc IS NULL", ct);
        await tx.CommitAsync(ct);
        return new Result(keptId, sales.Count, moved, points, feedback.Count);
    }
}
