using System.Net;
using AlAroma.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Tests.Pos;

/// <summary>Each role sees on the till only what it may do (issue 10 item 3): no discount control for a cashier.</summary>
public class TillRoleControlsTests(TillFixture app) : IClassFixture<TillFixture>
{
    private async Task<string> TillWithAGoodAsync(string email, string registerName)
    {
        var user = await app.PrincipalAsync(email);
        var register = await app.TillAsync(user, registerName);
        await app.AddAsync(user, register, ((await app.ProductsAsync(12, 1))[0].Id, 1));
        var client = await app.ClientAsync(email);
        return WebUtility.HtmlDecode(await client.GetStringAsync($"/pos/{register}"));
    }

    [Fact]
    public async Task A_cashier_sees_pay_return_and_park_but_no_discount_control()
    {
        var till = await TillWithAGoodAsync("cashier@alaroma.local", "Касса 1");
        Assert.Contains("Наличные <kbd>F2</kbd>", till);
        Assert.Contains("Возврат <kbd>F8</kbd>", till);
        Assert.Contains("Отложить чек <kbd>F9</kbd>", till);
        Assert.DoesNotContain("<kbd>F6</kbd>", till); // not bare "F6": an antiforgery token may hold those letters
        Assert.DoesNotContain("pos-discount", till);
    }

    [Fact]
    public async Task A_seller_gets_the_discount_dialog_with_their_limit()
    {
        var till = await TillWithAGoodAsync("seller@alaroma.local", "Касса 2");
        Assert.Contains("Скидка <kbd>F6</kbd>", till);
        Assert.Contains("id=\"pos-discount-dialog\"", till);
        Assert.Contains("Не более 15 % суммы после акций", till);
    }
}
