namespace AlAroma.Web.Features.Loyalty;

/// <summary>
/// FIFO arithmetic of points expiry (DOMAIN.md "Loyalty": points expire after 12 months, oldest first). Replays a
/// customer's ledger in order: each accrual or gift is a lot with its own expiry date; each spend (redemption,
/// reversal of an accrual after a return, negative adjustment) draws from the oldest lot not yet expired at that
/// moment, so a lot's expiry takes only what is left of it. A spend larger than all live lots (a reversal may take
/// the balance below zero) is a debt the next lots repay first. Points that come back without an expiry date of
/// their own (a redemption restored by a return, a positive adjustment) start a lot living
/// <see cref="PointsLedger.LifetimeMonths"/> from that day. Expiry entries already in the ledger are not replayed:
/// the replay computes what should have expired, the caller posts the difference — so a second run posts nothing.
/// </summary>
public static class PointsFifo
{
    /// <summary>One ledger row as the replay needs it, in ledger order.</summary>
    /// <param name="Points">Signed points of the entry.</param>
    /// <param name="ExpiresAtUtc">Expiry of an accrual/gift lot; null for other entries.</param>
    /// <param name="IsExpiry">An expiry entry (skipped by the replay).</param>
    public sealed record Entry(DateTime AtUtc, int Points, DateTime? ExpiresAtUtc, bool IsExpiry = false);

    /// <summary>
    /// Points that have expired by <paramref name="nowUtc"/> over the whole ledger (the sum the expiry entries should
    /// add up to, as a positive number).
    /// </summary>
    public static int ExpiredBy(IEnumerable<Entry> ledger, DateTime nowUtc) => Replay(ledger, nowUtc).Expired;

    /// <summary>What is left of one accrual or gift at a moment: its position in the ledger, points left (0 when spent or expired) and expiry (UTC).</summary>
    /// <param name="Index">Position of the entry in the ledger given (0-based).</param>
    /// <param name="Expired">Points of it that expired unspent.</param>
    public sealed record LotLeft(int Index, int Left, int Expired, DateTime ExpiresAtUtc);

    /// <summary>
    /// For every positive entry of <paramref name="ledger"/> (accrual, gift, restored points): how many of its points
    /// are still live at <paramref name="nowUtc"/>, how many expired, and when the rest expires — by the same FIFO
    /// replay as <see cref="ExpiredBy"/>. Points that repaid a debt count as spent.
    /// </summary>
    public static IReadOnlyList<LotLeft> Remaining(IEnumerable<Entry> ledger, DateTime nowUtc)
    {
        var (_, all) = Replay(ledger, nowUtc);
        return all.Select(l => new LotLeft(l.Index, l.Left, l.ExpiredPoints, l.ExpiresAtUtc)).ToList();
    }

    private static (int Expired, List<Lot> All) Replay(IEnumerable<Entry> ledger, DateTime nowUtc)
    {
        var lots = new List<Lot>(); // live lots, oldest expiry first
        var all = new List<Lot>();
        var (debt, expired, index) = (0, 0, -1);
        foreach (var e in ledger)
        {
            index++;
            if (e.IsExpiry || e.Points == 0) continue;
            expired += ExpireUntil(lots, e.AtUtc);
            if (e.Points > 0)
            {
                var repay = Math.Min(debt, e.Points);
                debt -= repay;
                var lot = new Lot(index, e.ExpiresAtUtc ?? e.AtUtc.AddMonths(PointsLedger.LifetimeMonths), e.Points - repay);
                all.Add(lot);
                if (e.Points > repay) Insert(lots, lot);
                continue;
            }
            var need = -e.Points;
            while (need > 0 && lots.Count > 0)
            {
                var take = Math.Min(need, lots[0].Left);
                lots[0].Left -= take;
                need -= take;
                if (lots[0].Left == 0) lots.RemoveAt(0);
            }
            debt += need;
        }
        return (expired + ExpireUntil(lots, nowUtc), all);
    }

    private static int ExpireUntil(List<Lot> lots, DateTime atUtc)
    {
        var sum = 0;
        while (lots.Count > 0 && lots[0].ExpiresAtUtc <= atUtc)
        {
            sum += lots[0].Left;
            lots[0].ExpiredPoints = lots[0].Left;
            lots[0].Left = 0;
            lots.RemoveAt(0);
        }
        return sum;
    }

    private static void Insert(List<Lot> lots, Lot lot)
    {
        var i = lots.FindLastIndex(l => l.ExpiresAtUtc <= lot.ExpiresAtUtc) + 1;
        lots.Insert(i, lot);
    }

    private sealed class Lot(int index, DateTime expiresAtUtc, int left)
    {
        public int Index { get; } = index;
        public DateTime ExpiresAtUtc { get; } = expiresAtUtc;
        public int Left { get; set; } = left;
        public int ExpiredPoints { get; set; }
    }
}
