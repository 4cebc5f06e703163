using AlAroma.Web.Features.Pos;

namespace AlAroma.Tests.Pos;

/// <summary>The X/Z-report's revenue, advance and tenders (DOMAIN.md "Point of sale"), on the pure computation.</summary>
public class ShiftFiguresTests
{
    // A shift: goods 4 000 ₽ in cash; a 3 000 ₽ certificate sold with goods 2 000 ₽ by card; goods 5 000 ₽ paid with a
    // 3 000 ₽ certificate, 1 000 points and 1 000 ₽ by card; then 1 500 ₽ of goods returned (1 000 ₽ cash, 500 ₽ card).
    private static ShiftFigures Shift() => ShiftReport.Compute(1000m,
        [new(4000m, 0m), new(5000m, 0m, Certificates: 3000m, CertificateCount: 1), new(5000m, 500m)],
        [new(PaymentMethod.Cash, 4000m, 5000m, 1000m), new(PaymentMethod.Card, 5000m, null, null),
         new(PaymentMethod.GiftCertificate, 3000m, null, null), new(PaymentMethod.Points, 1000m, null, null), new(PaymentMethod.Card, 1000m, null, null)],
        [new(1, PaymentMethod.Cash, 1000m), new(1, PaymentMethod.Card, 500m)]);

    [Fact]
    public void Revenue_is_goods_sold_minus_goods_returned_and_a_certificate_sold_is_an_advance_beside_it()
    {
        var f = Shift();
        Assert.Equal(3, f.Receipts);
        Assert.Equal(11000m, f.GoodsSold);
        Assert.Equal(1500m, f.GoodsReturned);
        Assert.Equal(9500m, f.Revenue);
        Assert.Equal((1, 3000m), (f.CertificatesSoldCount, f.CertificatesSold));
        Assert.Equal(500m, f.Discounts);
        Assert.Equal(Money(11000m / 3), f.AverageReceipt);
    }

    [Fact]
    public void Certificates_and_points_redeemed_are_tenders_by_method_and_tenders_net_of_refunds_equal_revenue_plus_the_advance()
    {
        var f = Shift();
        Assert.Equal([(PaymentMethod.Cash, 4000m), (PaymentMethod.Card, 6000m), (PaymentMethod.GiftCertificate, 3000m), (PaymentMethod.Points, 1000m)],
            f.ByMethod.Select(m => (m.Method, m.Amount)));
        Assert.Equal(["Наличные", "Карта", "Сертификат", "Баллы"], f.ByMethod.Select(m => m.Label));
        Assert.Equal(14000m, f.Tendered);
        Assert.Equal(12500m, f.NetTendered);
        Assert.Equal(f.Revenue + f.CertificatesSold, f.NetTendered);
        Assert.Equal([(PaymentMethod.Cash, 1000m), (PaymentMethod.Card, 500m)], f.Cash.ReturnsByMethod.Select(m => (m.Method, m.Amount)));
    }

    [Fact]
    public void The_drawer_reconciliation_is_unchanged_by_the_revenue_rule()
    {
        var f = Shift();
        Assert.Equal(1000m, f.CashRefunded);
        Assert.Equal((5000m, 1000m), (f.CashTendered, f.ChangeGiven));
        Assert.Equal(1000m + 4000m - 1000m, f.ExpectedCash); // float + cash kept − cash refunded: the certificate sale's cash counts like any cash
    }

    [Fact]
    public void A_shift_that_only_sold_certificates_has_no_revenue_and_no_average_receipt()
    {
        var f = ShiftReport.Compute(0m, [new(1000m, 0m, 1000m, 1)], [new(PaymentMethod.Cash, 1000m, null, null)]);
        Assert.Equal((0m, 0m, 1000m), (f.Revenue, f.AverageReceipt, f.CertificatesSold));
        Assert.Equal(1000m, f.ExpectedCash);
        Assert.Equal(f.Revenue + f.CertificatesSold, f.NetTendered);
    }

    private static decimal Money(decimal v) => AlAroma.Web.Infrastructure.Money.Round(v);
}
