using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Features.Pos.Parking;
using AlAroma.Web.Features.Promotions.Engine;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Pos;

/// <summary>"Отложить чек" (F9): park the receipt, serve the next customer, recall it; kept until the shift closes.</summary>
public class ParkedCartTests(TillFixture app) : IClassFixture<TillFixture>
{
    private Task ParkAsync(System.Security.Claims.ClaimsPrincipal user, int register) =>
        app.AsAsync(user, sp => sp.GetRequiredService<ParkCart>().HandleAsync(register, default));

    private Task RecallAsync(System.Security.Claims.ClaimsPrincipal user, int register, long id) =>
        app.AsAsync(user, sp => sp.GetRequiredService<RecallCart>().HandleAsync(register, id, default));

    private Task<ListParkedCarts.Model> ParkedAsync(System.Security.Claims.ClaimsPrincipal user, int register) =>
        app.AsAsync(user, sp => sp.GetRequiredService<ListParkedCarts>().HandleAsync(register, "Europe/Moscow", default));

    [Fact]
    public async Task A_parked_receipt_comes_back_with_its_goods_customer_and_discount_after_the_next_customer_paid()
    {
        var seller = await app.PrincipalAsync("seller@alaroma.local");
        var register = await app.TillAsync(seller, "Касса 1");
        var p = await app.ProductsAsync(20, 3);
        var customer = await app.CustomerAsync();
        await app.AddAsync(seller, register, (p[0].Id, 2), (p[1].Id, 1));
        await app.AttachAsync(seller, register, customer);
        await app.AsAsync(seller, sp => sp.GetRequiredService<GiveManualDiscount>().HandleAsync(register, ManualDiscountKind.Percent, 5m, default));
        var before = await app.CartAsync(seller, register);

        await ParkAsync(seller, register);
        Assert.Empty((await app.CartAsync(seller, register)).Lines);
        var parked = Assert.Single((await ParkedAsync(seller, register)).Rows);
        Assert.Equal((3, before.Total), (parked.Units, parked.Total));
        Assert.Contains(customer.Name, parked.Summary);

        // The next customer buys something else and pays.
        await app.AddAsync(seller, register, (p[2].Id, 1));
        var next = await app.PayAsync(seller, register, new PaymentInput(PaymentMode.Card, p[2].Price, null));
        Assert.Equal(p[2].Id, Assert.Single((await app.SaleAsync(next.SaleId)).Lines).ProductId);

        await RecallAsync(seller, register, parked.Id);
        var after = await app.CartAsync(seller, register);
        Assert.Equal(before.Lines.Select(l => (l.ProductId, l.Quantity)), after.Lines.Select(l => (l.ProductId, l.Quantity)));
        Assert.Equal(customer.Id, after.Customer?.Id);
        Assert.Equal(before.Total, after.Total);
        Assert.StartsWith("5 %", after.Manual);
        Assert.Empty((await ParkedAsync(seller, register)).Rows);

        var again = await Assert.ThrowsAsync<BusinessRuleException>(() => RecallAsync(seller, register, parked.Id));
        Assert.Contains("уже вернули", again.Message);
        var paid = await app.PayAsync(seller, register, new PaymentInput(PaymentMode.Card, after.Total, null));
        Assert.Equal(after.Total, (await app.SaleAsync(paid.SaleId)).Total);
    }

    [Fact]
    public async Task An_empty_receipt_is_not_parked_and_a_parked_one_is_not_recalled_over_another_open_receipt()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 2");
        var p = await app.ProductsAsync(24, 2);
        var empty = await Assert.ThrowsAsync<BusinessRuleException>(() => ParkAsync(cashier, register));
        Assert.Contains("Чек пуст", empty.Message);

        await app.AddAsync(cashier, register, (p[0].Id, 1));
        await ParkAsync(cashier, register);
        await app.AddAsync(cashier, register, (p[1].Id, 1));
        var id = Assert.Single((await ParkedAsync(cashier, register)).Rows).Id;

        var busy = await Assert.ThrowsAsync<BusinessRuleException>(() => RecallAsync(cashier, register, id));
        Assert.Contains("другой чек", busy.Message);
        Assert.Equal(p[1].Id, Assert.Single((await app.CartAsync(cashier, register)).Lines).ProductId);
        Assert.Single((await ParkedAsync(cashier, register)).Rows);
    }

    [Fact]
    public async Task Closing_the_shift_deletes_its_parked_receipts_and_the_close_form_warns_before()
    {
        var manager = await app.PrincipalAsync("manager@alaroma.local");
        var register = await app.TillAsync(manager, "Касса 2");
        var p = await app.ProductsAsync(26, 1);
        await app.AddAsync(manager, register, (p[0].Id, 1));
        await ParkAsync(manager, register);
        long shiftId;
        await using (var db = app.Db())
            shiftId = await db.Shifts.Where(s => s.RegisterId == register && s.ClosedAtUtc == null).Select(s => s.Id).SingleAsync();

        var client = await app.ClientAsync("manager@alaroma.local");
        var form = WebUtility.HtmlDecode(await client.GetStringAsync($"/pos/shifts/{shiftId}"));
        Assert.Matches(@"Отложенных чеков на кассе: \d+\. При закрытии смены они будут удалены", form);
        Assert.Contains("Хранятся до закрытия смены", WebUtility.HtmlDecode(await client.GetStringAsync($"/pos/{register}")));

        await app.AsAsync(manager, sp => sp.GetRequiredService<CloseShift>().HandleAsync(shiftId, 1000m, default));
        await using (var db = app.Db())
            Assert.False(await db.ParkedCarts.AnyAsync(x => x.RegisterId == register));
    }
}
