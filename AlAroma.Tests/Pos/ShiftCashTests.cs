using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Pos;

/// <summary>Cash in/out of a shift and the manager's confirmation of a large discrepancy at closing.</summary>
public class ShiftCashTests(TillFixture app) : IClassFixture<TillFixture>
{
    private async Task<long> OpenShiftAsync(System.Security.Claims.ClaimsPrincipal user)
    {
        var register = await app.TillAsync(user, "Касса 2");
        await using var db = app.Db();
        return await db.Shifts.Where(s => s.RegisterId == register && s.ClosedAtUtc == null).Select(s => s.Id).SingleAsync();
    }

    private Task MoveAsync(System.Security.Claims.ClaimsPrincipal user, long shift, CashMovementKind kind, decimal amount, string? reason) =>
        app.AsAsync(user, sp => sp.GetRequiredService<MoveCash>().HandleAsync(shift, kind, amount, reason, default));

    private Task CloseAsync(System.Security.Claims.ClaimsPrincipal user, long shift, decimal counted, ManagerConfirmation? manager = null) =>
        app.AsAsync(user, sp => sp.GetRequiredService<CloseShift>().HandleAsync(shift, counted, default, manager));

    private Task<GetShiftReport.Model?> ReportAsync(System.Security.Claims.ClaimsPrincipal user, long shift) =>
        app.AsAsync(user, sp => sp.GetRequiredService<GetShiftReport>().HandleAsync(shift, default));

    [Fact]
    public async Task Cash_in_and_out_count_in_the_expected_cash_and_in_the_z_report()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var shift = await OpenShiftAsync(cashier);
        await MoveAsync(cashier, shift, CashMovementKind.In, 500m, "Размен");
        await MoveAsync(cashier, shift, CashMovementKind.Out, 200m, "Инкассация");
        Assert.Contains("причину", (await Assert.ThrowsAsync<BusinessRuleException>(() => MoveAsync(cashier, shift, CashMovementKind.Out, 10m, " "))).Message);
        Assert.Contains("изъять", (await Assert.ThrowsAsync<BusinessRuleException>(() => MoveAsync(cashier, shift, CashMovementKind.Out, 1300.01m, "Инкассация"))).Message);

        var x = (await ReportAsync(cashier, shift))!;
        Assert.Equal((500m, 200m, 1300m), (x.Figures.Cash.CashIn, x.Figures.Cash.CashOut, x.Figures.ExpectedCash));

        await CloseAsync(cashier, shift, 1300m);
        var z = (await ReportAsync(cashier, shift))!;
        Assert.Equal("Z-отчёт", z.Title);
        Assert.Equal((500m, 200m, 1300m, 0m), (z.Figures.Cash.CashIn, z.Figures.Cash.CashOut, z.Shift.ExpectedCash!.Value, z.Shift.Discrepancy!.Value));
        Assert.Null(z.Shift.DiscrepancyConfirmedBy);
        await Assert.ThrowsAsync<BusinessRuleException>(() => MoveAsync(cashier, shift, CashMovementKind.In, 1m, "Поздно"));
    }

    [Fact]
    public async Task A_discrepancy_above_the_limit_is_refused_without_a_manager_and_accepted_with_a_managers_credentials()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var shift = await OpenShiftAsync(cashier); // float 1 000 ₽, no sales: expected 1 000 ₽

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => CloseAsync(cashier, shift, 400m));
        Assert.Contains("больше допустимого", refused.Message);
        Assert.Contains("менеджера", refused.Message);
        var wrong = await Assert.ThrowsAsync<BusinessRuleException>(() => CloseAsync(cashier, shift, 400m, new("manager@alaroma.local", "wrong")));
        Assert.Contains("неверны", wrong.Message);
        var notManager = await Assert.ThrowsAsync<BusinessRuleException>(() => CloseAsync(cashier, shift, 400m, new("seller@alaroma.local", Seeder.DemoPassword)));
        Assert.Contains("только менеджер", notManager.Message);
        await using (var db = app.Db())
            Assert.Null((await db.Shifts.SingleAsync(s => s.Id == shift)).ClosedAtUtc);

        await CloseAsync(cashier, shift, 400m, new("manager@alaroma.local", Seeder.DemoPassword));

        var z = (await ReportAsync(cashier, shift))!;
        Assert.Equal(-600m, z.Shift.Discrepancy);
        Assert.False(string.IsNullOrEmpty(z.Shift.DiscrepancyConfirmedBy));
        Assert.False(z.Shift.IsOpen);

        // Within the limit no confirmation is needed.
        var next = await OpenShiftAsync(cashier);
        await CloseAsync(cashier, next, 1500m);
        await using var db2 = app.Db();
        Assert.Null((await db2.Shifts.SingleAsync(s => s.Id == next)).DiscrepancyConfirmedBy);
    }

    [Fact]
    public async Task The_shift_report_page_shows_cash_in_out_and_the_confirming_manager()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var shift = await OpenShiftAsync(cashier);
        var client = await app.ClientAsync("cashier@alaroma.local");
        var token = await AlAroma.Tests.Infrastructure.AppFixture.FormTokenAsync(client, $"/pos/shifts/{shift}");
        var moved = await client.PostAsync($"/pos/shifts/{shift}/cash", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["kind"] = "Out", ["amount"] = "300", ["reason"] = "Инкассация",
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, moved.StatusCode);
        var closed = await client.PostAsync($"/pos/shifts/{shift}/close", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["countedCash"] = "0", ["managerEmail"] = "manager@alaroma.local", ["managerPassword"] = Seeder.DemoPassword,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, closed.StatusCode);
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/pos/shifts/{shift}"));
        Assert.Contains("Изъято", page);
        Assert.Contains("300,00", page); // expected 700 ₽, counted 0: above the 500 ₽ limit
        Assert.Contains("Подтвердил менеджер", page);
        Assert.Contains("Возвратов", page);
    }
}
