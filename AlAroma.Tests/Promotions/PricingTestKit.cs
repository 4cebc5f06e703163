using System.Globalization;
using System.Text;
using AlAroma.Web.Features.Promotions.Engine;

namespace AlAroma.Tests.Promotions;

/// <summary>Small builders for engine tests: a shop, a date, lines and requests.</summary>
internal static class Kit
{
    public static readonly DateOnly Today = new(2025, 6, 15);
    public const int Shop = 2;

    public static CartLine Line(string id, int product, decimal price, int qty = 1, string brand = "Dior", string category = "EDP") =>
        new(id, product, brand, category, price, qty);

    public static CartLine Certificate(string id, decimal nominal, int qty = 1) =>
        new(id, 0, null, "Сертификат", nominal, qty, IsGiftCertificate: true);

    public static PricingRequest Request(IEnumerable<CartLine> lines, params Promotion[] promotions) =>
        new(lines.ToList(), promotions, Today, Shop);

    public static PricingResult Price(IEnumerable<CartLine> lines, params Promotion[] promotions) =>
        PricingEngine.Price(Request(lines, promotions));

    public static PricedLine Of(this PricingResult result, string lineId) => result.Lines.Single(l => l.LineId == lineId);

    public static UnitDiscountPromotion Percent(int id, decimal percent, ProductGroup group, string? name = null) =>
        new(id, name ?? $"Скидка {percent} %", group, UnitDiscountType.Percent, percent);

    public static UnitDiscountPromotion Fixed(int id, decimal rubles, ProductGroup group) =>
        new(id, $"Минус {rubles} ₽", group, UnitDiscountType.Fixed, rubles);

    public static ThreeForTwoPromotion ThreeForTwo(int id, ProductGroup group) => new(id, "1+1=3", group);

    /// <summary>Everything in the result, lines sorted by id: equal strings = equal results.</summary>
    public static string Canonical(PricingResult r)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        foreach (var l in r.Lines.OrderBy(l => l.LineId, StringComparer.Ordinal))
        {
            sb.Append(inv, $"{l.LineId}|{l.ProductId}|{l.Quantity}|{l.UnitPrice:0.00}|{l.Subtotal:0.00}|{l.Discount:0.00}|{l.Total:0.00}|");
            sb.AppendJoin(',', l.UnitTotals.Select(u => u.ToString("0.00", inv)));
            foreach (var a in l.Applied) sb.Append(inv, $"|{a.PromotionId}:{a.Name}:{a.Kind}:{a.Units}:{a.FreeUnits}:{a.Amount:0.00}");
            sb.AppendLine();
        }
        sb.AppendLine(inv, $"{r.Subtotal:0.00}|{r.DiscountTotal:0.00}|{r.Total:0.00}|{r.SearchWasExact}");
        foreach (var p in r.ByPromotion) sb.AppendLine(inv, $"{p.PromotionId}:{p.Name}:{p.Kind}:{p.Units}:{p.Applications}:{p.Amount:0.00}");
        return sb.ToString();
    }

    /// <summary>The invariants every result must hold (exact sums, prices within [0, unit price]).</summary>
    public static void AssertConsistent(PricingResult r)
    {
        Assert.True(r.DiscountTotal >= 0);
        Assert.Equal(r.Subtotal - r.DiscountTotal, r.Total);
        Assert.Equal(r.Total, r.Lines.Sum(l => l.Total));
        Assert.Equal(r.Subtotal, r.Lines.Sum(l => l.Subtotal));
        Assert.Equal(r.DiscountTotal, r.ByPromotion.Sum(p => p.Amount));
        foreach (var l in r.Lines)
        {
            Assert.Equal(l.Quantity * l.UnitPrice, l.Subtotal);
            Assert.Equal(l.Subtotal - l.Discount, l.Total);
            Assert.Equal(l.Quantity, l.UnitTotals.Count);
            Assert.Equal(l.Total, l.UnitTotals.Sum());
            Assert.Equal(l.Discount, l.Applied.Sum(a => a.Amount));
            Assert.All(l.UnitTotals, u =>
            {
                Assert.InRange(u, 0m, l.UnitPrice);
                Assert.Equal(decimal.Round(u, 2), u);
            });
        }
    }
}
