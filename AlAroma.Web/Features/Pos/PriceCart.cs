using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty.Gifts;
using AlAroma.Web.Features.Promotions.Engine;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlAroma.Web.Features.Pos;

/// <summary>Gift certificates of one nominal on a receipt.</summary>
/// <param name="Nominal">Face value, ₽.</param>
/// <param name="Quantity">How many.</param>
public readonly record struct CertificateSaleLine(decimal Nominal, int Quantity);

/// <summary>Everything on a receipt before pricing.</summary>
/// <param name="GiftId">The customer's discount gift applied to the receipt (<see cref="PosCart.GiftId"/>), or null.</param>
public sealed record CartContent(IReadOnlyList<CheckoutLine> Lines, IReadOnlyList<CertificateSaleLine> Certificates, long? CustomerId, CartManualDiscount? Manual,
    long? GiftId = null)
{
    /// <summary>The content of a stored cart.</summary>
    public static CartContent Of(PosCart cart) => new(
        cart.Lines.OrderBy(l => l.Id).Select(l => new CheckoutLine(l.ProductId, l.Quantity)).ToList(),
        cart.Certificates.OrderBy(c => c.Nominal).Select(c => new CertificateSaleLine(c.Nominal, c.Quantity)).ToList(),
        cart.CustomerId,
        cart.ManualDiscount,
        cart.GiftId);
}

/// <summary>
/// Prices a receipt with the pricing engine: catalog prices, the promotions of the shop's local date
/// (<see cref="IActivePromotions"/>), the customer's birthday (once a year: no birthday discount if a sale of this
/// customer already had one this calendar year), the manual discount and the customer's discount gift. Line ids: "p{productId}" for goods,
/// "c{nominal}" for certificates.
/// </summary>
public sealed class PriceCart(AppDbContext db, IActivePromotions promotions, TimeProvider clock, IOptions<PosOptions> options)
{
    /// <summary>A priced receipt with what the caller needs to write or show it.</summary>
    /// <param name="Result">The engine's result (lines in the order goods then certificates).</param>
    /// <param name="Customer">The attached customer (tracked: no; null = anonymous).</param>
    /// <param name="GoodsTotal">To pay for goods only (certificate sales excluded), ₽: the base of points redemption.</param>
    /// <param name="ManualRefused">Why the manual discount was dropped (only when pricing with <c>dropRefusedManual</c>).</param>
    /// <param name="Gift">The discount gift priced in (tracked when the caller loaded it for update), or null.</param>
    /// <param name="GiftRefused">Why the applied gift was left out (only when pricing with <c>dropRefusedManual</c>).</param>
    public sealed record Priced(PricingResult Result, Customer? Customer, decimal GoodsTotal, string? ManualRefused,
        CustomerGift? Gift = null, string? GiftRefused = null);

    /// <summary>Line id of a product line.</summary>
    public static string ProductLineId(int productId) => $"p{productId}";

    /// <summary>Line id of a certificate line.</summary>
    public static string CertificateLineId(decimal nominal) => $"c{nominal:0.##}";

    /// <summary>Prices <paramref name="content"/> at <paramref name="location"/> now.</summary>
    /// <param name="dropRefusedManual">True for the screen: a manual discount the engine refuses (e.g. the cart shrank) or a gift
    /// that can no longer be used is left out and explained; false for checkout: it throws.</param>
    /// <exception cref="BusinessRuleException">A product is not in the catalog or cannot be sold; a refused manual discount or gift (checkout).</exception>
    public async Task<Priced> HandleAsync(Location location, CartContent content, bool dropRefusedManual, CancellationToken ct)
    {
        var ids = content.Lines.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var lines = new List<CartLine>();
        foreach (var (productId, qty) in content.Lines.GroupBy(l => l.ProductId).Select(g => (g.Key, g.Sum(l => l.Quantity))))
        {
            if (!products.TryGetValue(productId, out var p)) throw new BusinessRuleException("Товар из чека не найден в каталоге. Удалите строку и отсканируйте товар заново.");
            p.EnsureSellable();
            lines.Add(new CartLine(ProductLineId(p.Id), p.Id, p.Brand, p.Category, p.RetailPrice, qty));
        }
        foreach (var c in content.Certificates.GroupBy(c => c.Nominal))
            lines.Add(new CartLine(CertificateLineId(c.Key), 0, null, null, c.Key, c.Sum(x => x.Quantity), IsGiftCertificate: true));

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(LocalTime.ToLocal(nowUtc, location.TimeZoneId));
        Customer? customer = null;
        PricingCustomer? pricingCustomer = null;
        if (content.CustomerId is { } customerId)
        {
            customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, ct);
            if (customer is not null)
            {
                var yearStartUtc = LocalTime.UtcRange(new DateOnly(today.Year, 1, 1), location.TimeZoneId).FromUtc;
                var used = await db.Sales.AnyAsync(s => s.CustomerId == customerId && s.CreatedAtUtc >= yearStartUtc
                    && s.Lines.Any(l => l.Discounts.Any(d => d.Kind == DiscountKind.Birthday)), ct);
                pricingCustomer = new PricingCustomer(customer.Birthday,
                    customer.BirthdaySetAtUtc is { } set ? DateOnly.FromDateTime(LocalTime.ToLocal(set, location.TimeZoneId)) : null, used);
            }
        }

        CustomerGift? gift = null;
        string? giftRefused = null;
        if (content.GiftId is { } giftId && customer is not null)
        {
            // Checkout has locked and loaded the row: FindAsync returns that one without another query.
            gift = await db.CustomerGifts.FindAsync([giftId], ct);
            if (CustomerGift.RefusalAtTill(gift, customer.Id, nowUtc) is { } why)
            {
                if (!dropRefusedManual) throw new BusinessRuleException(why + " Уберите подарок из чека.");
                (gift, giftRefused) = (null, why);
            }
        }

        var promos = lines.Count == 0 ? [] : await promotions.ForAsync(today, location.Id, ct);
        var request = new PricingRequest(lines, promos, today, location.Id, pricingCustomer,
            content.Manual is { } m ? [new ManualDiscount(m.Kind, m.Value)] : null,
            content.Manual is { } r ? [r.Role] : null, options.Value.SellerDiscountLimitPercent,
            gift is { DiscountPercent: { } percent } ? new GiftDiscount(gift.ReceiptName, percent) : null);
        PricingResult result;
        string? refused = null;
        try { result = PricingEngine.Price(request); }
        catch (ManualDiscountRefusedException e) when (dropRefusedManual)
        {
            refused = e.Message;
            result = PricingEngine.Price(request with { ManualDiscounts = null });
        }
        var goods = result.Lines.Where(l => l.ProductId != 0).Sum(l => l.Total);
        return new Priced(result, customer, goods, refused, gift, giftRefused);
    }
}
