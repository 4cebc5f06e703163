using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty.Gifts;

/// <summary>A customer's open gifts (not handed over, not expired), soonest to expire first: the bots and the Mini App show them.</summary>
public static class OpenGifts
{
    /// <summary>One open gift: what it gives in words, the end of its life (UTC, exclusive) and its kind (the till hands over a product, applies a discount).</summary>
    public sealed record Row(long Id, string Name, string What, DateTime ExpiresAtUtc, GiftKind Kind = GiftKind.Product)
    {
        /// <summary>The last local day it can be handed over (the chain's zone unless given).</summary>
        public DateOnly LastDay(string? timeZoneId = null) => DateOnly.FromDateTime(Infrastructure.Time.LocalTime.ToLocal(ExpiresAtUtc.AddTicks(-1), timeZoneId));
    }

    /// <summary>The open gifts of <paramref name="customerId"/> at <paramref name="nowUtc"/>.</summary>
    public static async Task<IReadOnlyList<Row>> OfAsync(AppDbContext db, long customerId, DateTime nowUtc, CancellationToken ct)
    {
        var rows = await (from g in db.CustomerGifts
                          where g.CustomerId == customerId && g.RedeemedAtUtc == null && g.ExpiresAtUtc > nowUtc
                          join p in db.Products on g.ProductId equals p.Id into ps
                          from p in ps.DefaultIfEmpty()
                          orderby g.ExpiresAtUtc, g.Id
                          select new { g.Id, g.Name, g.Kind, g.Points, g.DiscountPercent, g.ExpiresAtUtc, Product = p == null ? null : p.Name }).ToListAsync(ct);
        return rows.Select(g => new Row(g.Id, g.Name, GiftType.Describe(g.Kind, g.Points, g.Product, g.DiscountPercent), g.ExpiresAtUtc, g.Kind)).ToList();
    }
}
