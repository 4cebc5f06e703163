using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Pos;

/// <summary>
/// A person's name never stands inside a sentence that would need its case or gender ("открыта кассиром … может
/// только он"): it follows a colon, and the rest speaks of "тот, кто её открыл".
/// </summary>
public sealed class ShiftOwnerMessageTests(TillFixture app) : IClassFixture<TillFixture>
{
    private static void NamesWithoutDeclension(string message, string start)
    {
        Assert.StartsWith(start, message);
        Assert.DoesNotContain("кассиром", message);
        Assert.DoesNotContain("кассир Кассирова", message);
        Assert.DoesNotContain(" он ", message);
    }

    [Fact]
    public async Task Another_persons_shift_is_named_after_a_colon_on_the_till_and_in_every_refusal()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var seller = await app.PrincipalAsync("seller@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 2");
        var (productId, _) = (await app.ProductsAsync(0, 1))[0];
        long shiftId;
        await using (var db = app.Db()) shiftId = await db.Shifts.Where(s => s.RegisterId == register && s.ClosedAtUtc == null).Select(s => s.Id).SingleAsync();

        var sell = await Assert.ThrowsAsync<BusinessRuleException>(() => app.AddAsync(seller, register, (productId, 1)));
        NamesWithoutDeclension(sell.Message, "Смена на этой кассе открыта: Кассирова Ксения.");
        var cash = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.AsAsync(seller, sp => sp.GetRequiredService<MoveCash>().HandleAsync(shiftId, CashMovementKind.In, 100m, "размен", default)));
        NamesWithoutDeclension(cash.Message, "Смена открыта: Кассирова Ксения.");
        var close = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.AsAsync(seller, sp => sp.GetRequiredService<CloseShift>().HandleAsync(shiftId, 1000m, default)));
        NamesWithoutDeclension(close.Message, "Смена открыта: Кассирова Ксения.");
        var twice = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.AsAsync(seller, sp => sp.GetRequiredService<OpenShift>().HandleAsync(register, 100m, default)));
        Assert.Contains("уже открыта смена: Кассирова Ксения.", twice.Message);

        var page = WebUtility.HtmlDecode(await (await app.ClientAsync("seller@alaroma.local")).GetStringAsync($"/pos/{register}"));
        Assert.Contains("Смена на этой кассе открыта: Кассирова Ксения. Продавать в ней может только тот, кто её открыл, или менеджер.", page);
        Assert.DoesNotContain("кассиром", page);
    }
}
