using AlAroma.Web.Features.Promotions.Engine;
using static AlAroma.Tests.Promotions.Kit;

namespace AlAroma.Tests.Promotions;

/// <summary>Random carts from a fixed seed: the engine's invariants, order independence and optimality.</summary>
public class PricingPropertyTests
{
    private static readonly string[] Brands = ["Dior", "Chanel", "Guerlain"];
    private static readonly string[] Categories = ["EDP", "EDT", "Miniature"];

    private sealed record Product(int Id, string Brand, string Category, decimal Price);

    private static Product[] Catalog(Random rnd) =>
        Enumerable.Range(1, 8).Select(id => new Product(id, Brands[rnd.Next(Brands.Length)], Categories[rnd.Next(Categories.Length)],
            rnd.Next(0, 5) == 0 ? rnd.Next(1, 100) + 0.99m : rnd.Next(100, 6000) + rnd.Next(0, 100) / 100m)).ToArray();

    private static List<CartLine> Cart(Random rnd, Product[] catalog, int maxLines, int maxQty)
    {
        var lines = new List<CartLine>();
        var count = rnd.Next(1, maxLines + 1);
        for (var i = 0; i < count; i++)
        {
            if (rnd.Next(0, 12) == 0) { lines.Add(Certificate($"L{i}", 1000m * rnd.Next(1, 4), rnd.Next(1, maxQty + 1))); continue; }
            var p = catalog[rnd.Next(catalog.Length)];
            lines.Add(new CartLine($"L{i}", p.Id, p.Brand, p.Category, p.Price, rnd.Next(1, maxQty + 1)));
        }
        return lines;
    }

    private static ProductGroup Group(Random rnd) => rnd.Next(0, 4) switch
    {
        0 => ProductGroup.OfBrands(Brands[rnd.Next(Brands.Length)]),
        1 => ProductGroup.OfCategories(Categories[rnd.Next(Categories.Length)]),
        2 => ProductGroup.OfProducts(Enumerable.Range(0, rnd.Next(1, 4)).Select(_ => rnd.Next(1, 9)).Distinct().ToArray()),
        _ => ProductGroup.All,
    };

    private static Promotion RandomPromotion(Random rnd, int id, bool allKinds)
    {
        Promotion p = rnd.Next(0, allKinds ? 5 : 4) switch
        {
            0 => Percent(id, rnd.Next(1, 11) * 5m, Group(rnd)),
            1 => Fixed(id, rnd.Next(1, 50) * 50m, Group(rnd)),
            2 => ThreeForTwo(id, Group(rnd)),
            3 => new ComboPromotion(id, $"Комбо {id}", Enumerable.Range(0, rnd.Next(1, 4))
                .Select(s => new ComboSlot(Group(rnd), s == 2 ? 0m : rnd.Next(1, 40) * 100m)).ToArray()),
            _ => new BirthdayPromotion(id, "День рождения"),
        };
        if (!allKinds) return p;
        p = p with { Priority = rnd.Next(0, 3) };
        return rnd.Next(0, 8) switch
        {
            0 => p with { ValidTo = Today.AddDays(-1) },
            1 => p with { LocationIds = [Shop + 1] },
            2 => p with { ValidFrom = Today.AddDays(-10), ValidTo = Today, LocationIds = [Shop, Shop + 1] },
            _ => p,
        };
    }

    [Fact]
    public void Random_carts_hold_every_invariant()
    {
        var rnd = new Random(20250615);
        var customer = new PricingCustomer(Today.AddDays(-1).AddYears(-30), Today.AddYears(-1));
        var inexact = 0;
        for (var run = 0; run < 500; run++)
        {
            var catalog = Catalog(rnd);
            var lines = Cart(rnd, catalog, 6, 4);
            var promotions = Enumerable.Range(1, rnd.Next(0, 6)).Select(id => RandomPromotion(rnd, id, allKinds: true)).ToArray();
            var request = new PricingRequest(lines, promotions, Today, Shop, rnd.Next(0, 2) == 0 ? customer : null);

            var result = PricingEngine.Price(request);
            if (!result.SearchWasExact) inexact++;
            var context = $"run {run}: {Canonical(result)}";
            AssertConsistent(result);
            Assert.Equal(lines.Select(l => l.LineId), result.Lines.Select(l => l.LineId));

            var expected = Canonical(result);
            for (var k = 0; k < 2; k++)
            {
                var shuffled = lines.OrderBy(_ => rnd.Next()).ToList();
                var promoShuffled = promotions.OrderBy(_ => rnd.Next()).ToArray();
                Assert.Equal(expected, Canonical(PricingEngine.Price(request with { Lines = shuffled, Promotions = promoShuffled })));
            }

            foreach (var p in promotions)
            {
                var alone = PricingEngine.Price(request with { Promotions = [p] });
                Assert.True(result.DiscountTotal >= alone.DiscountTotal, $"{context} promotion {p.Id} alone gives {alone.DiscountTotal}");
            }
        }
        Assert.Equal(0, inexact); // carts this small are always searched exactly
    }

    [Fact]
    public void Big_random_carts_use_the_bounded_fallback_and_keep_every_guarantee()
    {
        var rnd = new Random(5);
        var inexact = 0;
        for (var run = 0; run < 40; run++)
        {
            var catalog = Catalog(rnd);
            var lines = Cart(rnd, catalog, 8, 15);
            var promotions = Enumerable.Range(1, rnd.Next(3, 7)).Select(id => RandomPromotion(rnd, id, allKinds: true)).ToArray();
            var request = new PricingRequest(lines, promotions, Today, Shop);
            var result = PricingEngine.Price(request);
            if (!result.SearchWasExact) inexact++;
            AssertConsistent(result);
            var shuffled = lines.OrderBy(_ => rnd.Next()).ToList();
            Assert.Equal(Canonical(result), Canonical(PricingEngine.Price(request with { Lines = shuffled })));
            foreach (var p in promotions)
                Assert.True(result.DiscountTotal >= PricingEngine.Price(request with { Promotions = [p] }).DiscountTotal, $"run {run}, promotion {p.Id}");
        }
        Assert.True(inexact > 0, "no cart was big enough to exercise the fallback");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    public void Ordinary_carts_forced_through_the_fallback_keep_every_guarantee(int nodeBudget)
    {
        // A tiny node budget sends ordinary carts down the path only big carts take in the shop.
        var rnd = new Random(11 + nodeBudget);
        var inexact = 0;
        for (var run = 0; run < 300; run++)
        {
            var catalog = Catalog(rnd);
            var lines = Cart(rnd, catalog, 6, 4);
            var promotions = Enumerable.Range(1, rnd.Next(1, 6)).Select(id => RandomPromotion(rnd, id, allKinds: true)).ToArray();
            var request = new PricingRequest(lines, promotions, Today, Shop);
            var result = PricingEngine.PriceWithBudget(request, nodeBudget);
            if (!result.SearchWasExact) inexact++;
            var context = $"run {run}: {Canonical(result)}";
            AssertConsistent(result);
            var exact = PricingEngine.Price(request);
            Assert.True(result.DiscountTotal <= exact.DiscountTotal, context);
            if (result.SearchWasExact) Assert.Equal(Canonical(exact), Canonical(result));
            var shuffled = request with { Lines = lines.OrderBy(_ => rnd.Next()).ToList(), Promotions = promotions.OrderBy(_ => rnd.Next()).ToArray() };
            Assert.Equal(Canonical(result), Canonical(PricingEngine.PriceWithBudget(shuffled, nodeBudget)));
            foreach (var p in promotions)
                Assert.True(result.DiscountTotal >= PricingEngine.PriceWithBudget(request with { Promotions = [p] }, nodeBudget).DiscountTotal, $"{context} promotion {p.Id} alone");
            var perUnitOnly = promotions.Where(p => p is not (ThreeForTwoPromotion or ComboPromotion)).ToArray();
            Assert.True(result.DiscountTotal >= PricingEngine.Price(request with { Promotions = perUnitOnly }).DiscountTotal, $"{context} per-unit discounts alone");
        }
        Assert.True(inexact >= 30, $"only {inexact} carts went through the fallback");
    }

    [Fact]
    public void Engine_finds_the_optimum_of_a_brute_force_search()
    {
        var rnd = new Random(7);
        for (var run = 0; run < 300; run++)
        {
            var catalog = Catalog(rnd);
            var lines = Cart(rnd, catalog, 4, 2);
            var promotions = Enumerable.Range(1, rnd.Next(1, 4)).Select(id => RandomPromotion(rnd, id, allKinds: false)).ToArray();
            var result = PricingEngine.Price(new PricingRequest(lines, promotions, Today, Shop));
            Assert.True(result.SearchWasExact);
            Assert.Equal(BruteForce(lines, promotions), result.DiscountTotal);
        }
    }

    /// <summary>
    /// Independent oracle: every unit tries every promotion it qualifies for (or none, unless it qualifies for a
    /// 1+1=3), and the best valid total wins.
    /// </summary>
    private static decimal BruteForce(List<CartLine> lines, Promotion[] promotions)
    {
        var units = lines.SelectMany(l => Enumerable.Repeat(l, l.Quantity)).ToArray();
        var choices = units.Select(u =>
        {
            var list = new List<(Promotion? P, int Slot)>();
            foreach (var p in promotions)
            {
                switch (p)
                {
                    case UnitDiscountPromotion d when d.Group.Matches(u): list.Add((p, 0)); break;
                    case ThreeForTwoPromotion t when t.Group.Matches(u): list.Add((p, 0)); break;
                    case ComboPromotion c:
                        for (var s = 0; s < c.Slots.Count; s++) if (c.Slots[s].Group.Matches(u)) list.Add((p, s));
                        break;
                }
            }
            if (!promotions.OfType<ThreeForTwoPromotion>().Any(t => t.Group.Matches(u))) list.Add((null, 0));
            return list;
        }).ToArray();

        var pick = new (Promotion? P, int Slot)[units.Length];
        decimal? best = null;
        Recurse(0);
        return best ?? 0m;

        void Recurse(int i)
        {
            if (i == units.Length)
            {
                if (Value() is { } v && (best is null || v > best)) best = v;
                return;
            }
            foreach (var c in choices[i]) { pick[i] = c; Recurse(i + 1); }
        }

        decimal? Value()
        {
            decimal total = 0;
            foreach (var p in promotions)
            {
                var mine = Enumerable.Range(0, units.Length).Where(i => pick[i].P == p).ToArray();
                switch (p)
                {
                    case UnitDiscountPromotion { Type: UnitDiscountType.Percent } d:
                        total += mine.Sum(i => Math.Round(units[i].UnitPrice * d.Value / 100m, 2, MidpointRounding.AwayFromZero));
                        break;
                    case UnitDiscountPromotion d:
                        total += mine.Sum(i => Math.Min(d.Value, units[i].UnitPrice));
                        break;
                    case ThreeForTwoPromotion:
                        total += mine.Select(i => units[i].UnitPrice).Order().Take(mine.Length / 3).Sum();
                        break;
                    case ComboPromotion c when mine.Length > 0:
                        var counts = Enumerable.Range(0, c.Slots.Count).Select(s => mine.Count(i => pick[i].Slot == s)).ToArray();
                        if (counts.Distinct().Count() != 1) return null;
                        var discount = mine.Sum(i => units[i].UnitPrice) - counts[0] * c.Slots.Sum(s => s.Price);
                        if (discount <= 0) return null;
                        total += discount;
                        break;
                }
            }
            return total;
        }
    }
}
