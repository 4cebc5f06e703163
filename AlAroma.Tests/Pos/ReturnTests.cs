using AlAroma.Web.Features.Warehouse.Stocks;
using System.Net;
using System.Security.Claims;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.GiftCards;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Features.Promotions.Engine;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Pos;

/// <summary>Returns by receipt: stock, effective prices, money back by method, points, double and concurrent returns.</summary>
public class ReturnTests(TillFixture app) : IClassFixture<TillFixture>
{
    private Task<ClaimsPrincipal> CashierAsync() => app.PrincipalAsync("cashier@alaroma.local");

    private Task<ReturnSaleResult> ReturnAsync(ClaimsPrincipal user, int register, long saleId, params (long LineId, int Qty)[] lines) =>
        ReturnWithKeyAsync(user, register, saleId, Guid.NewGuid(), lines);

    private Task<ReturnSaleResult> ReturnWithKeyAsync(ClaimsPrincipal user, int register, long saleId, Guid key, params (long LineId, int Qty)[] lines) =>
        app.AsAsync(user, sp => sp.GetRequiredService<ReturnSale>().HandleAsync(
            new ReturnSaleCommand(register, key, saleId, lines.Select(l => new ReturnLineInput(l.LineId, l.Qty)).ToList()), default));

    private async Task<int> OnHandAsync(int productId)
    {
        await using var db = app.Db();
        var shop = await db.Locations.SingleAsync(l => l.Code == "S1");
        return await db.StockBalances.Where(b => b.LocationId == shop.Id && b.ProductId == productId).Select(b => b.Quantity).SingleAsync();
    }

    private async Task<SaleReturn> ReturnDocAsync(long id)
    {
        await using var db = app.Db();
        return await db.SaleReturns.Include(r => r.Lines).Include(r => r.Payments).SingleAsync(r => r.Id == id);
    }

    private async Task<ShiftFigures> FiguresAsync(ClaimsPrincipal user, int register)
    {
        await using var db = app.Db();
        var shift = await db.Shifts.SingleAsync(s => s.RegisterId == register && s.ClosedAtUtc == null);
        return await ShiftReport.ForShiftAsync(db, shift, default);
    }

    [Fact]
    public async Task A_partial_return_brings_the_stock_back_refunds_the_effective_price_in_cash_and_leaves_the_drawer()
    {
        var cashier = await CashierAsync();
        var register = await app.TillAsync(cashier, "Касса 1");
        var (id, price) = (await app.ProductsAsync(0, 1))[0];
        app.Promotions.Current = [new UnitDiscountPromotion(21, "Минус 10 %", ProductGroup.OfProducts(id), UnitDiscountType.Percent, 10m)];
        await app.AddAsync(cashier, register, (id, 3));
        var stockBefore = await OnHandAsync(id);
        var sold = await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Cash, null, null));
        app.Promotions.Current = [];
        var sale = await app.SaleAsync(sold.SaleId);
        var line = Assert.Single(sale.Lines);
        var before = await FiguresAsync(cashier, register);

        var r = await ReturnAsync(cashier, register, sale.Id, (line.Id, 1));

        var unit = line.UnitTotals.Max();
        Assert.Equal(Money.Round(price * 0.9m), unit);
        Assert.Equal((unit, unit), (r.Total, r.Cash));
        Assert.Matches(@"^S1-V\d{6}$", r.Number);
        Assert.Equal(stockBefore - 3 + 1, await OnHandAsync(id));
        var doc = await ReturnDocAsync(r.ReturnId);
        Assert.Equal((line.Id, 1, unit), (Assert.Single(doc.Lines).SaleLineId, doc.Lines[0].Quantity, doc.Lines[0].Amount));
        Assert.Equal(1, (await app.SaleAsync(sale.Id)).Lines[0].ReturnedQuantity);
        await using (var db = app.Db())
            Assert.Equal(1, await db.StockMovements.Where(m => m.DocumentId == r.ReturnId && m.Kind == MovementKind.SaleReturn).SumAsync(m => m.Quantity));
        var after = await FiguresAsync(cashier, register);
        decimal CashBack(ShiftFigures f) => f.Cash.ReturnsByMethod.Where(m => m.Method == PaymentMethod.Cash).Sum(m => m.Amount);
        Assert.Equal(before.ExpectedCash - unit, after.ExpectedCash);
        Assert.Equal(before.Cash.Returns + 1, after.Cash.Returns); // the shift of this class's till is shared by its tests
        Assert.Equal(CashBack(before) + unit, CashBack(after));
    }

    [Fact]
    public async Task Returning_the_paid_items_of_a_one_plus_one_equals_three_refunds_their_effective_prices_never_retail()
    {
        var cashier = await CashierAsync();
        var register = await app.TillAsync(cashier, "Касса 1");
        var p = await app.ProductsAsync(12, 3);
        app.Promotions.Current = [new ThreeForTwoPromotion(22, "1+1=3", ProductGroup.OfProducts(p.Select(x => x.Id).ToArray()))];
        await app.AddAsync(cashier, register, (p[0].Id, 1), (p[1].Id, 1), (p[2].Id, 1));
        var cart = await app.CartAsync(cashier, register);
        var sold = await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, cart.Total, null));
        app.Promotions.Current = [];
        var sale = await app.SaleAsync(sold.SaleId);
        var cheapest = p.MinBy(x => x.Price).Id;
        var paid = sale.Lines.Where(l => l.ProductId != cheapest).ToList();

        var r = await ReturnAsync(cashier, register, sale.Id, paid.Select(l => (l.Id, 1)).ToArray());

        var retail = paid.Sum(l => l.UnitPrice);
        var effective = paid.Sum(l => l.Total);
        Assert.Equal(effective, r.Total);
        Assert.True(r.Total < retail, "the paid items of 1+1=3 refund their effective prices, not retail");
        // What the customer keeps (the former free unit) is now paid for at its effective price: nothing is left for nothing.
        Assert.Equal(sale.Total - r.Total, sale.Lines.Single(l => l.ProductId == cheapest).Total);
        Assert.True(sale.Lines.Single(l => l.ProductId == cheapest).Total > 0);
        var doc = await ReturnDocAsync(r.ReturnId);
        Assert.Equal([(PaymentMethod.Card, effective)], doc.Payments.Select(x => (x.Method, x.Amount)));

        var rest = await ReturnAsync(cashier, register, sale.Id, (sale.Lines.Single(l => l.ProductId == cheapest).Id, 1));
        Assert.Equal(sale.Total, r.Total + rest.Total);
    }

    [Fact]
    public async Task Certificate_is_recredited_points_are_restored_and_the_accrual_reversed_even_below_zero()
    {
        var cashier = await CashierAsync();
        var register = await app.TillAsync(cashier, "Касса 1");
        var (id, price) = (await app.ProductsAsync(15, 1))[0];
        var customer = await app.CustomerAsync(points: 5000);
        string code;
        await using (var db = app.Db())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var shop = await db.Locations.SingleAsync(l => l.Code == "S1");
            code = (await CertificateLedger.ActivateAsync(db, 1000m, shop.Id, null, DateTime.UtcNow, "test", default)).Code;
            await tx.CommitAsync();
        }
        await app.AttachAsync(cashier, register, customer);
        await app.AddAsync(cashier, register, (id, 2));
        var total = price * 2;
        var points = Math.Min(5000, (int)decimal.Floor(total * 0.3m)) / 2 * 2; // even: half of it comes back whole
        var card = total - 1000m - points;
        var sold = await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, card, null, [new CertificatePaymentInput(code, 1000m)], points));
        var sale = await app.SaleAsync(sold.SaleId);
        Assert.True(sale.PointsAccrued > 0);
        var line = Assert.Single(sale.Lines);

        var first = await ReturnDocAsync((await ReturnAsync(cashier, register, sale.Id, (line.Id, 1))).ReturnId);

        decimal Of(SaleReturn r, PaymentMethod m) => r.Payments.Where(x => x.Method == m).Sum(x => x.Amount);
        Assert.Equal(price, first.Total);
        Assert.Equal(first.Total, first.Payments.Sum(x => x.Amount));
        Assert.Equal(500m, Of(first, PaymentMethod.GiftCertificate)); // proportional: half the receipt back → half of each method
        Assert.Equal(decimal.Floor(points / 2m), Of(first, PaymentMethod.Points));
        await using (var db = app.Db())
            Assert.Equal(500m, await db.Set<GiftCertificate>().Where(c => c.Code == code).Select(c => c.Balance).SingleAsync());
        var keptCard = card - Of(first, PaymentMethod.Card);
        var keepAccrual = (int)decimal.Floor(keptCard / 100m); // Standard level: 1 point per whole 100 ₽ of money kept
        Assert.Equal(sale.PointsAccrued - keepAccrual, first.PointsReversed);
        Assert.Equal(5000 - points + sale.PointsAccrued + first.PointsRestored - first.PointsReversed, (await app.ReloadAsync(customer)).PointsBalance);

        // The customer spends everything, then returns the other unit: the balance goes below zero.
        await using (var db = app.Db())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var balance = (await db.Customers.SingleAsync(c => c.Id == customer.Id)).PointsBalance;
            await PointsLedger.RedeemAsync(db, customer.Id, balance, null, DateTime.UtcNow, "test", default);
            await tx.CommitAsync();
        }
        var second = await ReturnDocAsync((await ReturnAsync(cashier, register, sale.Id, (line.Id, 1))).ReturnId);
        Assert.Equal(1000m, Of(first, PaymentMethod.GiftCertificate) + Of(second, PaymentMethod.GiftCertificate));
        Assert.Equal(points, first.PointsRestored + second.PointsRestored);
        Assert.Equal(card, Of(first, PaymentMethod.Card) + Of(second, PaymentMethod.Card));
        Assert.Equal(sale.PointsAccrued, first.PointsReversed + second.PointsReversed);
        Assert.Equal(second.PointsRestored - second.PointsReversed, (await app.ReloadAsync(customer)).PointsBalance);
        await using (var db = app.Db())
            Assert.Equal(1000m, await db.Set<GiftCertificate>().Where(c => c.Code == code).Select(c => c.Balance).SingleAsync());
    }

    [Fact]
    public async Task A_reversed_accrual_can_take_the_balance_below_zero()
    {
        var cashier = await CashierAsync();
        var register = await app.TillAsync(cashier, "Касса 1");
        var (id, _) = (await app.ProductsAsync(16, 1))[0];
        var customer = await app.CustomerAsync();
        await app.AttachAsync(cashier, register, customer);
        await app.AddAsync(cashier, register, (id, 1));
        var sale = await app.SaleAsync((await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Cash, null, null))).SaleId);
        Assert.True(sale.PointsAccrued > 0);
        await using (var db = app.Db())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await PointsLedger.RedeemAsync(db, customer.Id, sale.PointsAccrued, null, DateTime.UtcNow, "test", default);
            await tx.CommitAsync();
        }

        var r = await ReturnDocAsync((await ReturnAsync(cashier, register, sale.Id, (sale.Lines[0].Id, 1))).ReturnId);

        Assert.Equal(sale.PointsAccrued, r.PointsReversed);
        Assert.Equal(-sale.PointsAccrued, (await app.ReloadAsync(customer)).PointsBalance);
        await using var db2 = app.Db();
        Assert.Equal(-sale.PointsAccrued, await db2.Set<PointsEntry>().Where(e => e.SaleId == sale.Id && e.Kind == PointsEntryKind.Reversal).SumAsync(e => e.Points));
    }

    [Fact]
    public async Task A_line_cannot_be_returned_twice_and_a_retry_with_the_same_key_writes_nothing_more()
    {
        var cashier = await CashierAsync();
        var register = await app.TillAsync(cashier, "Касса 1");
        var (id, price) = (await app.ProductsAsync(17, 1))[0];
        await app.AddAsync(cashier, register, (id, 2));
        var sale = await app.SaleAsync((await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, price * 2, null))).SaleId);
        var line = sale.Lines[0];
        var key = Guid.NewGuid();

        var r = await ReturnWithKeyAsync(cashier, register, sale.Id, key, (line.Id, 2));
        var again = await ReturnWithKeyAsync(cashier, register, sale.Id, key, (line.Id, 2));
        Assert.Equal((r.ReturnId, true), (again.ReturnId, again.Repeated));

        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => ReturnAsync(cashier, register, sale.Id, (line.Id, 1)));
        Assert.Contains("уже возвращён полностью", e.Message);
        await using var db = app.Db();
        Assert.Equal(1, await db.SaleReturns.CountAsync(x => x.SaleId == sale.Id));
        Assert.Equal(2, await db.StockMovements.Where(m => m.Kind == MovementKind.SaleReturn && m.ProductId == id).SumAsync(m => m.Quantity));
    }

    [Fact]
    public async Task Five_concurrent_returns_of_one_line_never_return_more_than_was_sold()
    {
        var cashier = await CashierAsync();
        var register = await app.TillAsync(cashier, "Касса 1");
        var (id, _) = (await app.ProductsAsync(18, 1))[0];
        await app.AddAsync(cashier, register, (id, 5));
        var sale = await app.SaleAsync((await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Cash, null, null))).SaleId);
        var before = await OnHandAsync(id);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            try { await ReturnAsync(cashier, register, sale.Id, (sale.Lines[0].Id, 2)); return true; }
            catch (BusinessRuleException) { return false; }
        }));

        Assert.Equal(2, attempts.Count(ok => ok)); // 2 + 2 = 4 of 5; a third would make 6
        Assert.Equal(4, (await app.SaleAsync(sale.Id)).Lines[0].ReturnedQuantity);
        Assert.Equal(before + 4, await OnHandAsync(id));
        await using var db = app.Db();
        Assert.Equal(sale.Lines[0].UnitTotals.Take(4).Sum(), await db.SaleReturns.Where(r => r.SaleId == sale.Id).SumAsync(r => r.Total));
    }

    [Fact]
    public async Task A_gift_certificate_sold_cannot_be_returned_for_money_and_nothing_is_written()
    {
        var cashier = await CashierAsync();
        var register = await app.TillAsync(cashier, "Касса 1");
        await app.AsAsync(cashier, sp => sp.GetRequiredService<EditCart>().ChangeCertificateAsync(register, 1000m, 1, default));
        var sale = await app.SaleAsync((await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Cash, null, null))).SaleId);

        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => ReturnAsync(cashier, register, sale.Id, (sale.Lines[0].Id, 1)));
        Assert.Contains("не обменивается на деньги", e.Message);
        await using var db = app.Db();
        Assert.False(await db.SaleReturns.AnyAsync(r => r.SaleId == sale.Id));
    }

    [Fact]
    public async Task The_return_screen_finds_the_receipt_by_number_and_returns_through_the_form()
    {
        var cashier = await CashierAsync();
        var register = await app.TillAsync(cashier, "Касса 1");
        var (id, _) = (await app.ProductsAsync(19, 1))[0];
        await app.AddAsync(cashier, register, (id, 1));
        var sale = await app.SaleAsync((await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Cash, null, null))).SaleId);
        var client = await app.ClientAsync("cashier@alaroma.local");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/pos/{register}/return?number={sale.Number}"));
        Assert.Contains("Оформить возврат", page);
        Assert.Contains($"name=\"qty[{sale.Lines[0].Id}]\"", page);
        var missing = WebUtility.HtmlDecode(await client.GetStringAsync($"/pos/{register}/return?number=S1-999999"));
        Assert.Contains("не найден", missing);

        var token = await AppFixture.FormTokenAsync(client, $"/pos/{register}/return?number={sale.Number}");
        var posted = await client.PostAsync($"/pos/{register}/return", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["saleId"] = sale.Id.ToString(), ["key"] = Guid.NewGuid().ToString(), [$"qty[{sale.Lines[0].Id}]"] = "1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var receipt = WebUtility.HtmlDecode(await client.GetStringAsync($"/pos/sales/{sale.Id}"));
        Assert.Contains("Возвраты по чеку", receipt);
        Assert.Contains("S1-V", receipt);
        // The list of receipts marks it as returned in full.
        var list = WebUtility.HtmlDecode(await client.GetStringAsync($"/pos/sales?q={sale.Number}"));
        Assert.Matches($@"{sale.Number}</a>.*?title=""Возвраты по чеку"">весь чек<", list.ReplaceLineEndings(" "));
    }
}
