using AlAroma.Web.Data;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Loyalty.Settings;
using AlAroma.Web.Features.Promotions.Engine;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlAroma.Web.Features.Pos;

/// <summary>The till screen of a register: shift banner, the cart priced by the pricing engine, customer, totals.</summary>
public sealed class GetTill(AppDbContext db, TillAccess till, PriceCart price, LoyaltyTermsStore loyaltyTerms, IOptions<PosOptions> options, TimeProvider clock)
{
    /// <summary>A cart line as shown (₽). Certificate lines have ProductId 0 and <see cref="CertificateNominal"/>.</summary>
    /// <param name="Promotions">Names of the promotions (and the manual discount) on the line, for the small text under it.</param>
    public sealed record LineView(int ProductId, string Name, string Details, string? Barcode, int Quantity, decimal Price, decimal Discount, decimal Sum, int OnHand,
        string? Promotions = null, decimal? CertificateNominal = null)
    {
        /// <summary>
        /// Why this line cannot be sold as it stands (more units than the shop has: stock never goes negative, DOMAIN.md),
        /// or null. Said when the line is added and in the payment dialog; "Пробить чек" still refuses while it holds.
        /// </summary>
        public string? Shortage => Quantity > OnHand
            ? $"Недостаточно товара «{Name}»: в наличии {OnHand} шт., в чеке {Quantity} шт. Уменьшите количество или уберите строку — иначе чек не пробить."
            : null;
    }

    /// <summary>The attached customer as the till shows it.</summary>
    /// <param name="Level">Russian level label.</param>
    /// <param name="Points">Points balance.</param>
    /// <param name="MaxPoints">Most points that may be spent on this receipt now.</param>
    /// <param name="Gifts">Their open gifts, soonest to expire first.</param>
    /// <param name="AppliedGiftId">The discount gift on this receipt, or null.</param>
    public sealed record CustomerView(long Id, string Name, string Phone, string Level, int Points, int MaxPoints,
        IReadOnlyList<Loyalty.Gifts.OpenGifts.Row>? Gifts = null, long? AppliedGiftId = null);

    /// <summary>The cart fragment: lines and totals (₽). Version changes with every edit (the client keys its idempotency key on it).</summary>
    /// <param name="Explanation">Discount per promotion (manual last) for the receipt-level explanation.</param>
    /// <param name="Manual">"10 %" or "500,00 ₽ · Продавцова Полина" when a manual discount is set.</param>
    /// <param name="Warning">Why a manual discount was not applied (the cart changed under it).</param>
    /// <param name="Nominals">Certificate nominals sold at the till, ₽.</param>
    public sealed record CartView(int RegisterId, IReadOnlyList<LineView> Lines, decimal Subtotal, decimal Discount, decimal Total, string Version,
        CustomerView? Customer = null, IReadOnlyList<PromotionTotal>? Explanation = null, string? Manual = null, string? Warning = null,
        IReadOnlyList<decimal>? Nominals = null)
    {
        public int Units => Lines.Sum(l => l.Quantity);

        /// <summary>The shortages of all lines in one text for the payment dialog, or null when every line is on hand.</summary>
        public string? Shortage => Lines.Select(l => l.Shortage).Where(s => s is not null).ToList() is { Count: > 0 } all ? string.Join(" ", all) : null;
    }

    /// <summary>The whole till.</summary>
    /// <param name="Shift">The open shift, or null (then the open-shift form is shown).</param>
    /// <param name="MayWork">False when the open shift belongs to another cashier.</param>
    /// <param name="CashInDrawer">Float + cash taken in the shift, ₽.</param>
    public sealed record Model(Register Register, Location Location, Shift? Shift, bool MayWork, decimal CashInDrawer, CartView Cart);

    /// <summary>The till of a register, or null when the user may not open it.</summary>
    public async Task<Model?> HandleAsync(int registerId, CancellationToken ct)
    {
        if (await till.FindRegisterAsync(registerId, ct) is not { } found) return null;
        var (register, location) = found;
        var shift = await db.Shifts.AsNoTracking().FirstOrDefaultAsync(s => s.RegisterId == registerId && s.ClosedAtUtc == null, ct);
        var cash = shift is null ? 0 : (await ShiftReport.ForShiftAsync(db, shift, ct)).ExpectedCash;
        return new Model(register, location, shift, shift is not null && till.MayWorkIn(shift), cash, await CartAsync(registerId, location, ct));
    }

    /// <summary>The cart of a register at <paramref name="location"/>, priced (empty when none was started).</summary>
    public async Task<CartView> CartAsync(int registerId, Location location, CancellationToken ct)
    {
        var nominals = options.Value.Nominals;
        var cart = await db.PosCarts.AsNoTracking().Include(c => c.Lines).Include(c => c.Certificates).FirstOrDefaultAsync(c => c.RegisterId == registerId, ct);
        if (cart is null) return new CartView(registerId, [], 0, 0, 0, "0-0", Nominals: nominals);
        var content = CartContent.Of(cart);
        var priced = await price.HandleAsync(location, content, dropRefusedManual: true, ct);
        var ids = content.Lines.Select(l => l.ProductId).ToList();
        var rows = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.Name, p.Brand, p.VolumeMl, p.Concentration,
                Barcode = p.Barcodes.Where(b => !b.IsTester).OrderBy(b => b.Id).Select(b => b.Code).FirstOrDefault(),
                OnHand = db.StockBalances.Where(b => b.LocationId == location.Id && b.ProductId == p.Id).Select(b => (int?)b.Quantity).FirstOrDefault() ?? 0,
            }).ToDictionaryAsync(p => p.Id, ct);
        var pricedLines = priced.Result.Lines.ToDictionary(l => l.LineId);
        var lines = new List<LineView>();
        foreach (var l in content.Lines)
        {
            var r = rows[l.ProductId];
            var pl = pricedLines[PriceCart.ProductLineId(l.ProductId)];
            lines.Add(new LineView(l.ProductId, r.Name, Details(r.Brand, r.VolumeMl, r.Concentration), r.Barcode, l.Quantity, pl.UnitPrice, pl.Discount, pl.Total, r.OnHand,
                pl.Applied.Count == 0 ? null : string.Join(", ", pl.Applied.Select(a => a.FreeUnits > 0 ? $"{a.Name} ({a.FreeUnits} шт. бесплатно)" : a.Name))));
        }
        foreach (var c in content.Certificates)
        {
            var pl = pricedLines[PriceCart.CertificateLineId(c.Nominal)];
            lines.Add(new LineView(0, Checkout.CertificateName(c.Nominal), "без скидок, баллы не начисляются", null, c.Quantity, pl.UnitPrice, 0, pl.Total, int.MaxValue,
                CertificateNominal: c.Nominal));
        }
        CustomerView? customer = priced.Customer is { } x
            ? new CustomerView(x.Id, x.Name, PhoneNormalizer.Display(x.Phone), LoyaltyRules.Label(x.Level), x.PointsBalance,
                (await loyaltyTerms.ForNowAsync(location.TimeZoneId, ct)).Rules.MaxRedeemable(priced.GoodsTotal, x.PointsBalance),
                await Loyalty.Gifts.OpenGifts.OfAsync(db, x.Id, clock.GetUtcNow().UtcDateTime, ct), priced.Gift?.Id)
            : null;
        var manual = content.Manual is { } m && priced.ManualRefused is null
            ? (m.Kind == ManualDiscountKind.Percent ? $"{m.Value:0.##} %" : Money.Format(m.Value)) + " · " + m.By
            : null;
        var warning = string.Join(" ", new[]
        {
            priced.ManualRefused is { } why ? "Ручная скидка не применена: " + why : null,
            priced.GiftRefused is { } no ? "Подарок не применён: " + no : null,
        }.Where(w => w is not null)) is { Length: > 0 } w ? w : null;
        return new CartView(registerId, lines, priced.Result.Subtotal, priced.Result.DiscountTotal, priced.Result.Total, $"{cart.Id}-{cart.Version}",
            customer, priced.Result.ByPromotion, manual, warning, nominals);
    }

    /// <summary>"Chanel · 100 мл · EDP": brand, volume and concentration for a line.</summary>
    public static string Details(string? brand, int? volumeMl, Concentration? c) =>
        string.Join(" · ", new[] { brand, volumeMl is { } v ? $"{v} мл" : null, Product.ConcentrationLabel(c) }.Where(x => !string.IsNullOrEmpty(x)));
}
