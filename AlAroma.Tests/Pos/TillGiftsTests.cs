using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Loyalty.Gifts;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Features.Promotions.Engine;
using AlAroma.Web.Features.Warehouse.WriteOffs;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Pos;

/// <summary>
/// The customer's open gifts at the till, on a real PostgreSQL: the panel lists them; «Выдать» hands a product over
/// as a write-off «Подарок» of the till's shop; «Применить» puts a one-time discount on the receipt that the sale
/// uses once, even from two tills at once; a gift of another customer or a changed customer never lowers a price.
/// </summary>
public sealed class TillGiftsTests(TillFixture app) : IClassFixture<TillFixture>
{
    private static int names;

    private async Task<CustomerGift> GiveAsync(long customerId, GiftKind kind)
    {
        var type = new GiftType { Name = $"Подарок на кассе {Interlocked.Increment(ref names)}", Kind = kind, ValidDays = 30, StaffMayGive = true };
        await using (var db = app.Db())
        {
            var s1 = await db.Locations.Where(l => l.Code == "S1").Select(l => l.Id).SingleAsync();
            type.ProductId = kind == GiftKind.Product
                ? await db.StockBalances.Where(b => b.LocationId == s1 && b.Quantity > 3).OrderBy(b => b.ProductId).Select(b => b.ProductId).FirstAsync()
                : null;
        }
        type.DiscountPercent = kind == GiftKind.Discount ? 10 : null;
        Assert.Empty(await app.AsAsync("manager@alaroma.local", sp => sp.GetRequiredService<SaveGiftType>().HandleAsync(type, default)));
        return await app.AsAsync("manager@alaroma.local", sp => sp.GetRequiredService<IssueGift>().HandleAsync(customerId, type.Id, GiftSource.Campaign, "test", default));
    }

    private static async Task<HttpResponseMessage> HtmxPostAsync(HttpClient client, string token, string url)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent([]) };
        req.Headers.Add("HX-Request", "true");
        req.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(req);
    }

    private Task<T> TillAsync<T>(System.Security.Claims.ClaimsPrincipal user, Func<TillGifts, Task<T>> act) =>
        app.AsAsync(user, sp => act(sp.GetRequiredService<TillGifts>()));

    [Fact]
    public async Task A_product_gift_is_handed_over_from_the_till_panel_as_a_write_off_of_the_shop_once()
    {
        var seller = await app.PrincipalAsync("seller@alaroma.local");
        var register = await app.TillAsync(seller, "Касса 2");
        var customer = await app.CustomerAsync();
        var gift = await GiveAsync(customer.Id, GiftKind.Product);
        await app.AttachAsync(seller, register, customer);
        int s1, before;
        await using (var db = app.Db())
        {
            s1 = await db.Locations.Where(l => l.Code == "S1").Select(l => l.Id).SingleAsync();
            before = await db.StockBalances.Where(b => b.LocationId == s1 && b.ProductId == gift.ProductId).Select(b => b.Quantity).SingleAsync();
        }

        // Through the screen as the till's browser posts it.
        var client = await TillFixture.ClientAsync(app.Till, "seller@alaroma.local");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/pos/{register}"));
        Assert.Contains("id=\"pos-customer-gifts\"", page);
        Assert.Contains(gift.Name, page);
        Assert.Contains($"/pos/{register}/gifts/{gift.Id}/hand-over", page);
        var token = await AppFixture.FormTokenAsync(client, $"/pos/{register}");
        var handed = await HtmxPostAsync(client, token, $"/pos/{register}/gifts/{gift.Id}/hand-over");
        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);
        var fragment = WebUtility.HtmlDecode(await handed.Content.ReadAsStringAsync());
        Assert.Contains("Выдан подарок:", fragment);
        Assert.Contains("Списание СП-", fragment);
        Assert.DoesNotContain($"/gifts/{gift.Id}/hand-over", fragment); // no longer open

        await using (var db = app.Db())
        {
            var stored = await db.CustomerGifts.SingleAsync(g => g.Id == gift.Id);
            Assert.Equal((s1, "Продавцова Полина"), (stored.RedeemedLocationId, stored.RedeemedBy));
            var writeOff = await db.WriteOffs.Include(w => w.Lines).SingleAsync(w => w.Id == stored.WriteOffId);
            Assert.Equal((WriteOffReason.Gift, s1, 1), (writeOff.Reason, writeOff.LocationId, writeOff.Lines.Single().Quantity));
            Assert.Equal(before - 1, await db.StockBalances.Where(b => b.LocationId == s1 && b.ProductId == gift.ProductId).Select(b => b.Quantity).SingleAsync());
        }
        var again = WebUtility.HtmlDecode(await (await HtmxPostAsync(client, token, $"/pos/{register}/gifts/{gift.Id}/hand-over")).Content.ReadAsStringAsync());
        Assert.Contains("уже выдан", again);
        var discount = await GiveAsync(customer.Id, GiftKind.Discount);
        var wrongButton = await Assert.ThrowsAsync<BusinessRuleException>(() => TillAsync(seller, g => g.HandOverAsync(register, discount.Id, default)));
        Assert.Contains("«Применить»", wrongButton.Message);
    }

    [Fact]
    public async Task A_discount_gift_lowers_the_receipt_once_and_is_marked_used_by_the_sale()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 1");
        var customer = await app.CustomerAsync();
        var gift = await GiveAsync(customer.Id, GiftKind.Discount);
        var product = (await app.ProductsAsync(3, 1))[0];
        await app.AddAsync(cashier, register, (product.Id, 2));
        await app.AttachAsync(cashier, register, customer);

        var listed = await app.CartAsync(cashier, register);
        Assert.Equal([gift.Id], listed.Customer!.Gifts!.Select(g => g.Id));
        Assert.Null(listed.Customer.AppliedGiftId);
        await TillAsync(cashier, async g => { await g.ApplyAsync(register, gift.Id, default); return 0; });
        var cart = await app.CartAsync(cashier, register);
        var expectedDiscount = Money.Round(product.Price * 2 * 0.10m);
        Assert.Equal(gift.Id, cart.Customer!.AppliedGiftId);
        Assert.Equal(product.Price * 2 - expectedDiscount, cart.Total);
        Assert.Contains(gift.ReceiptName, cart.Lines.Single().Promotions);

        var sold = await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, cart.Total, null));
        var sale = await app.SaleAsync(sold.SaleId);
        Assert.Equal((cart.Total, expectedDiscount), (sale.Total, sale.DiscountTotal));
        var line = sale.Lines.Single().Discounts.Single();
        Assert.Equal((DiscountKind.Gift, gift.ReceiptName, expectedDiscount), (line.Kind, line.Name, line.Amount));
        await using (var db = app.Db())
        {
            var used = await db.CustomerGifts.SingleAsync(g => g.Id == gift.Id);
            Assert.Equal((sale.Id, sale.LocationId, "Кассирова Ксения"), (used.SaleId, used.RedeemedLocationId, used.RedeemedBy));
            Assert.NotNull(used.RedeemedAtUtc);
            Assert.Null((await db.PosCarts.SingleAsync(c => c.RegisterId == register)).GiftId);
        }

        // The next receipt of the same customer: the gift is gone from the panel and cannot be applied again.
        await app.AddAsync(cashier, register, (product.Id, 1));
        await app.AttachAsync(cashier, register, customer);
        Assert.Empty((await app.CartAsync(cashier, register)).Customer!.Gifts!);
        var twice = await Assert.ThrowsAsync<BusinessRuleException>(() => TillAsync(cashier, async g => { await g.ApplyAsync(register, gift.Id, default); return 0; }));
        Assert.Contains("уже использован", twice.Message);
        Assert.Equal(product.Price, (await app.CartAsync(cashier, register)).Total);
    }

    [Fact]
    public async Task One_gift_on_two_tills_at_once_lowers_only_one_receipt_and_the_other_is_refused_whole()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var seller = await app.PrincipalAsync("seller@alaroma.local");
        var one = await app.TillAsync(cashier, "Касса 1");
        var two = await app.TillAsync(seller, "Касса 2");
        var customer = await app.CustomerAsync();
        var gift = await GiveAsync(customer.Id, GiftKind.Discount);
        var product = (await app.ProductsAsync(4, 1))[0];
        foreach (var (user, register) in new[] { (cashier, one), (seller, two) })
        {
            await app.AddAsync(user, register, (product.Id, 1));
            await app.AttachAsync(user, register, customer);
            await TillAsync(user, async g => { await g.ApplyAsync(register, gift.Id, default); return 0; });
        }
        var total = (await app.CartAsync(cashier, one)).Total;
        Assert.True(total < product.Price);

        var results = await Task.WhenAll(new[] { (cashier, one), (seller, two) }.Select(async x =>
        {
            try { return (object)await app.PayAsync(x.Item1, x.Item2, new PaymentInput(PaymentMode.Card, total, null)); }
            catch (BusinessRuleException e) { return e; }
        }));
        Assert.Single(results.OfType<CheckoutResult>());
        Assert.Contains("уже использован", Assert.Single(results.OfType<BusinessRuleException>()).Message);
        await using var db = app.Db();
        Assert.Equal(1, await db.Sales.CountAsync(s => s.CustomerId == customer.Id));
        Assert.Equal(1, await db.Set<SaleLineDiscount>().CountAsync(d => d.Kind == DiscountKind.Gift && d.Name == gift.ReceiptName));
    }

    [Fact]
    public async Task A_gift_of_another_customer_is_refused_and_changing_the_customer_takes_the_gift_off()
    {
        var seller = await app.PrincipalAsync("seller@alaroma.local");
        var register = await app.TillAsync(seller, "Касса 2");
        var (ann, bob) = (await app.CustomerAsync(), await app.CustomerAsync());
        var annsGift = await GiveAsync(ann.Id, GiftKind.Discount);
        var product = (await app.ProductsAsync(5, 1))[0];
        await app.AddAsync(seller, register, (product.Id, 1));

        var nobody = await Assert.ThrowsAsync<BusinessRuleException>(() => TillAsync(seller, async g => { await g.ApplyAsync(register, annsGift.Id, default); return 0; }));
        Assert.Contains("Сначала найдите клиента", nobody.Message);
        await app.AttachAsync(seller, register, bob);
        var foreign = await Assert.ThrowsAsync<BusinessRuleException>(() => TillAsync(seller, async g => { await g.ApplyAsync(register, annsGift.Id, default); return 0; }));
        Assert.Contains("не подарок клиента чека", foreign.Message);

        await app.AttachAsync(seller, register, ann);
        await TillAsync(seller, async g => { await g.ApplyAsync(register, annsGift.Id, default); return 0; });
        Assert.True((await app.CartAsync(seller, register)).Total < product.Price);
        await app.AttachAsync(seller, register, bob);
        var cart = await app.CartAsync(seller, register);
        Assert.Equal((product.Price, (long?)null), (cart.Total, cart.Customer!.AppliedGiftId));
        await using var db = app.Db();
        Assert.Null((await db.CustomerGifts.SingleAsync(g => g.Id == annsGift.Id)).RedeemedAtUtc);
    }
}
