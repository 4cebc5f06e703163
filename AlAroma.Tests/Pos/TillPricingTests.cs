using AlAroma.Web.Infrastructure.Time;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.GiftCards;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Features.Promotions.Engine;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Pos;

/// <summary>The till priced by the pricing engine: promotions, birthday, manual discount, certificate sales.</summary>
public class TillPricingTests(TillFixture app) : IClassFixture<TillFixture>
{
    [Fact]
    public async Task A_one_plus_one_equals_three_cart_gives_the_cheapest_free_and_stores_the_effective_prices()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 1");
        var p = await app.ProductsAsync(3, 3);
        app.Promotions.Current = [new ThreeForTwoPromotion(11, "1+1=3 на ароматы", ProductGroup.OfProducts(p.Select(x => x.Id).ToArray()))];
        await app.AddAsync(cashier, register, (p[0].Id, 1), (p[1].Id, 1), (p[2].Id, 1));
        var cheapest = p.MinBy(x => x.Price);
        var subtotal = p.Sum(x => x.Price);

        var cart = await app.CartAsync(cashier, register);
        Assert.Equal(cheapest.Price, cart.Discount);
        Assert.Equal(subtotal - cheapest.Price, cart.Total);
        Assert.Contains(cart.Lines, l => l.ProductId == cheapest.Id && l.Promotions!.Contains("1+1=3 на ароматы (1 шт. бесплатно)"));
        Assert.Equal("1+1=3 на ароматы", Assert.Single(cart.Explanation!).Name);

        var result = await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, cart.Total, null));
        var sale = await app.SaleAsync(result.SaleId);
        Assert.Equal(subtotal, sale.Subtotal);
        Assert.Equal(cheapest.Price, sale.DiscountTotal);
        Assert.Equal(subtotal - cheapest.Price, sale.Total);
        Assert.Equal(sale.Total, sale.Lines.Sum(l => l.Total));
        Assert.Equal(1, sale.Lines.Single(l => l.ProductId == cheapest.Id).Discounts.Single().FreeUnits);
        Assert.All(sale.Lines, l =>
        {
            Assert.Equal(l.UnitPrice - l.Discount, l.Total);
            Assert.Equal(l.Total, Assert.Single(l.UnitTotals));
            Assert.InRange(l.UnitTotals[0], 0m, l.UnitPrice);
            var d = Assert.Single(l.Discounts);
            Assert.Equal((11, DiscountKind.ThreeForTwo, l.Discount), (d.PromotionId!.Value, d.Kind, d.Amount));
        });
        Assert.Equal(cheapest.Price, sale.Lines.SelectMany(l => l.Discounts).Sum(d => d.Amount));
    }

    [Fact]
    public async Task The_birthday_discount_is_given_once_a_year()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 1");
        var today = DateOnly.FromDateTime(LocalTime.ToLocal(DateTime.UtcNow, "Europe/Moscow"));
        var customer = await app.CustomerAsync(birthday: today.AddYears(-30), birthdaySetAtUtc: DateTime.UtcNow.AddDays(-60));
        app.Promotions.Current = [new BirthdayPromotion(12, "С днём рождения!") { Percent = 10m }];
        var (id, price) = (await app.ProductsAsync(6, 1))[0];

        async Task<Sale> BuyAsync()
        {
            await app.AttachAsync(cashier, register, customer);
            await app.AddAsync(cashier, register, (id, 1));
            var cart = await app.CartAsync(cashier, register);
            return await app.SaleAsync((await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, cart.Total, null))).SaleId);
        }

        var first = await BuyAsync();
        var birthday = Assert.Single(Assert.Single(first.Lines).Discounts);
        Assert.Equal((DiscountKind.Birthday, Money.Round(price * 0.10m)), (birthday.Kind, birthday.Amount));
        Assert.Equal(customer.Id, first.CustomerId);

        var second = await BuyAsync();
        Assert.Equal(0m, second.DiscountTotal);
        Assert.Empty(Assert.Single(second.Lines).Discounts);
    }

    [Fact]
    public async Task Manual_discount_seller_up_to_the_limit_cashier_none_manager_any_and_the_sale_is_audited()
    {
        app.Promotions.Current = [];
        var seller = await app.PrincipalAsync("seller@alaroma.local");
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var manager = await app.PrincipalAsync("manager@alaroma.local");
        var sellerTill = await app.TillAsync(seller, "Касса 2");
        var cashierTill = await app.TillAsync(cashier, "Касса 1");
        var (id, price) = (await app.ProductsAsync(9, 1))[0];
        await app.AddAsync(seller, sellerTill, (id, 1));
        await app.AddAsync(cashier, cashierTill, (id, 1));
        Task Give(System.Security.Claims.ClaimsPrincipal who, int till, ManualDiscountKind kind, decimal value) =>
            app.AsAsync(who, sp => sp.GetRequiredService<GiveManualDiscount>().HandleAsync(till, kind, value, default));

        await Give(seller, sellerTill, ManualDiscountKind.Percent, 15m);
        Assert.Equal(Money.Round(price * 0.15m), (await app.CartAsync(seller, sellerTill)).Discount);
        var over = await Assert.ThrowsAsync<ManualDiscountRefusedException>(() => Give(seller, sellerTill, ManualDiscountKind.Percent, 16m));
        Assert.Contains("15 %", over.Message);
        await Assert.ThrowsAsync<ManualDiscountRefusedException>(() => Give(seller, sellerTill, ManualDiscountKind.Amount, Money.Round(price * 0.16m)));
        await Assert.ThrowsAsync<ManualDiscountRefusedException>(() => Give(cashier, cashierTill, ManualDiscountKind.Percent, 1m));
        Assert.Equal(0m, (await app.CartAsync(cashier, cashierTill)).Discount);

        await Give(manager, sellerTill, ManualDiscountKind.Percent, 50m);
        var cart = await app.CartAsync(manager, sellerTill);
        Assert.Equal(Money.Round(price * 0.5m), cart.Discount);
        var result = await app.PayAsync(manager, sellerTill, new PaymentInput(PaymentMode.Card, cart.Total, null));

        var sale = await app.SaleAsync(result.SaleId);
        Assert.Equal(Money.Round(price * 0.5m), sale.DiscountTotal);
        Assert.Equal(DiscountKind.Manual, Assert.Single(Assert.Single(sale.Lines).Discounts).Kind);
        Assert.NotNull(sale.ManualDiscountBy);
        await using var db = app.Db();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "System" && a.Entity == "Sale" && a.Key == sale.Id.ToString());
        Assert.Contains(sale.ManualDiscountBy!, audit.NewValues);
        Assert.Contains("Manager", audit.NewValues);
    }

    [Fact]
    public async Task A_certificate_sold_at_the_till_gets_no_discount_earns_no_points_and_is_activated_with_its_code_on_the_receipt()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 1");
        app.Promotions.Current = [new UnitDiscountPromotion(13, "Минус 10 % на всё", ProductGroup.All, UnitDiscountType.Percent, 10m)];
        var customer = await app.CustomerAsync();
        var (id, price) = (await app.ProductsAsync(7, 1))[0];
        await app.AttachAsync(cashier, register, customer);
        await app.AddAsync(cashier, register, (id, 1));
        await app.AsAsync(cashier, sp => sp.GetRequiredService<EditCart>().ChangeCertificateAsync(register, 3000m, 1, default));
        await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.AsAsync(cashier, sp => sp.GetRequiredService<EditCart>().ChangeCertificateAsync(register, 1234m, 1, default)));

        var cart = await app.CartAsync(cashier, register);
        var goods = price - Money.Round(price * 0.10m);
        Assert.Equal(goods + 3000m, cart.Total);
        var certLine = Assert.Single(cart.Lines, l => l.CertificateNominal == 3000m);
        Assert.Equal((0m, 3000m, null), (certLine.Discount, certLine.Sum, certLine.Promotions));

        var result = await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Cash, null, cart.Total + 10m));
        Assert.Equal(10m, result.Change);
        var sale = await app.SaleAsync(result.SaleId);
        var line = Assert.Single(sale.Lines, l => l.IsGiftCertificate);
        Assert.Equal((0m, 3000m), (line.Discount, line.Total));
        Assert.Empty(line.Discounts);
        Assert.True(CertificateCode.IsValid(line.CertificateCode));
        Assert.Equal((int)decimal.Floor(goods / 100m), sale.PointsAccrued);
        await using var db = app.Db();
        var cert = await db.Set<GiftCertificate>().SingleAsync(c => c.Code == line.CertificateCode);
        Assert.Equal((3000m, 3000m, sale.Id), (cert.Nominal, cert.Balance, cert.SaleId!.Value));
        Assert.Equal(1, await db.StockMovements.CountAsync(m => m.DocumentId == sale.Id && m.Kind == AlAroma.Web.Features.Warehouse.Stocks.MovementKind.Sale));

        using var client = await app.ClientAsync("cashier@alaroma.local");
        var html = await client.GetStringAsync($"/pos/sales/{sale.Id}");
        Assert.Contains(CertificateCode.Format(cert.Code), html);
        Assert.Contains("Минус 10 % на всё", html);
    }
}
