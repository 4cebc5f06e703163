using AlAroma.Web.Data;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Features.Warehouse.WriteOffs;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty.Gifts;

/// <summary>
/// «Выдать подарок»: staff hand an open gift over at a shop (at the till's customer card or in the staff bot). A product
/// gift leaves that shop's stock as a posted write-off with the reason «Подарок» (no approval: the gift was the
/// approval), at the average cost of the moment; a discount gift is marked used. One transaction; a second hand-over
/// of the same gift is refused (the row is locked and checked).
/// </summary>
public sealed class RedeemGift(AppDbContext db, TimeProvider clock)
{
    /// <summary>What was handed over and, for a product, the write-off's number.</summary>
    public sealed record Result(string What, string? WriteOffNumber);

    /// <param name="locationId">The shop where it is handed over.</param>
    /// <param name="by">The staff member's name.</param>
    /// <exception cref="BusinessRuleException">No such gift, already handed over, expired, not a shop, or the product is not in stock there.</exception>
    public async Task<Result> HandleAsync(long giftId, int locationId, string by, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var gift = await db.CustomerGifts.FromSql($"SELECT * FROM customer_gifts WHERE id = {giftId} FOR UPDATE").FirstOrDefaultAsync(ct)
            ?? throw new BusinessRuleException("Подарок не найден.");
        if (gift.RedeemedAtUtc is not null) throw new BusinessRuleException($"Подарок «{gift.Name}» уже выдан {LocalTime.Format(gift.RedeemedAtUtc)}.");
        if (gift.ExpiresAtUtc <= now) throw new BusinessRuleException($"Срок подарка «{gift.Name}» истёк {LocalTime.Format(gift.ExpiresAtUtc)}.");
        var shop = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == locationId && l.IsActive && l.Kind == Locations.LocationKind.Shop, ct)
            ?? throw new BusinessRuleException("Подарок выдаётся в магазине: выберите магазин.");
        string? number = null;
        string? productName = null;
        if (gift.Kind == GiftKind.Product)
        {
            var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == gift.ProductId, ct);
            productName = product.Name;
            var doc = WriteOff.PostedGift(await DocumentNumbers.NextDocumentAsync(db, WriteOff.Prefix, LocalTime.Today(clock.GetUtcNow(), shop.TimeZoneId).Year, ct),
                shop.Id, product.Id, product.AverageCost, $"Подарок клиенту: «{gift.Name}»", now, by);
            db.WriteOffs.Add(doc);
            await db.SaveChangesAsync(ct);
            await StockLedger.ApplyAsync(db, [new StockChange(shop.Id, product.Id, -1)], MovementKind.WriteOff, doc.Number, doc.Id, now, by, ct);
            (gift.WriteOffId, number) = (doc.Id, doc.Number);
        }
        (gift.RedeemedAtUtc, gift.RedeemedLocationId, gift.RedeemedBy) = (now, shop.Id, by);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Result(gift.What(productName), number);
    }
}
