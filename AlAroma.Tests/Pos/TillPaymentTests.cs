using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.GiftCards;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Pos;

/// <summary>Certificates, points, the level upgrade and concurrent redemption at checkout.</summary>
public class TillPaymentTests(TillFixture app) : IClassFixture<TillFixture>
{
    private async Task<string> CertificateAsync(decimal nominal)
    {
        await using var db = app.Db();
        await using var tx = await db.Database.BeginTransactionAsync();
        var shop = await db.Locations.SingleAsync(l => l.Code == "S1");
        var c = await CertificateLedger.ActivateAsync(db, nominal, shop.Id, null, DateTime.UtcNow, "test", default);
        await tx.CommitAsync();
        return c.Code;
    }

    private async Task<(decimal Balance, int Entries)> CertificateStateAsync(string code)
    {
        await using var db = app.Db();
        var c = await db.Set<GiftCertificate>().Include(x => x.Entries).SingleAsync(x => x.Code == code);
        return (c.Balance, c.Entries.Count(e => e.Kind == CertificateEntryKind.Redeem));
    }

    [Fact]
    public async Task Paying_with_a_certificate_part_of_the_points_and_a_card_earns_points_only_on_the_card_part()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 1");
        var customer = await app.CustomerAsync(points: 2000);
        var code = await CertificateAsync(5000m);
        var (id, price) = (await app.ProductsAsync(8, 1))[0];
        await app.AttachAsync(cashier, register, customer);
        await app.AddAsync(cashier, register, (id, 1));
        var cart = await app.CartAsync(cashier, register);
        Assert.Equal(Math.Min(2000, (int)decimal.Floor(price * 0.3m)), cart.Customer!.MaxPoints);
        var card = price - 5000m - 1500m;

        var result = await app.PayAsync(cashier, register,
            new PaymentInput(PaymentMode.Card, card, null, [new CertificatePaymentInput(CertificateCode.Format(code), 5000m)], Points: 1500));

        var sale = await app.SaleAsync(result.SaleId);
        Assert.Equal([(PaymentMethod.Card, card), (PaymentMethod.GiftCertificate, 5000m), (PaymentMethod.Points, 1500m)],
            sale.Payments.OrderBy(p => p.Method).Select(p => (p.Method, p.Amount)));
        Assert.Equal(code, sale.Payments.Single(p => p.Method == PaymentMethod.GiftCertificate).CertificateCode);
        Assert.Equal((0m, 1), await CertificateStateAsync(code));
        var earned = (int)decimal.Floor(card / 100m); // Standard: 1 point per whole 100 ₽ of the card part only
        Assert.Equal((1500, earned), (sale.PointsRedeemed, sale.PointsAccrued));
        Assert.Equal(2000 - 1500 + earned, (await app.ReloadAsync(customer)).PointsBalance);
        await using var db = app.Db();
        var entries = await db.Set<PointsEntry>().Where(e => e.SaleId == sale.Id).OrderBy(e => e.Id).Select(e => new { e.Kind, e.Points, e.Comment }).ToListAsync();
        Assert.Equal([(PointsEntryKind.Redemption, -1500), (PointsEntryKind.Accrual, earned)], entries.Select(e => (e.Kind, e.Points)));
        Assert.Equal($"Чек {sale.Number}", entries[1].Comment); // the final receipt number, taken at the end of the sale
    }

    [Fact]
    public async Task A_certificate_cannot_pay_for_a_receipt_that_sells_a_certificate_and_nothing_is_written()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 1");
        var code = await CertificateAsync(5000m);
        var (id, price) = (await app.ProductsAsync(9, 1))[0];
        await app.AddAsync(cashier, register, (id, 1));
        await app.AsAsync(cashier, sp => sp.GetRequiredService<EditCart>().ChangeCertificateAsync(register, 1000m, 1, default));
        await using (var db = app.Db())
            Assert.Equal(0, await db.Sales.CountAsync(s => s.RegisterId == register && s.Lines.Any(l => l.IsGiftCertificate)));

        // Even a part no larger than the goods is refused: the new certificate would be bought with the old one.
        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => app.PayAsync(cashier, register,
            new PaymentInput(PaymentMode.Card, price + 1000m - 500m, null, [new CertificatePaymentInput(code, 500m)])));
        Assert.StartsWith("Сертификат нельзя оплатить другим сертификатом", e.Message);
        Assert.Equal((5000m, 0), await CertificateStateAsync(code));
        await using (var db = app.Db())
            Assert.Equal(0, await db.Sales.CountAsync(s => s.RegisterId == register && s.Lines.Any(l => l.IsGiftCertificate)));

        // Paid with money, the same receipt goes through.
        var sale = await app.SaleAsync((await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, price + 1000m, null))).SaleId);
        Assert.Single(sale.Lines, l => l.IsGiftCertificate);
    }

    [Fact]
    public async Task Points_are_capped_at_30_percent_of_the_receipt_and_a_refused_payment_writes_nothing()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 1");
        var customer = await app.CustomerAsync(points: 100_000);
        var (id, price) = (await app.ProductsAsync(10, 1))[0];
        await app.AttachAsync(cashier, register, customer);
        await app.AddAsync(cashier, register, (id, 1));
        var max = (int)decimal.Floor(price * 0.3m);
        Assert.Equal(max, (await app.CartAsync(cashier, register)).Customer!.MaxPoints);

        var e = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, price - max - 1, null, Points: max + 1)));
        Assert.Contains($"не более {max} баллов", e.Message);
        Assert.Equal(100_000, (await app.ReloadAsync(customer)).PointsBalance);
        Assert.Single((await app.CartAsync(cashier, register)).Lines);

        var ok = await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Cash, null, null, Points: max));
        Assert.Equal(max, (await app.SaleAsync(ok.SaleId)).PointsRedeemed);
    }

    [Fact]
    public async Task A_purchase_over_the_silver_threshold_upgrades_the_level_at_once_after_accruing_at_the_old_level()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 1");
        var customer = await app.CustomerAsync();
        var products = await app.ProductsAsync(0, 2);
        await app.AttachAsync(cashier, register, customer);
        await app.AddAsync(cashier, register, (products[0].Id, 1), (products[1].Id, 1));
        var total = products.Sum(p => p.Price);
        Assert.True(total >= 15_000m && total < 50_000m);

        var result = await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, total, null));

        var stored = await app.ReloadAsync(customer);
        Assert.Equal(LoyaltyLevel.Silver, stored.Level);
        Assert.Equal((int)decimal.Floor(total / 100m), (await app.SaleAsync(result.SaleId)).PointsAccrued);
        await app.AttachAsync(cashier, register, customer);
        Assert.Equal("Серебряный", (await app.CartAsync(cashier, register)).Customer!.Level);
    }

    [Fact]
    public async Task Two_tills_spending_the_same_certificate_at_once_never_overdraw_it()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var seller = await app.PrincipalAsync("seller@alaroma.local");
        var till1 = await app.TillAsync(cashier, "Касса 1");
        var till2 = await app.TillAsync(seller, "Касса 2");
        var code = await CertificateAsync(1000m);
        var (id, price) = (await app.ProductsAsync(11, 1))[0];

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            var (user, till) = i % 2 == 0 ? (cashier, till1) : (seller, till2);
            try
            {
                return (object)await app.AsAsync(user, sp => sp.GetService(typeof(Checkout)) is Checkout c
                    ? c.HandleAsync(new CheckoutCommand(till, Guid.NewGuid(), new PaymentInput(PaymentMode.Card, price - 400m, null, [new CertificatePaymentInput(code, 400m)])),
                        [new CheckoutLine(id, 1)], default)
                    : throw new InvalidOperationException());
            }
            catch (BusinessRuleException e) { return e; }
        })));

        Assert.Equal(2, outcomes.OfType<CheckoutResult>().Count());
        Assert.All(outcomes.OfType<BusinessRuleException>(), e => Assert.Contains("На сертификате", e.Message));
        Assert.Equal((200m, 2), await CertificateStateAsync(code));
        await using var db = app.Db();
        Assert.Equal(2, await db.Sales.CountAsync(s => s.Payments.Any(p => p.CertificateCode == code)));
    }
}
