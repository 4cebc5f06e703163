using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Promotions.Engine;

/// <summary>
/// The pricing engine of the till: a pure, deterministic function from the cart, the customer and the
/// promotions to priced lines with every discount explained. No database, no clock: the caller passes the
/// local date and the location.
/// <para><b>Rules.</b> Lines are expanded to units (≤ <see cref="MaxQuantityPerLine"/> per line). A unit gets at
/// most one promotion. Per-unit promotions (percent, fixed ₽ per unit, birthday %) give a unit its own discount;
/// a unit eligible for several takes the largest. Group promotions take several units: 1+1=3 (of the n units
/// assigned to it the floor(n/3) cheapest are free) and combos (each complete set of slots costs the sum of the
/// slot prices; repeatable). A unit that qualifies for a 1+1=3 and is not taken by another promotion always
/// counts in a 1+1=3 group, so the free units are the cheapest of the group as the rule says; a unit may leave
/// the group only for another promotion. Gift certificate lines get nothing.</para>
/// <para><b>Choosing the combination.</b> Units are put in a canonical order that does not depend on the order of
/// the cart (price descending, then product id, brand, category, line id), so the result is the same for any
/// order of scanning. Units no group promotion can take simply get their best per-unit discount. For the others
/// an exact branch-and-bound search (<see cref="BranchAndBound"/>) over the choices of every unit finds the
/// assignment with the largest total discount; identical units are interchangeable and are enumerated once.
/// If the search passes <see cref="NodeBudget"/> nodes (large carts with many competing promotions) the engine
/// falls back, deterministically, to the best of: the best assignment found so far, the "per-unit first"
/// assignment with combos filled greedily (dearest units first; a set is added only when it pays), and each group promotion's own solution with every other unit at its default; then improves that
/// by single-unit moves. So the result is never worse than any single promotion alone; <see cref="PricingResult.SearchWasExact"/>
/// tells whether optimality was proved.</para>
/// <para><b>Ties.</b> Among assignments with the same total discount the first in search order wins: units from the
/// most expensive, each trying promotions by <see cref="Promotion.Priority"/> (higher first) then
/// <see cref="Promotion.Id"/> (lower first), so on a tie the higher-priority promotion takes the dearer units.</para>
/// <para><b>Money.</b> All arithmetic is in whole kopecks. Percent discounts are rounded per unit
/// (<see cref="Money.Round"/>, halves away from zero); a fixed discount never exceeds the unit price. The discount of
/// a 1+1=3 group or of a combo is spread over all its units in proportion to their prices (largest remainder,
/// ties to the dearer unit), so every unit has an effective price in [0, unit price] and the shares add up exactly.</para>
/// <para><b>Manual discounts</b> come after promotions, on what is left to pay: line discounts first, then receipt
/// discounts, each spread over its (non-certificate) units in proportion to their effective prices. Limits by role
/// are in <see cref="ManualDiscountPolicy"/>; a refusal throws <see cref="ManualDiscountRefusedException"/>.</para>
/// <para><b>A discount gift</b> (<see cref="PricingRequest.Gift"/>) comes last: its percentage of what is left to pay
/// (certificates excluded), rounded once for the receipt and spread over the units like a receipt discount.</para>
/// </summary>
public static class PricingEngine
{
    /// <summary>Most units on one cart line.</summary>
    public const int MaxQuantityPerLine = 100;

    /// <summary>Nodes the exact search may visit before the bounded fallback takes over.</summary>
    internal const int NodeBudget = 60_000;

    /// <summary>Largest number of searched units the single-move improvement of the fallback runs on.</summary>
    internal const int LocalSearchMaxUnits = 200;

    private sealed record Unit(int LineIndex, CartLine Line, long Price);

    private readonly record struct Standalone(long Value, int Rank);

    /// <summary>
    /// Prices the cart. Throws <see cref="ArgumentException"/> on malformed input (duplicate line ids, prices not in
    /// kopecks, malformed promotions), <see cref="BusinessRuleException"/> on a quantity out of range, and
    /// <see cref="ManualDiscountRefusedException"/> when a manual discount is not allowed.
    /// </summary>
    public static PricingResult Price(PricingRequest request) => PriceWithBudget(request, NodeBudget);

    /// <summary>
    /// <see cref="Price(PricingRequest)"/> with another node budget for the exact search: tests use a tiny one to put
    /// ordinary carts through the fallback that only big carts reach in the shop.
    /// </summary>
    internal static PricingResult PriceWithBudget(PricingRequest request, int nodeBudget)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var units = Expand(request.Lines);
        var ranked = ActivePromotions(request);

        var (promoRank, promoDiscount, free, applications, exact) = ApplyPromotions(units, ranked, nodeBudget);
        var manual = ApplyManualDiscounts(request, units, promoDiscount);
        var gift = ApplyGift(request.Gift, units, promoDiscount, manual);
        return Assemble(request, units, ranked, promoRank, promoDiscount, free, applications, manual, gift, exact);
    }

    private static void Validate(PricingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Lines);
        ArgumentNullException.ThrowIfNull(request.Promotions);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in request.Lines)
        {
            if (string.IsNullOrEmpty(line.LineId) || !ids.Add(line.LineId))
                throw new ArgumentException($"Cart line ids must be unique and non-empty ('{line.LineId}').");
            if (line.Quantity is < 1 or > MaxQuantityPerLine)
                throw new BusinessRuleException(
                    $"Количество в строке должно быть от 1 до {MaxQuantityPerLine} шт. Исправьте количество.");
            if (line.UnitPrice < 0 || line.UnitPrice != decimal.Round(line.UnitPrice, 2))
                throw new ArgumentException($"Line '{line.LineId}': the price must be ≥ 0 ₽ in whole kopecks.");
        }
        if (request.Gift is { Percent: <= 0 or > 100 } g)
            throw new ArgumentException($"A gift discount must be over 0 and at most 100 % ({g.Percent}).");
        var promoIds = new HashSet<int>();
        foreach (var p in request.Promotions)
        {
            p.Validate();
            if (!promoIds.Add(p.Id)) throw new ArgumentException($"Promotion id {p.Id} appears twice.");
        }
    }

    /// <summary>Units in canonical order: independent of the order of the cart lines.</summary>
    private static Unit[] Expand(IReadOnlyList<CartLine> lines) =>
        lines.SelectMany((line, index) => Enumerable.Range(0, line.Quantity).Select(_ => new Unit(index, line, Kopecks.From(line.UnitPrice))))
            .OrderByDescending(u => u.Price)
            .ThenBy(u => u.Line.ProductId)
            .ThenBy(u => u.Line.Brand, StringComparer.Ordinal)
            .ThenBy(u => u.Line.Category, StringComparer.Ordinal)
            .ThenBy(u => u.Line.IsGiftCertificate)
            .ThenBy(u => u.Line.LineId, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Promotions valid today here (birthday only for a qualifying customer), by priority desc then id.</summary>
    private static Promotion[] ActivePromotions(PricingRequest request) =>
        request.Promotions
            .Where(p => p.IsActiveOn(request.Today, request.LocationId))
            .Where(p => p is not BirthdayPromotion b || BirthdayRule.Qualifies(request.Customer, b, request.Today))
            .OrderByDescending(p => p.Priority)
            .ThenBy(p => p.Id)
            .ToArray();

    /// <summary>The largest per-unit discount of a unit among <paramref name="ranked"/> (rank −1 = none).</summary>
    private static Standalone BestStandalone(Unit unit, Promotion[] ranked)
    {
        var best = new Standalone(0, -1);
        if (unit.Line.IsGiftCertificate) return best;
        for (var r = 0; r < ranked.Length; r++)
        {
            var value = ranked[r] switch
            {
                UnitDiscountPromotion { Type: UnitDiscountType.Percent } p when p.Group.Matches(unit.Line) => Kopecks.Percent(unit.Price, p.Value),
                UnitDiscountPromotion { Type: UnitDiscountType.Fixed } p when p.Group.Matches(unit.Line) => Math.Min(Kopecks.From(p.Value), unit.Price),
                BirthdayPromotion b => Kopecks.Percent(unit.Price, b.Percent),
                _ => 0,
            };
            if (value > best.Value) best = new Standalone(value, r);
        }
        return best;
    }

    /// <summary>The search problem of <paramref name="ranked"/> over <paramref name="units"/>: the units a group promotion may take.</summary>
    private static SearchProblem BuildProblem(Unit[] units, Promotion[] ranked)
    {
        var groups = ranked.Select((p, rank) => (p, rank))
            .Where(x => x.p is ThreeForTwoPromotion or ComboPromotion)
            .Select(x => new GroupPromo(x.p, x.rank)).ToArray();
        var standalone = units.Select(u => BestStandalone(u, ranked)).ToArray();
        var unitIndex = new List<int>();
        var options = new List<UnitOption[]>();
        for (var u = 0; u < units.Length; u++)
        {
            var line = units[u].Line;
            var opts = new List<(int Rank, UnitOption Option)>();
            for (var g = 0; g < groups.Length; g++)
            {
                switch (groups[g].Promotion)
                {
                    case ThreeForTwoPromotion t when t.Group.Matches(line):
                        opts.Add((groups[g].Rank, new UnitOption(g, 0, 0, -1)));
                        break;
                    case ComboPromotion c:
                        for (var s = 0; s < c.Slots.Count; s++)
                            if (c.Slots[s].Group.Matches(line)) opts.Add((groups[g].Rank, new UnitOption(g, s, 0, -1)));
                        break;
                }
            }
            if (opts.Count == 0) continue;
            var alone = standalone[u];
            if (alone.Rank >= 0) opts.Add((alone.Rank, new UnitOption(-1, 0, alone.Value, alone.Rank)));
            else if (!opts.Any(o => !groups[o.Option.Group].IsCombo)) opts.Add((int.MaxValue, new UnitOption(-1, 0, 0, -1)));
            unitIndex.Add(u);
            options.Add(opts.OrderBy(o => o.Rank).ThenBy(o => o.Option.Slot).Select(o => o.Option).ToArray());
        }
        var same = unitIndex.Select((u, i) => i > 0 && Interchangeable(units[unitIndex[i - 1]], units[u])).ToArray();
        return new SearchProblem(groups, unitIndex.ToArray(), unitIndex.Select(u => units[u].Price).ToArray(), same, options.ToArray());
    }

    private static bool Interchangeable(Unit a, Unit b) =>
        a.Price == b.Price && a.Line.ProductId == b.Line.ProductId
        && a.Line.Brand == b.Line.Brand && a.Line.Category == b.Line.Category
        && a.Line.IsGiftCertificate == b.Line.IsGiftCertificate;

    /// <summary>
    /// The chosen option per search unit: exact search, or (budget exceeded) the bounded fallback described on the class.
    /// The same function prices a promotion alone, which is what makes the fallback never worse than any single one.
    /// </summary>
    private static (SearchProblem Problem, int[] Choice, bool Exact) Solve(Unit[] units, Promotion[] ranked, int nodeBudget)
    {
        var problem = BuildProblem(units, ranked);
        if (problem.Count == 0) return (problem, [], true);
        var search = new BranchAndBound(problem, nodeBudget).Run();
        if (!search.Exhausted) return (problem, search.Best!, true);

        var candidates = new List<int[]>();
        if (search.Best is not null) candidates.Add(search.Best);
        candidates.Add(problem.GreedyCombos(problem.Baseline())); // the per-unit-first baseline, or better: greedy only adds sets that pay
        if (ranked.Length > 1)
            foreach (var group in problem.Groups)
                candidates.Add(Lift(problem, Solve(units, [group.Promotion], nodeBudget)));

        int[]? best = null;
        long bestValue = long.MinValue;
        foreach (var c in candidates)
            if (problem.Evaluate(c) is { } v && v > bestValue) (best, bestValue) = (c, v);
        return (problem, Improve(problem, best!, bestValue), false);
    }

    /// <summary>A solution of a sub-problem (one promotion) as an assignment of the full problem: other units at their default.</summary>
    private static int[] Lift(SearchProblem full, (SearchProblem Problem, int[] Choice, bool Exact) sub)
    {
        var subPosition = new Dictionary<int, int>();
        for (var i = 0; i < sub.Problem.Count; i++) subPosition[sub.Problem.UnitIndex[i]] = i;
        var choice = new int[full.Count];
        for (var i = 0; i < full.Count; i++)
        {
            choice[i] = full.DefaultOption(i);
            if (!subPosition.TryGetValue(full.UnitIndex[i], out var j)) continue;
            var o = sub.Problem.Options[j][sub.Choice[j]];
            if (!o.IsGroup) continue;
            var promo = sub.Problem.Groups[o.Group].Promotion;
            var k = Array.FindIndex(full.Options[i], f => f.IsGroup && full.Groups[f.Group].Promotion == promo && f.Slot == o.Slot);
            if (k >= 0) choice[i] = k;
        }
        return choice;
    }

    /// <summary>Single-unit moves while they strictly improve the total (bounded; deterministic order).</summary>
    private static int[] Improve(SearchProblem problem, int[] start, long value)
    {
        if (problem.Count > LocalSearchMaxUnits) return start;
        var choice = (int[])start.Clone();
        for (var pass = 0; pass < 3; pass++)
        {
            var improved = false;
            for (var i = 0; i < problem.Count; i++)
            {
                var current = choice[i];
                for (var k = 0; k < problem.Options[i].Length; k++)
                {
                    if (k == current) continue;
                    choice[i] = k;
                    if (problem.Evaluate(choice) is { } v && v > value) { value = v; current = k; improved = true; }
                }
                choice[i] = current;
            }
            if (!improved) break;
        }
        return choice;
    }

    /// <summary>Per unit: the promotion's rank (−1 none), its discount (kopecks), whether it is a free 1+1=3 unit; applications per rank.</summary>
    private static (int[] Rank, long[] Discount, bool[] Free, int[] Applications, bool Exact) ApplyPromotions(Unit[] units, Promotion[] ranked, int nodeBudget)
    {
        var rank = new int[units.Length];
        var discount = new long[units.Length];
        var free = new bool[units.Length];
        var applications = new int[ranked.Length];
        var (problem, choice, exact) = Solve(units, ranked, nodeBudget);
        var standalone = units.Select(u => BestStandalone(u, ranked)).ToArray();
        var searched = new HashSet<int>(problem.UnitIndex);
        var members = problem.Groups.Select(_ => new List<int>()).ToArray();
        for (var u = 0; u < units.Length; u++)
        {
            rank[u] = -1;
            if (!searched.Contains(u) && standalone[u].Rank >= 0) Assign(u, standalone[u]);
        }
        for (var i = 0; i < problem.Count; i++)
        {
            var o = problem.Options[i][choice[i]];
            if (o.IsGroup) members[o.Group].Add(problem.UnitIndex[i]);
            else if (o.StandaloneRank >= 0) Assign(problem.UnitIndex[i], new Standalone(o.Standalone, o.StandaloneRank));
        }
        for (var g = 0; g < problem.Groups.Length; g++)
        {
            var m = members[g];
            if (m.Count == 0) continue;
            var group = problem.Groups[g];
            long total;
            if (group.IsCombo)
            {
                var sets = m.Count / group.SlotPrices.Length;
                total = m.Sum(u => units[u].Price) - sets * group.SlotSum;
                applications[group.Rank] += sets;
            }
            else
            {
                var freeCount = m.Count / 3;
                var freeUnits = m.Skip(m.Count - freeCount).ToArray();
                foreach (var u in freeUnits) free[u] = true;
                total = freeUnits.Sum(u => units[u].Price);
                applications[group.Rank] += freeCount;
            }
            if (total <= 0) continue;
            var shares = Kopecks.Spread(total, m.Select(u => units[u].Price).ToArray());
            for (var k = 0; k < m.Count; k++)
            {
                rank[m[k]] = group.Rank;
                discount[m[k]] = shares[k];
            }
        }
        return (rank, discount, free, applications, exact);

        void Assign(int u, Standalone s)
        {
            rank[u] = s.Rank;
            discount[u] = s.Value;
            applications[s.Rank]++;
        }
    }

    /// <summary>Manual discounts (kopecks per unit) after promotions; throws <see cref="ManualDiscountRefusedException"/> when refused.</summary>
    private static long[] ApplyManualDiscounts(PricingRequest request, Unit[] units, long[] promoDiscount)
    {
        var manual = new long[units.Length];
        var discounts = request.ManualDiscounts ?? [];
        if (discounts.Count == 0) return manual;
        long Effective(int u) => units[u].Price - promoDiscount[u] - manual[u];
        var payable = Enumerable.Range(0, units.Length).Where(u => !units[u].Line.IsGiftCertificate).ToArray();
        var payableBefore = payable.Sum(Effective);

        foreach (var d in discounts.Where(d => d.LineId is not null).Concat(discounts.Where(d => d.LineId is null)))
        {
            if (d.LineId is not null && request.Lines.All(l => l.LineId != d.LineId))
                throw new ManualDiscountRefusedException("Строка для скидки не найдена в чеке. Обновите чек и повторите.");
            var target = payable.Where(u => d.LineId is null || units[u].Line.LineId == d.LineId).ToArray();
            if (target.Length == 0)
                throw new ManualDiscountRefusedException("На подарочный сертификат скидка не предоставляется.");
            var baseAmount = target.Sum(Effective);
            var amount = d.Kind switch
            {
                ManualDiscountKind.Percent when d.Value is > 0 and <= 100 => Kopecks.Percent(baseAmount, d.Value),
                ManualDiscountKind.Amount when d.Value > 0 && d.Value == decimal.Round(d.Value, 2) => Kopecks.From(d.Value),
                ManualDiscountKind.Percent => throw new ManualDiscountRefusedException("Скидка в процентах должна быть больше 0 и не больше 100 %."),
                _ => throw new ManualDiscountRefusedException("Скидка в рублях должна быть больше 0 ₽ (с точностью до копейки)."),
            };
            if (amount > baseAmount)
                throw new ManualDiscountRefusedException(
                    $"Скидка {Money.Format(Kopecks.ToRubles(amount))} больше суммы к оплате {Money.Format(Kopecks.ToRubles(baseAmount))}. Уменьшите скидку.");
            ManualDiscountPolicy.EnsureAllowed(request.ActorRoles, request.SellerManualLimitPercent,
                Kopecks.ToRubles(amount), Kopecks.ToRubles(baseAmount));
            if (amount == 0) continue;
            var shares = Kopecks.Spread(amount, target.Select(Effective).ToArray());
            for (var k = 0; k < target.Length; k++) manual[target[k]] += shares[k];
        }
        ManualDiscountPolicy.EnsureAllowed(request.ActorRoles, request.SellerManualLimitPercent,
            Kopecks.ToRubles(manual.Sum()), Kopecks.ToRubles(payableBefore));
        return manual;
    }

    /// <summary>The discount gift (kopecks per unit) on what is left after promotions and manual discounts.</summary>
    private static long[] ApplyGift(GiftDiscount? gift, Unit[] units, long[] promoDiscount, long[] manual)
    {
        var share = new long[units.Length];
        if (gift is null) return share;
        var target = Enumerable.Range(0, units.Length).Where(u => !units[u].Line.IsGiftCertificate).ToArray();
        var left = target.Select(u => units[u].Price - promoDiscount[u] - manual[u]).ToArray();
        var amount = Kopecks.Percent(left.Sum(), gift.Percent);
        if (amount == 0) return share;
        var shares = Kopecks.Spread(amount, left);
        for (var k = 0; k < target.Length; k++) share[target[k]] = shares[k];
        return share;
    }

    private static PricingResult Assemble(PricingRequest request, Unit[] units, Promotion[] ranked, int[] promoRank,
        long[] promoDiscount, bool[] free, int[] applications, long[] manual, long[] gift, bool exact)
    {
        var byLine = Enumerable.Range(0, units.Length).ToLookup(u => units[u].LineIndex);
        var lines = new List<PricedLine>(request.Lines.Count);
        for (var li = 0; li < request.Lines.Count; li++)
        {
            var line = request.Lines[li];
            var lineUnits = byLine[li].ToArray();
            var applied = lineUnits.Where(u => promoRank[u] >= 0).GroupBy(u => promoRank[u]).OrderBy(g => g.Key)
                .Select(g => new AppliedDiscount(ranked[g.Key].Id, ranked[g.Key].Name, ranked[g.Key].Kind,
                    g.Count(), g.Count(u => free[u]), Kopecks.ToRubles(g.Sum(u => promoDiscount[u]))))
                .ToList();
            var manualUnits = lineUnits.Where(u => manual[u] > 0).ToArray();
            if (manualUnits.Length > 0)
                applied.Add(new AppliedDiscount(null, ManualDiscountPolicy.ReceiptName, DiscountKind.Manual,
                    manualUnits.Length, 0, Kopecks.ToRubles(manualUnits.Sum(u => manual[u]))));
            var giftUnits = lineUnits.Where(u => gift[u] > 0).ToArray();
            if (giftUnits.Length > 0)
                applied.Add(new AppliedDiscount(null, request.Gift!.Name, DiscountKind.Gift, giftUnits.Length, 0, Kopecks.ToRubles(giftUnits.Sum(u => gift[u]))));
            var unitTotals = lineUnits.Select(u => units[u].Price - promoDiscount[u] - manual[u] - gift[u]).OrderDescending().ToArray();
            var subtotal = lineUnits.Sum(u => units[u].Price);
            var total = unitTotals.Sum();
            lines.Add(new PricedLine(line.LineId, line.ProductId, line.Quantity, line.UnitPrice,
                Kopecks.ToRubles(subtotal), Kopecks.ToRubles(subtotal - total), Kopecks.ToRubles(total),
                unitTotals.Select(Kopecks.ToRubles).ToArray(), applied));
        }

        var summary = Enumerable.Range(0, units.Length).Where(u => promoRank[u] >= 0).GroupBy(u => promoRank[u]).OrderBy(g => g.Key)
            .Select(g => new PromotionTotal(ranked[g.Key].Id, ranked[g.Key].Name, ranked[g.Key].Kind, g.Count(),
                applications[g.Key], Kopecks.ToRubles(g.Sum(u => promoDiscount[u]))))
            .ToList();
        var manualAll = Enumerable.Range(0, units.Length).Where(u => manual[u] > 0).ToArray();
        if (manualAll.Length > 0)
            summary.Add(new PromotionTotal(null, ManualDiscountPolicy.ReceiptName, DiscountKind.Manual, manualAll.Length,
                manualAll.Length, Kopecks.ToRubles(manualAll.Sum(u => manual[u]))));
        var giftAll = Enumerable.Range(0, units.Length).Where(u => gift[u] > 0).ToArray();
        if (giftAll.Length > 0)
            summary.Add(new PromotionTotal(null, request.Gift!.Name, DiscountKind.Gift, giftAll.Length, 1, Kopecks.ToRubles(giftAll.Sum(u => gift[u]))));

        var subtotalAll = units.Sum(u => u.Price);
        var discountAll = promoDiscount.Sum() + manual.Sum() + gift.Sum();
        return new PricingResult(lines, Kopecks.ToRubles(subtotalAll), Kopecks.ToRubles(discountAll),
            Kopecks.ToRubles(subtotalAll - discountAll), summary, exact);
    }
}
