using System.Text.Json;
using System.Text.Json.Serialization;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Customers.Privacy;

/// <summary>
/// Everything the chain stores about one customer, as one JSON document for the customer's request under 152-ФЗ
/// art. 14 (the subject's right to know which personal data are processed): the profile and consents, the points
/// ledger, every purchase with its lines and returns, the certificates of those purchases, the feedback with the
/// replies, the gifts, every message sent to their phone, e-mail or Telegram chat, and who opened their card when.
/// Money in ₽, times UTC (ISO 8601). Writes one audit entry «Выгрузка персональных данных» (action "Export").
/// </summary>
public sealed class ExportCustomerData(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The audit action of an export.</summary>
    public const string Action = "Export";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document of customer <paramref name="id"/> as UTF-8 JSON, or null when there is no such card.</summary>
    public async Task<byte[]?> HandleAsync(long id, CancellationToken ct)
    {
        var c = await db.Customers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;

        var sales = await db.Sales.AsNoTracking().Where(s => s.CustomerId == id).OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Number, s.CreatedAtUtc, Shop = db.Locations.Where(l => l.Id == s.LocationId).Select(l => l.Name).FirstOrDefault(),
                s.Subtotal, s.DiscountTotal, s.Total, s.PointsRedeemed, s.PointsAccrued,
                Lines = s.Lines.OrderBy(l => l.Id).Select(l => new { l.Name, l.Quantity, l.ReturnedQuantity, l.UnitPrice, l.Total }).ToList(),
                Returns = db.SaleReturns.Where(r => r.SaleId == s.Id).OrderBy(r => r.Id)
                    .Select(r => new { r.Id, r.CreatedAtUtc, r.Total, Lines = r.Lines.Select(l => new { l.Name, l.Quantity }).ToList() }).ToList(),
            }).ToListAsync(ct);
        var externalSales = await db.ExternalSales.AsNoTracking().Where(s => s.CustomerId == id).OrderBy(s => s.Id)
            .Select(s => new
            {
                Register = db.ExternalRegisters.Where(r => r.Id == s.RegisterId).Select(r => r.Name).FirstOrDefault(),
                s.ReceiptNumber, s.AtUtc, s.Total, s.PointsRedeemed, s.PointsAccrued, s.ReturnedTotal,
            }).ToListAsync(ct);
        var saleIds = sales.Select(s => s.Id).ToList();
        var certificates = await db.GiftCertificates.AsNoTracking().Where(g => g.SaleId != null && saleIds.Contains(g.SaleId.Value))
            .Select(g => new { CodeTail = g.Code.Substring(g.Code.Length - 4), g.Nominal, g.Balance, g.SaleId }).ToListAsync(ct);
        var points = await db.PointsEntries.AsNoTracking().Where(e => e.CustomerId == id).OrderBy(e => e.Id)
            .Select(e => new { e.AtUtc, e.Kind, e.Points, e.BalanceAfter, e.SaleId, e.ExpiresAtUtc, e.Comment }).ToListAsync(ct);
        var feedback = await db.Feedback.AsNoTracking().Where(f => f.CustomerId == id).OrderBy(f => f.Id)
            .Select(f => new
            {
                f.CreatedAtUtc, f.Kind, f.Rating, f.Text, f.Status, f.SaleId,
                Replies = f.Replies.OrderBy(r => r.Id).Select(r => new { r.AtUtc, r.UserName, r.Text }).ToList(),
            }).ToListAsync(ct);
        var gifts = await db.CustomerGifts.AsNoTracking().Where(g => g.CustomerId == id).OrderBy(g => g.Id)
            .Select(g => new { g.Name, g.Kind, g.Points, g.DiscountPercent, g.Source, g.IssuedBy, g.IssuedAtUtc, g.ExpiresAtUtc, g.RedeemedAtUtc, g.RedeemedBy })
            .ToListAsync(ct);
        var recipients = CustomerRecipients.Of(c);
        var messages = await db.Notifications.AsNoTracking().Where(m => recipients.Contains(m.Recipient)).OrderBy(m => m.Id)
            .Select(m => new { m.CreatedAtUtc, m.Channel, m.Recipient, m.Summary, m.Status, m.SentAtUtc }).ToListAsync(ct);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lookups = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == nameof(Customer) && a.Key == key && a.Action == CustomerCardAudit.Action).OrderBy(a => a.Id)
            .Select(a => new { a.AtUtc, a.UserName }).ToListAsync(ct);

        var document = new
        {
            ExportedAtUtc = now,
            ExportedBy = user.UserName,
            Profile = new
            {
                c.Id, c.Phone, c.Name, c.Birthday, c.BirthdayChangeReason, c.Email, c.Tags, c.TelegramUserId, c.TelegramChatId,
                HomeShop = await db.Locations.Where(l => l.Id == c.HomeLocationId).Select(l => l.Name).FirstOrDefaultAsync(ct),
                c.CreatedAtUtc, c.Source, c.Level, c.PointsBalance, c.MergedIntoId, c.ErasedAtUtc,
            },
            Consents = Consent.Channels.Select(c.ConsentOf).Select(x => new { Channel = Consent.ChannelLabel(x.Channel), x.Given, x.AtUtc, Source = x.AtUtc is null ? null : Consent.SourceLabel(x.Source) }),
            Points = points,
            Purchases = sales,
            ExternalPurchases = externalSales,
            Certificates = certificates,
            Feedback = feedback,
            Gifts = gifts,
            Messages = messages,
            CardOpenedBy = lookups,
        };
        db.AuditEntries.Add(AuditEntry.By(user, now, Action, nameof(Customer), key,
            JsonSerializer.Serialize(new { Выгрузка = "персональные данные", Покупок = sales.Count, Сообщений = messages.Count }, Json)));
        await db.SaveChangesAsync(ct);
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }
}
