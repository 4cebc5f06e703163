namespace AlAroma.Web.Features.Promotions.Engine;

/// <summary>A promotion whose discount depends on several units together (1+1=3, combo).</summary>
internal sealed class GroupPromo(Promotion promotion, int rank)
{
    public Promotion Promotion { get; } = promotion;
    public int Rank { get; } = rank;
    public bool IsCombo => Promotion is ComboPromotion;

    /// <summary>Combo slot prices, kopecks (empty for 1+1=3).</summary>
    public long[] SlotPrices { get; } = promotion is ComboPromotion c ? c.Slots.Select(s => Kopecks.From(s.Price)).ToArray() : [];
    public long SlotSum => SlotPrices.Sum();
}

/// <summary>
/// A choice for one unit: a group promotion (and combo slot), or "stand alone" — the unit's best per-unit
/// promotion (<see cref="StandaloneRank"/> ≥ 0, <see cref="Standalone"/> kopecks off) or nothing (rank −1).
/// </summary>
internal readonly record struct UnitOption(int Group, int Slot, long Standalone, int StandaloneRank)
{
    public bool IsGroup => Group >= 0;
}

/// <summary>
/// The units whose promotion must be searched for (those a group promotion may take), canonical order
/// (price descending), each with its options in promotion order.
/// </summary>
internal sealed class SearchProblem(GroupPromo[] groups, int[] unitIndex, long[] prices, bool[] sameAsPrevious, UnitOption[][] options)
{
    public GroupPromo[] Groups { get; } = groups;

    /// <summary>Search unit → index of the unit in the engine's canonical unit list.</summary>
    public int[] UnitIndex { get; } = unitIndex;
    public long[] Prices { get; } = prices;

    /// <summary>The unit is interchangeable with the previous one (same product and price): symmetry breaking.</summary>
    public bool[] SameAsPrevious { get; } = sameAsPrevious;
    public UnitOption[][] Options { get; } = options;
    public int Count => Prices.Length;

    /// <summary>
    /// The option a unit takes when nothing better is known: its per-unit promotion if any, else its first
    /// 1+1=3, else nothing. Always exists (a unit without per-unit and 1+1=3 options may stay alone).
    /// </summary>
    public int DefaultOption(int i)
    {
        var opts = Options[i];
        var standalone = Array.FindIndex(opts, o => !o.IsGroup);
        if (standalone >= 0 && opts[standalone].StandaloneRank >= 0) return standalone;
        var threeForTwo = Array.FindIndex(opts, o => o.IsGroup && !Groups[o.Group].IsCombo);
        return threeForTwo >= 0 ? threeForTwo : standalone;
    }

    /// <summary>
    /// Total discount (kopecks) of an assignment, or null when it is not valid (a combo whose slots are not
    /// filled the same number of times, or a combo that would not lower the price).
    /// 1+1=3: the floor(n/3) cheapest of its n units (the last ones in canonical order) are free.
    /// Combo with c complete sets: Σ unit prices − c × Σ slot prices.
    /// </summary>
    public long? Evaluate(int[] choice)
    {
        long value = 0;
        var members = new List<long>[Groups.Length];
        var slotCounts = new int[Groups.Length][];
        for (var g = 0; g < Groups.Length; g++)
        {
            members[g] = [];
            slotCounts[g] = new int[Groups[g].SlotPrices.Length];
        }
        for (var i = 0; i < Count; i++)
        {
            var o = Options[i][choice[i]];
            if (!o.IsGroup) { value += o.Standalone; continue; }
            members[o.Group].Add(Prices[i]);
            if (Groups[o.Group].IsCombo) slotCounts[o.Group][o.Slot]++;
        }
        for (var g = 0; g < Groups.Length; g++)
        {
            var m = members[g];
            if (m.Count == 0) continue;
            if (!Groups[g].IsCombo)
            {
                for (var k = 0; k < m.Count / 3; k++) value += m[m.Count - 1 - k];
                continue;
            }
            var sets = slotCounts[g][0];
            if (slotCounts[g].Any(c => c != sets)) return null;
            var discount = m.Sum() - sets * Groups[g].SlotSum;
            if (discount <= 0) return null;
            value += discount;
        }
        return value;
    }

    /// <summary>The default option for every unit (always valid: no combo taken).</summary>
    public int[] Baseline() => Enumerable.Range(0, Count).Select(DefaultOption).ToArray();

    /// <summary>
    /// Greedy combos on top of <paramref name="start"/>: for each combo in promotion order, fill one set at a time
    /// with the dearest eligible units not yet in a combo, while a set raises the total discount.
    /// </summary>
    public int[] GreedyCombos(int[] start)
    {
        var choice = (int[])start.Clone();
        var value = Evaluate(choice) ?? long.MinValue;
        for (var g = 0; g < Groups.Length; g++)
        {
            if (!Groups[g].IsCombo) continue;
            while (true)
            {
                var trial = (int[])choice.Clone();
                var complete = true;
                for (var slot = 0; slot < Groups[g].SlotPrices.Length && complete; slot++)
                {
                    complete = false;
                    for (var i = 0; i < Count && !complete; i++)
                    {
                        var current = Options[i][trial[i]];
                        if (current.IsGroup && Groups[current.Group].IsCombo) continue;
                        var k = Array.FindIndex(Options[i], o => o.Group == g && o.Slot == slot);
                        if (k < 0) continue;
                        trial[i] = k;
                        complete = true;
                    }
                }
                // An incomplete set stops here too: its slots are filled unevenly (Evaluate gives null) or not at all
                // (no gain). Plain statements rather than one pattern condition: mutation testing can then flip each
                // test without leaving a pattern variable unassigned (which would not compile).
                var v = Evaluate(trial);
                if (v is null || v <= value) break;
                (choice, value) = (trial, v.Value);
            }
        }
        return choice;
    }
}

/// <summary>
/// Exact branch-and-bound over the options of the search units, in canonical order, options tried in
/// promotion order. Identical units take non-decreasing option indexes (symmetry breaking). The bound counts a
/// unit in a 1+1=3 as a third of its price (the floor(n/3) cheapest of n prices sum to at most a third of them),
/// in a combo as price − slot price, alone as its per-unit discount. Branches whose combos can no longer be
/// completed are cut. A branch is cut when it cannot beat the best found strictly, so the first optimum in
/// search order wins ties. Stops after <paramref name="nodeBudget"/> nodes (then <see cref="Exhausted"/>).
/// </summary>
internal sealed class BranchAndBound(SearchProblem problem, int nodeBudget)
{
    private readonly int[] _choice = new int[problem.Count];
    private int[][][] _eligibleFrom = [];
    private int[][] _slotCounts = [];
    private long[] _suffixBound3 = [];
    private int _nodes;

    public int[]? Best { get; private set; }
    public long BestValue { get; private set; } = long.MinValue;
    public bool Exhausted { get; private set; }

    public BranchAndBound Run()
    {
        var n = problem.Count;
        var groups = problem.Groups;
        _slotCounts = groups.Select(g => new int[g.SlotPrices.Length]).ToArray();
        _eligibleFrom = groups.Select(g => g.SlotPrices.Select(_ => new int[n + 1]).ToArray()).ToArray();
        for (var i = n - 1; i >= 0; i--)
        {
            for (var g = 0; g < groups.Length; g++)
                for (var s = 0; s < groups[g].SlotPrices.Length; s++)
                    _eligibleFrom[g][s][i] = _eligibleFrom[g][s][i + 1];
            foreach (var o in problem.Options[i])
                if (o.IsGroup && groups[o.Group].IsCombo) _eligibleFrom[o.Group][o.Slot][i]++;
        }
        _suffixBound3 = new long[n + 1];
        for (var i = n - 1; i >= 0; i--)
            _suffixBound3[i] = _suffixBound3[i + 1] + problem.Options[i].Max(o => Bound3(i, o));
        Dfs(0, 0);
        return this;
    }

    /// <summary>Optimistic discount of a unit's option, in thirds of a kopeck.</summary>
    private long Bound3(int i, UnitOption o) =>
        !o.IsGroup ? 3 * o.Standalone
        : problem.Groups[o.Group].IsCombo ? 3 * (problem.Prices[i] - problem.Groups[o.Group].SlotPrices[o.Slot])
        : problem.Prices[i];

    private void Dfs(int i, long bound3)
    {
        if (++_nodes > nodeBudget) { Exhausted = true; return; }
        if (Best is not null && bound3 + _suffixBound3[i] <= 3 * BestValue) return;
        if (!CombosStillCompletable(i)) return;
        if (i == problem.Count)
        {
            if (problem.Evaluate(_choice) is { } value && (Best is null || value > BestValue))
            {
                BestValue = value;
                Best = (int[])_choice.Clone();
            }
            return;
        }
        var options = problem.Options[i];
        var first = problem.SameAsPrevious[i] ? _choice[i - 1] : 0; // never set on the first unit
        for (var k = first; k < options.Length && !Exhausted; k++)
        {
            var o = options[k];
            _choice[i] = k;
            var combo = o.IsGroup && problem.Groups[o.Group].IsCombo;
            if (combo) _slotCounts[o.Group][o.Slot]++;
            Dfs(i + 1, bound3 + Bound3(i, o));
            if (combo) _slotCounts[o.Group][o.Slot]--;
        }
    }

    /// <summary>Every combo's slots can still be filled up to its fullest slot by the units from <paramref name="i"/> on.</summary>
    private bool CombosStillCompletable(int i)
    {
        for (var g = 0; g < _slotCounts.Length; g++)
        {
            var counts = _slotCounts[g];
            if (counts.Length == 0) continue;
            var max = counts.Max();
            for (var s = 0; s < counts.Length; s++)
                if (counts[s] + _eligibleFrom[g][s][i] < max) return false;
        }
        return true;
    }
}
