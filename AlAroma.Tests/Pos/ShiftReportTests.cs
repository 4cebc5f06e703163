using AlAroma.Tests.Infrastructure;
using System.Net;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Pos;

/// <summary>The X/Z-report of a real shift: revenue net of returns, the certificate advance, tenders by method.</summary>
public class ShiftReportTests(TillFixture app) : IClassFixture<TillFixture>
{
    [Fact]
    public async Task A_shift_with_a_sale_a_certificate_sold_and_spent_points_and_a_return_reports_revenue_the_advance_and_tenders_that_add_up()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 1"); // float 1 000 ₽
        var products = await app.ProductsAsync(0, 60);
        var (a, priceA) = products.First(p => p.Price < 4000m);
        var (b, priceB) = products.First(p => p.Price >= 4000m);
        var customer = await app.CustomerAsync(points: 5000);

        // 1. Goods, cash.
        await app.AddAsync(cashier, register, (a, 2));
        var goods = await app.SaleAsync((await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Cash, null, null))).SaleId);
        // 2. A 3 000 ₽ certificate, cash.
        await app.AsAsync(cashier, sp => sp.GetRequiredService<EditCart>().ChangeCertificateAsync(register, 3000m, 1, default));
        var certificate = (await app.SaleAsync((await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Cash, null, null))).SaleId)).Lines.Single().CertificateCode!;
        // 3. Goods paid with that certificate, points and a card.
        await app.AttachAsync(cashier, register, customer);
        await app.AddAsync(cashier, register, (b, 1));
        var points = Math.Min(500, (int)decimal.Floor(priceB * 0.3m));
        var card = priceB - 3000m - points;
        await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, card, null, [new CertificatePaymentInput(certificate, 3000m)], points));
        // 4. One unit of the first sale comes back, in cash.
        await app.AsAsync(cashier, sp => sp.GetRequiredService<ReturnSale>().HandleAsync(
            new ReturnSaleCommand(register, Guid.NewGuid(), goods.Id, [new ReturnLineInput(goods.Lines.Single().Id, 1)]), default));

        long shiftId;
        await using (var db = app.Db())
            shiftId = await db.Shifts.Where(s => s.RegisterId == register && s.ClosedAtUtc == null).Select(s => s.Id).SingleAsync();
        var x = (await app.AsAsync(cashier, sp => sp.GetRequiredService<GetShiftReport>().HandleAsync(shiftId, default)))!;
        var f = x.Figures;

        Assert.Equal(3, f.Receipts);
        Assert.Equal(2 * priceA + priceB, f.GoodsSold);
        Assert.Equal(priceA, f.GoodsReturned);
        Assert.Equal(priceA + priceB, f.Revenue); // the certificate sold is not revenue, the return is deducted
        Assert.Equal((1, 3000m), (f.CertificatesSoldCount, f.CertificatesSold));
        Assert.Equal([(PaymentMethod.Cash, 2 * priceA + 3000m), (PaymentMethod.Card, card), (PaymentMethod.GiftCertificate, 3000m), (PaymentMethod.Points, (decimal)points)],
            f.ByMethod.Select(m => (m.Method, m.Amount)));
        Assert.Equal([(PaymentMethod.Cash, priceA)], f.Cash.ReturnsByMethod.Select(m => (m.Method, m.Amount)));
        Assert.Equal(f.Revenue + f.CertificatesSold, f.NetTendered);
        Assert.Equal(Money.Round((2 * priceA + priceB) / 2), f.AverageReceipt); // two receipts with goods
        Assert.Equal(1000m + 2 * priceA + 3000m - priceA, x.ExpectedCash);
        Assert.Equal((3000m, points), (f.Loyalty.CertificatesRedeemed, f.Loyalty.PointsRedeemed));
        var listed = await app.AsAsync(cashier, sp => sp.GetRequiredService<ListShifts>().HandleAsync(null, 1, default));
        Assert.Equal(f.Revenue, listed.Rows.Single(r => r.Id == shiftId).Revenue); // the shifts list agrees with the report

        // The printed report shows the same lines.
        var client = await app.ClientAsync("cashier@alaroma.local");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/pos/shifts/{shiftId}"));
        Assert.Contains($"id=\"r-revenue\">{Money.Format(priceA + priceB)}<", html);
        Assert.Contains($"id=\"r-goods-returned\">{Money.Format(priceA)}<", html);
        Assert.Contains("Продано сертификатов (аванс)", html);
        Assert.Contains($"id=\"r-cert-sold\">1 шт. · {Money.Format(3000m)}<", html);
        Assert.Contains($"id=\"r-net-tendered\">{Money.Format(priceA + priceB + 3000m)}<", html);
        Assert.Contains($"id=\"r-expected\">{Money.Format(1000m + priceA + 3000m)}<", html);
    }
}
