using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Account.Passwords;
using AlAroma.Web.Features.Admin.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Account;

/// <summary>
/// Passwords follow NIST SP 800-63B: at least 10 characters, any characters, no composition rules, and the common
/// passwords of the shipped list refused; the admin sees why in Russian.
/// </summary>
public sealed class PasswordPolicyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static int userCounter;

    /// <summary>The admin creates a cashier at S1 with <paramref name="password"/>; the errors by field, empty when saved.</summary>
    private Task<Dictionary<string, string>> CreateCashierAsync(string password, string? email = null) => app.AsAsync("admin@alaroma.local", async sp =>
    {
        await using var db = app.Db();
        var s1 = await db.Locations.Where(l => l.Code == "S1").Select(l => l.Id).SingleAsync();
        var form = new UserForm
        {
            Email = email ?? $"policy{Interlocked.Increment(ref userCounter)}@alaroma.local", FullName = "Парольная Полина",
            Role = Roles.Cashier, LocationIds = [s1], Password = password,
        };
        return (await sp.GetRequiredService<SaveUser>().HandleAsync(form, default)).Errors;
    });

    [Theory]
    [InlineData("Password1", "не короче 10 символов")]  // the example: 9 characters
    [InlineData("Demo123!", "не короче 10 символов")]  // the old demo password
    [InlineData("Password123", "слишком распространён")]
    [InlineData("QWERTYUIOP", "слишком распространён")] // the list is compared without case
    [InlineData("1234567890", "слишком распространён")]
    public async Task Short_and_common_passwords_are_refused_with_a_russian_reason(string password, string reason)
    {
        var errors = await CreateCashierAsync(password);
        Assert.Contains(reason, errors.GetValueOrDefault(nameof(UserForm.Password)));
    }

    [Theory]
    [InlineData("лиловый кот пьёт чай")] // a passphrase: no digits, capitals or symbols needed
    [InlineData("correcthorsebatterystaple")]
    [InlineData("9xq#Lm2vPq")]
    public async Task Long_uncommon_passwords_are_accepted_without_composition_rules(string password)
    {
        Assert.Empty(await CreateCashierAsync(password));
    }

    [Fact]
    public async Task A_password_made_of_the_users_e_mail_is_refused()
    {
        var errors = await CreateCashierAsync("kseniya.petrova2024", "kseniya.petrova@alaroma.local");
        Assert.Contains("не должен содержать e-mail", errors.GetValueOrDefault(nameof(UserForm.Password)));
    }

    [Fact]
    public async Task The_demo_password_passes_the_policy_and_the_list_holds_the_well_known_ones()
    {
        using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var demo = new AppUser { Email = "someone@alaroma.local", UserName = "someone@alaroma.local" };
        foreach (var v in users.PasswordValidators)
            Assert.True((await v.ValidateAsync(users, demo, Seeder.DemoPassword)).Succeeded, v.GetType().Name);
        Assert.True(Seeder.DemoPassword.Length >= 10);
        Assert.All(["qwertyuiop", "1q2w3e4r5t", "password123", "iloveyou12"], p => Assert.True(CommonPasswordValidator.IsCommon(p), p));
        Assert.False(CommonPasswordValidator.IsCommon(Seeder.DemoPassword));
    }
}
