using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Tests.Pos;

/// <summary>The pure arithmetic of returns: units by effective price, money split by method.</summary>
public class ReturnRulesTests
{
    [Fact]
    public void Units_go_back_most_expensive_first_and_never_more_than_were_sold()
    {
        decimal[] units = [1000m, 666.67m, 666.67m, 666.66m];
        Assert.Equal(1000m, ReturnRules.LineRefund(units, 0, 1, "A"));
        Assert.Equal(1333.34m, ReturnRules.LineRefund(units, 1, 2, "A"));
        Assert.Equal(units.Sum(), ReturnRules.LineRefund(units, 0, 4, "A"));
        Assert.Contains("не больше 1 шт.", Assert.Throws<BusinessRuleException>(() => ReturnRules.LineRefund(units, 3, 2, "A")).Message);
        Assert.Contains("уже возвращён полностью", Assert.Throws<BusinessRuleException>(() => ReturnRules.LineRefund(units, 4, 1, "A")).Message);
        Assert.Throws<BusinessRuleException>(() => ReturnRules.LineRefund(units, 0, 0, "A"));
    }

    [Fact]
    public void Refunds_are_split_in_proportion_and_no_method_ever_gets_back_more_than_it_paid()
    {
        // Receipt 3 000 ₽: certificate 1 000, points 333, card 1 000, cash 667.
        var paid = new[] { (PaymentMethod.Cash, 667m), (PaymentMethod.Card, 1000m), (PaymentMethod.GiftCertificate, 1000m), (PaymentMethod.Points, 333m) };
        var refunded = new decimal[paid.Length];
        foreach (var refund in new[] { 1000.01m, 999.99m, 0.5m, 999.5m })
        {
            var buckets = paid.Select((p, i) => new ReturnRules.Bucket(i, p.Item1, p.Item2, refunded[i])).ToList();
            var split = ReturnRules.Split(3000m, buckets, refund);
            Assert.Equal(refund, split.Sum());
            for (var i = 0; i < paid.Length; i++)
            {
                Assert.True(split[i] >= 0);
                refunded[i] += split[i];
                Assert.True(refunded[i] <= paid[i].Item2, $"{paid[i].Item1} got back {refunded[i]} of {paid[i].Item2}");
                if (paid[i].Item1 == PaymentMethod.Points) Assert.Equal(decimal.Truncate(refunded[i]), refunded[i]);
            }
        }
        Assert.Equal(paid.Select(p => p.Item2), refunded); // the whole receipt back = exactly what each method paid
        var full = paid.Select((p, i) => new ReturnRules.Bucket(i, p.Item1, p.Item2, p.Item2)).ToList();
        Assert.Throws<BusinessRuleException>(() => ReturnRules.Split(3000m, full, 0.01m));
    }

    [Fact]
    public void The_accrual_kept_uses_the_receipts_own_rate()
    {
        Assert.Equal(9, ReturnRules.KeptAccrual(30, 1050m, 399m)); // 3 points per 100 ₽ (Silver at the time), 3 hundreds kept
        Assert.Equal(0, ReturnRules.KeptAccrual(30, 1050m, 0m));
        Assert.Equal(0, ReturnRules.KeptAccrual(0, 1050m, 1050m));
    }
}

/// <summary>Second and later returns of one receipt, rounding rests and the kept accrual at its edges.</summary>
public class ReturnRulesSplitTests
{
    private static List<ReturnRules.Bucket> Buckets(params (PaymentMethod Method, decimal Paid, decimal Refunded)[] b) =>
        b.Select((x, i) => new ReturnRules.Bucket(i, x.Method, x.Paid, x.Refunded)).ToList();

    [Fact]
    public void A_second_partial_return_is_split_on_everything_returned_so_far()
    {
        // 3 000 ₽ paid half by card, half in cash; the first return gave back 500 + 500.
        var split = ReturnRules.Split(3000m, Buckets((PaymentMethod.Card, 1500m, 500m), (PaymentMethod.Cash, 1500m, 500m)), 1000m);
        Assert.Equal([500m, 500m], split);
    }

    [Fact]
    public void After_an_earlier_return_only_what_is_left_can_go_back()
    {
        var buckets = Buckets((PaymentMethod.Card, 1500m, 500m), (PaymentMethod.Cash, 1500m, 500m));
        Assert.Equal([1000m, 1000m], ReturnRules.Split(3000m, buckets, 2000m)); // the rest of the receipt, exactly
        var e = Assert.Throws<BusinessRuleException>(() => ReturnRules.Split(3000m, buckets, 2000.01m));
        Assert.Contains("больше оплаченной", e.Message);
    }

    [Fact]
    public void Kopecks_of_a_refund_are_shared_in_proportion_too()
    {
        // 2 000 ₽ paid half by card, half in cash; a 100,50 ₽ item goes back as 50,25 to each, not 50,50 to the card.
        var split = ReturnRules.Split(2000m, Buckets((PaymentMethod.Card, 1000m, 0m), (PaymentMethod.Cash, 1000m, 0m)), 100.5m);
        Assert.Equal([50.25m, 50.25m], split);
    }

    [Fact]
    public void A_negative_refund_is_refused() =>
        Assert.Throws<BusinessRuleException>(() => ReturnRules.Split(100m, Buckets((PaymentMethod.Cash, 100m, 0m)), -1m));

    [Fact]
    public void A_refund_over_what_the_payments_paid_is_refused() =>
        Assert.Throws<BusinessRuleException>(() => ReturnRules.Split(1000m, Buckets((PaymentMethod.Cash, 600m, 0m)), 700m));

    [Fact]
    public void A_rounding_rest_goes_to_the_certificate_first_then_points_card_cash()
    {
        Assert.Equal([0m, 0m, 0.01m], ReturnRules.Split(3m, Buckets((PaymentMethod.Cash, 1m, 0m), (PaymentMethod.Card, 1m, 0m), (PaymentMethod.GiftCertificate, 1m, 0m)), 0.01m));
        Assert.Equal([0m, 0.01m], ReturnRules.Split(2m, Buckets((PaymentMethod.Cash, 1m, 0m), (PaymentMethod.Card, 1m, 0m)), 0.01m));
    }

    [Fact]
    public void Points_come_back_whole_and_the_kopecks_go_to_money()
    {
        // 300 ₽: 100 points and 200 cash; returning 1 ₽ cannot give back a third of a point.
        Assert.Equal([0m, 1m], ReturnRules.Split(300m, Buckets((PaymentMethod.Points, 100m, 0m), (PaymentMethod.Cash, 200m, 0m)), 1m));
        Assert.Equal([50m, 100m], ReturnRules.Split(300m, Buckets((PaymentMethod.Points, 100m, 0m), (PaymentMethod.Cash, 200m, 0m)), 150m));
    }

    [Fact]
    public void A_receipt_of_zero_returns_zero() =>
        Assert.Equal([0m], ReturnRules.Split(0m, Buckets((PaymentMethod.Cash, 0m, 0m)), 0m));

    [Theory]
    [InlineData(PaymentMethod.GiftCertificate, 0)]
    [InlineData(PaymentMethod.Points, 1)]
    [InlineData(PaymentMethod.Card, 2)]
    [InlineData(PaymentMethod.Cash, 3)]
    public void The_rest_order_is_fixed(PaymentMethod method, int order) => Assert.Equal(order, ReturnRules.Order(method));

    [Theory]
    [InlineData(35, 1000, 500, 15)]   // 3 points per 100 ₽ (35 / 10 hundreds, rounded down)
    [InlineData(30, -100, 500, 0)]    // no money base: nothing to keep
    [InlineData(30, 1000, -100, 0)]   // nothing kept
    [InlineData(-10, 1000, 1000, 0)]
    [InlineData(30, 99.99, 99.99, 0)]
    [InlineData(30, 1000, 1000, 30)]
    public void Kept_accrual_edges(int accrued, decimal moneyBase, decimal kept, int points) =>
        Assert.Equal(points, ReturnRules.KeptAccrual(accrued, moneyBase, kept));

    [Fact]
    public void Returning_one_cheap_unit_after_the_expensive_ones()
    {
        decimal[] units = [0m, 500m, 1000m]; // stored in any order: the most expensive goes back first
        Assert.Equal(1000m, ReturnRules.LineRefund(units, 0, 1, "A"));
        Assert.Equal(0m, ReturnRules.LineRefund(units, 2, 1, "A"));
        Assert.Contains("больше нуля", Assert.Throws<BusinessRuleException>(() => ReturnRules.LineRefund(units, 0, -1, "A")).Message);
    }
    [Fact]
    public void Of_two_payments_by_one_method_the_first_takes_the_rounding_rest() =>
        Assert.Equal([0.01m, 0m], ReturnRules.Split(2m, Buckets((PaymentMethod.GiftCertificate, 1m, 0m), (PaymentMethod.GiftCertificate, 1m, 0m)), 0.01m));

    [Fact]
    public void Points_that_fell_behind_on_small_returns_still_come_back_whole()
    {
        // 300 ₽: 90 points and 210 by card; six returns of 0,50 ₽ so far went to the card (a point cannot be split).
        var split = ReturnRules.Split(300m, Buckets((PaymentMethod.Points, 90m, 0m), (PaymentMethod.Card, 210m, 3m)), 0.5m);
        Assert.Equal([0m, 0.5m], split);
    }

    [Fact]
    public void A_return_whose_kopecks_only_the_money_can_take_moves_a_whole_point()
    {
        // 3 000 ₽: 900 points and 2 100 by card; returning all but 0,50 ₽ gives back every point and 2 099,50 to the card.
        var split = ReturnRules.Split(3000m, Buckets((PaymentMethod.Points, 900m, 0m), (PaymentMethod.Card, 2100m, 0m)), 2999.5m);
        Assert.Equal([900m, 2099.5m], split);
        Assert.Equal([0m, 0.5m], ReturnRules.Split(3000m, Buckets((PaymentMethod.Points, 900m, 900m), (PaymentMethod.Card, 2100m, 2099.5m)), 0.5m));
    }

    [Fact]
    public void A_whole_point_moved_for_kopecks_is_paid_for_by_cash_first_even_with_a_certificate_on_the_receipt()
    {
        // 3 000 ₽: certificate 600, 900 points, card 1 000, cash 500; all but 0,50 ₽ goes back. The certificate, card
        // and cash are back in full and a 900th point is due: it goes back and the cash gives up the 0,50 ₽ overshoot.
        var split = ReturnRules.Split(3000m, Buckets((PaymentMethod.GiftCertificate, 600m, 0m), (PaymentMethod.Points, 900m, 0m),
            (PaymentMethod.Card, 1000m, 0m), (PaymentMethod.Cash, 500m, 0m)), 2999.5m);
        Assert.Equal([600m, 900m, 1000m, 499.5m], split);
    }

    [Fact]
    public void The_last_point_goes_back_whole_when_the_card_and_cash_kopecks_left_pay_exactly_for_it()
    {
        // Left on the receipt: 1 point, 0,25 ₽ of card, 0,25 ₽ of cash. A return of 1 ₽ is that point, nothing in money.
        var split = ReturnRules.Split(2400m, Buckets((PaymentMethod.Points, 900m, 899m), (PaymentMethod.Card, 1000m, 999.75m),
            (PaymentMethod.Cash, 500m, 499.75m)), 1m);
        Assert.Equal([1m, 0m, 0m], split);
    }

    [Fact]
    public void Kopecks_that_only_points_could_take_are_refused_rather_than_given_to_a_payment_already_back_in_full()
    {
        // Card and cash are back in full, 100 points are not: 50,50 ₽ cannot be given back in whole points.
        var buckets = Buckets((PaymentMethod.Points, 100m, 0m), (PaymentMethod.Card, 100m, 100m), (PaymentMethod.Cash, 100m, 100m));
        Assert.Contains("Обратитесь к менеджеру", Assert.Throws<BusinessRuleException>(() => ReturnRules.Split(300m, buckets, 50.5m)).Message);
        Assert.Equal([50m, 0m, 0m], ReturnRules.Split(300m, buckets, 50m));
    }

    [Fact]
    public void Any_sequence_of_partial_returns_goes_through_with_whole_points_until_the_receipt_is_back()
    {
        var random = new Random(2026);
        for (var receipt = 0; receipt < 300; receipt++)
        {
            // Points up to 30 % of the goods (whole), the rest split between certificate, card and cash.
            var total = random.Next(100, 500_000) / 100m;
            var points = (decimal)random.Next(0, (int)decimal.Floor(total * 0.3m) + 1);
            var certificate = Math.Round((total - points) * (decimal)random.NextDouble() * 0.5m, 2);
            var card = Math.Round((total - points - certificate) * (decimal)random.NextDouble(), 2);
            var paid = new[] { (PaymentMethod.Cash, total - points - certificate - card), (PaymentMethod.Points, points), (PaymentMethod.Card, card), (PaymentMethod.GiftCertificate, certificate) };
            var refunded = new decimal[paid.Length];
            var left = total;
            while (left > 0)
            {
                var refund = random.Next(4) == 0 ? left : Math.Min(left, Math.Max(0.01m, Math.Round(left * (decimal)random.NextDouble() * 0.3m, 2)));
                var split = ReturnRules.Split(total, paid.Select((p, i) => new ReturnRules.Bucket(i, p.Item1, p.Item2, refunded[i])).ToList(), refund);
                Assert.Equal(refund, split.Sum());
                for (var i = 0; i < paid.Length; i++)
                {
                    Assert.True(split[i] >= 0, $"receipt {receipt}: {paid[i].Item1} got {split[i]}");
                    refunded[i] += split[i];
                    Assert.True(refunded[i] <= paid[i].Item2, $"receipt {receipt}: {paid[i].Item1} got back {refunded[i]} of {paid[i].Item2}");
                }
                Assert.Equal(decimal.Truncate(refunded[1]), refunded[1]);
                left -= refund;
            }
            Assert.Equal(paid.Select(p => p.Item2), refunded);
        }
    }
}
