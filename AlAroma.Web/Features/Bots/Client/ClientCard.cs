using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Customers.Card;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Loyalty.Settings;
using AlAroma.Web.Features.Notifications.Channels.Telegram;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Bots.Client;

/// <summary>«Моя карта» and «Покупки» of the client bot: what the customer sees of their own card, as Telegram HTML.</summary>
public sealed class ClientCard(AppDbContext db, LoyaltyTermsStore terms, TimeProvider clock)
{
    /// <summary>How many receipts «Покупки» lists.</summary>
    public const int PurchasesShown = 5;

    /// <summary>The card: caption (name, level, points, progress to the next level) and the QR code PNG (<see cref="CardQrCode"/>).</summary>
    public async Task<(string Caption, byte[] Png)> CardAsync(long customerId, CancellationToken ct)
    {
        var c = await db.Customers.AsNoTracking().FirstAsync(x => x.Id == customerId, ct);
        var zone = await ZoneAsync(c, ct);
        var t = await terms.ForNowAsync(zone, ct);
        var spent = await LoyaltyPurchases.NetAsync(db, c.Id, clock.GetUtcNow().UtcDateTime.AddMonths(-12), ct);
        var progress = LevelProgress.Of(t.Rules, spent, c.Level);
        var gifts = await Loyalty.Gifts.OpenGifts.OfAsync(db, c.Id, clock.GetUtcNow().UtcDateTime, ct);
        var giftLines = gifts.Count == 0 ? "" : "\n🎁 Подарки: " + string.Join("; ", gifts.Select(g => $"{TelegramHtml.Escape(g.Name)} — до {g.LastDay(zone):dd.MM.yyyy}"));
        var caption = $"""
            <b>Карта Al Aroma</b> · {TelegramHtml.Escape(c.Name)}
            Уровень: <b>{LoyaltyRules.Label(c.Level)}</b>
            Баллов: <b>{Points(c.PointsBalance)}</b>
            {(progress.Next is null ? "Высший уровень" : progress.Text)}
            Покажите QR-код на кассе.
            """ + giftLines;
        return (caption, CardQrCode.Png(c));
    }

    /// <summary>The last <see cref="PurchasesShown"/> receipts: number, local date, shop, total, points earned and spent.</summary>
    public async Task<string> PurchasesAsync(long customerId, CancellationToken ct)
    {
        var sales = await db.Sales.AsNoTracking().Where(s => s.CustomerId == customerId)
            .OrderByDescending(s => s.CreatedAtUtc).ThenByDescending(s => s.Id).Take(PurchasesShown)
            .Join(db.Locations, s => s.LocationId, l => l.Id, (s, l) => new { s.Number, s.CreatedAtUtc, s.Total, s.PointsAccrued, s.PointsRedeemed, l.Name, l.TimeZoneId })
            .ToListAsync(ct);
        if (sales.Count == 0) return "Покупок пока нет. Покажите QR-код карты или код для кассы при следующей покупке — баллы начислятся.";
        var lines = sales.Select(s =>
            $"{LocalTime.ToLocal(s.CreatedAtUtc, s.TimeZoneId):dd.MM.yyyy} · {TelegramHtml.Escape(s.Name)} · чек {s.Number}\n" +
            $"   {Money.Format(s.Total)}, баллов +{s.PointsAccrued}{(s.PointsRedeemed > 0 ? $", списано {s.PointsRedeemed}" : "")}");
        return "<b>Последние покупки</b>\n" + string.Join("\n", lines);
    }

    /// <summary>"1 234" (a narrow no-break space between thousands).</summary>
    public static string Points(int points) => points.ToString("#,##0", Money.Ru).Replace('\u00A0', '\u202F').Replace(' ', '\u202F');

    private async Task<string?> ZoneAsync(Customer c, CancellationToken ct) =>
        c.HomeLocationId is { } home ? await db.Locations.Where(l => l.Id == home).Select(l => l.TimeZoneId).FirstOrDefaultAsync(ct) : null;
}
