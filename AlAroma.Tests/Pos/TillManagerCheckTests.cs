using System.Security.Claims;
using AlAroma.Tests.Account;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Pos;

/// <summary>
/// The manager's e-mail and password typed at a till (closing a shift with a large discrepancy) is no password
/// oracle: it is the login page's check (failures lock the account, a locked account is refused), every refusal
/// reads the same, and the attempts are limited per register.
/// </summary>
public class TillManagerCheckTests(TillFixture app) : IClassFixture<TillFixture>
{
    private static int managerCounter;

    /// <summary>An open shift of the cashier at <paramref name="registerName"/> expecting 1 000 ₽ (its float): closing with 400 ₽ needs a manager.</summary>
    private async Task<(ClaimsPrincipal Cashier, long Shift)> ShiftAsync(string registerName = "Касса 2")
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, registerName);
        await using var db = app.Db();
        return (cashier, await db.Shifts.Where(s => s.RegisterId == register && s.ClosedAtUtc == null).Select(s => s.Id).SingleAsync());
    }

    private static async Task CloseAsync(IServiceProvider services, ClaimsPrincipal cashier, long shift, string email, string password)
    {
        using var scope = services.CreateScope().As(cashier);
        await scope.ServiceProvider.GetRequiredService<CloseShift>().HandleAsync(shift, 400m, default, new ManagerConfirmation(email, password));
    }

    private async Task<string> RefusalAsync(long shift, ClaimsPrincipal cashier, string email, string password, IServiceProvider? services = null) =>
        (await Assert.ThrowsAsync<BusinessRuleException>(() => CloseAsync(services ?? app.Till.Services, cashier, shift, email, password))).Message;

    /// <summary>A manager of its own (the lockout of one test must not hit another's).</summary>
    private async Task<string> NewManagerAsync()
    {
        var email = $"manager-till{Interlocked.Increment(ref managerCounter)}@alaroma.local";
        using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<Seeder>().CreateUserAsync(email, "Проверяющая Полина", Seeder.DemoPassword, Roles.Manager, []);
        return email;
    }

    [Fact]
    public async Task Wrong_password_unknown_e_mail_locked_manager_and_a_non_manager_get_one_and_the_same_answer()
    {
        var (cashier, shift) = await ShiftAsync();
        var manager = await NewManagerAsync();
        var wrong = await RefusalAsync(shift, cashier, manager, "wrong-password");
        var unknown = await RefusalAsync(shift, cashier, "nobody@alaroma.local", Seeder.DemoPassword);
        var notManager = await RefusalAsync(shift, cashier, "seller@alaroma.local", Seeder.DemoPassword); // right password, wrong role
        using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(manager))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }
        var locked = await RefusalAsync(shift, cashier, manager, Seeder.DemoPassword); // right password, locked account

        Assert.Equal([wrong], new[] { wrong, unknown, notManager, locked }.Distinct());
        Assert.Contains(ManagerApproval.Refused, wrong);
        await using var db = app.Db();
        Assert.Null((await db.Shifts.SingleAsync(s => s.Id == shift)).ClosedAtUtc);
    }

    [Fact]
    public async Task Wrong_manager_passwords_at_the_till_lock_the_account_like_wrong_logins_do()
    {
        var (cashier, shift) = await ShiftAsync("Касса 1");
        var manager = await NewManagerAsync();
        for (var i = 0; i < 5; i++) await RefusalAsync(shift, cashier, manager, $"guess-{i}-password");

        await using (var db = app.Db())
        {
            var user = await db.Users.SingleAsync(u => u.Email == manager);
            Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow, $"not locked after 5 wrong passwords at the till (failed count {user.AccessFailedCount})");
        }
        // Locked means locked: the right password no longer confirms at the till, nor signs in.
        await RefusalAsync(shift, cashier, manager, Seeder.DemoPassword);
        var login = await (await LoginForm.OpenAsync(app.Factory)).PostAsync(manager, Seeder.DemoPassword);
        Assert.Equal(System.Net.HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(AccountController.Refused, await LoginForm.ErrorAsync(login));
    }

    [Fact]
    public async Task The_checks_typed_at_one_register_are_limited_and_another_register_is_not_affected()
    {
        await using var limited = app.Till.WithWebHostBuilder(b => b.UseSetting("Security:SignIn:ManagerChecksPerRegister", "3"));
        var (cashier, shift) = await ShiftAsync("Касса 2");
        for (var i = 0; i < 3; i++) await RefusalAsync(shift, cashier, $"guess{i}@alaroma.local", "wrong-password", limited.Services);

        // The 4th attempt at this register is refused before any password is checked, even the right one.
        var throttled = await RefusalAsync(shift, cashier, "manager@alaroma.local", Seeder.DemoPassword, limited.Services);
        Assert.Contains("Слишком много попыток подтверждения", throttled);
        Assert.Contains("Подождите", throttled);

        var (_, other) = await ShiftAsync("Касса 1");
        await CloseAsync(limited.Services, cashier, other, "manager@alaroma.local", Seeder.DemoPassword);
        await using var db = app.Db();
        Assert.False(string.IsNullOrEmpty((await db.Shifts.SingleAsync(s => s.Id == other)).DiscrepancyConfirmedBy));
    }
}
