using AlAroma.Web.Features.Loyalty;
using E = AlAroma.Web.Features.Loyalty.PointsFifo.Entry;

namespace AlAroma.Tests.Jobs;

public sealed class PointsFifoTests
{
    private static readonly DateTime T0 = new(2025, 1, 10, 12, 0, 0, DateTimeKind.Utc);

    private static E Accrual(int months, int points) => new(T0.AddMonths(months), points, T0.AddMonths(months + 12));
    private static E Spend(int months, int points, int days = 0) => new(T0.AddMonths(months).AddDays(days), -points, null);

    [Fact]
    public void An_untouched_accrual_expires_whole_after_12_months_and_not_a_day_before()
    {
        var ledger = new[] { Accrual(0, 100) };
        Assert.Equal(0, PointsFifo.ExpiredBy(ledger, T0.AddMonths(12).AddSeconds(-1)));
        Assert.Equal(100, PointsFifo.ExpiredBy(ledger, T0.AddMonths(12)));
    }

    [Fact]
    public void A_spend_draws_from_the_oldest_accrual_so_expiry_takes_only_what_is_left_of_it()
    {
        // 100 in January, 50 in March; 120 spent in June: January's lot gives 100, March's 20.
        var ledger = new[] { Accrual(0, 100), Accrual(2, 50), Spend(5, 120) };
        Assert.Equal(0, PointsFifo.ExpiredBy(ledger, T0.AddMonths(12)));   // January's lot is empty
        Assert.Equal(30, PointsFifo.ExpiredBy(ledger, T0.AddMonths(14)));  // what is left of March's
    }

    [Fact]
    public void A_spend_after_a_lot_expired_cannot_draw_from_it()
    {
        // 100 in January (expires next January), 50 in December; 40 spent next February draws from December's lot.
        var ledger = new[] { Accrual(0, 100), Accrual(11, 50), Spend(13, 40) };
        Assert.Equal(100 + 10, PointsFifo.ExpiredBy(ledger, T0.AddMonths(23)));
    }

    [Fact]
    public void Expiry_entries_already_posted_are_not_replayed_so_the_total_stays_the_same()
    {
        var ledger = new List<E> { Accrual(0, 100), Spend(3, 30) };
        var first = PointsFifo.ExpiredBy(ledger, T0.AddMonths(13));
        ledger.Add(new E(T0.AddMonths(13), -first, null, IsExpiry: true));
        Assert.Equal(70, first);
        Assert.Equal(70, PointsFifo.ExpiredBy(ledger, T0.AddMonths(13)));
    }

    [Fact]
    public void A_debt_from_a_reversal_is_repaid_by_the_next_accrual_first()
    {
        // 50 accrued and spent; a return reverses 30 more (balance −30); the next 100 repay the debt: 70 can expire.
        var ledger = new[] { Accrual(0, 50), Spend(1, 50), Spend(2, 30), Accrual(3, 100) };
        Assert.Equal(70, PointsFifo.ExpiredBy(ledger, T0.AddMonths(15)));
    }

    [Fact]
    public void Points_given_back_without_a_date_live_12_months_from_that_day()
    {
        var ledger = new[] { Accrual(0, 100), Spend(1, 100), new E(T0.AddMonths(2), 40, null) };
        Assert.Equal(0, PointsFifo.ExpiredBy(ledger, T0.AddMonths(13)));
        Assert.Equal(40, PointsFifo.ExpiredBy(ledger, T0.AddMonths(14)));
    }
}
