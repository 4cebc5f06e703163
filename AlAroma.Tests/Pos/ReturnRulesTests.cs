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
