using AlAroma.Tests.Infrastructure;
using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Pos;

/// <summary>The customer at the till: by phone, new on the spot, by a one-time code with a limit on wrong codes.</summary>
public class TillCustomerTests(TillFixture app) : IClassFixture<TillFixture>
{
    private Task<TillCustomer.LookupResult> FindAsync(System.Security.Claims.ClaimsPrincipal user, int register, string input) =>
        app.AsAsync(user, sp => sp.GetRequiredService<TillCustomer>().FindAsync(register, input, default));

    private async Task<string> CodeAsync(long customerId)
    {
        using var scope = app.Till.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<CustomerLookup>().IssueCodeAsync(customerId, default)).Code!;
    }

    [Fact]
    public async Task A_customer_is_found_by_phone_as_typed_kazakhstan_is_refused_and_an_unknown_phone_is_registered_on_the_spot()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 1");
        var known = await app.CustomerAsync(points: 120);

        var kz = await Assert.ThrowsAsync<BusinessRuleException>(() => FindAsync(cashier, register, "+7 701 123 45 67"));
        Assert.Contains("казахстанские", kz.Message);

        Assert.True((await FindAsync(cashier, register, "8 (" + known.Phone[2..5] + ") " + known.Phone[5..])).Attached);
        var cart = await app.CartAsync(cashier, register);
        Assert.Equal((known.Name, "Стандарт", 120), (cart.Customer!.Name, cart.Customer.Level, cart.Customer.Points));

        var unknown = await FindAsync(cashier, register, "+7 (925) 000-11-22");
        Assert.False(unknown.Attached);
        Assert.Equal("+79250001122", unknown.NewPhone);
        await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.AsAsync(cashier, sp => sp.GetRequiredService<TillCustomer>().CreateAsync(register, unknown.NewPhone, " ", default)));
        var id = await app.AsAsync(cashier, sp => sp.GetRequiredService<TillCustomer>().CreateAsync(register, unknown.NewPhone, "Анна", default));
        Assert.Equal("Анна", (await app.CartAsync(cashier, register)).Customer!.Name);
        await using var db = app.Db();
        Assert.Equal("+79250001122", (await db.Customers.SingleAsync(c => c.Id == id)).Phone);
    }

    [Fact]
    public async Task A_code_works_once_and_the_sixth_wrong_code_within_a_minute_is_refused()
    {
        var seller = await app.PrincipalAsync("seller@alaroma.local");
        var register = await app.TillAsync(seller, "Касса 2");
        var customer = await app.CustomerAsync();

        var code = await CodeAsync(customer.Id);
        Assert.Matches("^[0-9]{6}$", code);
        Assert.True((await FindAsync(seller, register, code)).Attached);
        Assert.Equal(customer.Id, (await app.CartAsync(seller, register)).Customer!.Id);
        var again = await Assert.ThrowsAsync<BusinessRuleException>(() => FindAsync(seller, register, code));
        Assert.Contains("Код не подошёл", again.Message);

        for (var i = 0; i < CustomerCodeAttempts.MaxFailures - 1; i++)
            await Assert.ThrowsAsync<BusinessRuleException>(() => FindAsync(seller, register, code));
        var fresh = await CodeAsync(customer.Id);
        var sixth = await Assert.ThrowsAsync<BusinessRuleException>(() => FindAsync(seller, register, fresh));
        Assert.Contains("Слишком много неверных кодов", sixth.Message);
        // The refused attempt did not spend the fresh code, and another till is not blocked.
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var other = await app.TillAsync(cashier, "Касса 1");
        Assert.True((await FindAsync(cashier, other, fresh)).Attached);
    }

    [Fact]
    public async Task Twelve_guesses_at_once_from_one_till_get_five_tries_and_the_count_is_shared_by_every_app_instance()
    {
        var seller = await app.PrincipalAsync("seller@alaroma.local");
        await using (var db = app.Db())
        {
            db.Registers.Add(new Register { LocationId = (await db.Locations.SingleAsync(l => l.Code == "S1")).Id, Name = "Касса подбора кодов" });
            await db.SaveChangesAsync();
        }
        var register = await app.TillAsync(seller, "Касса подбора кодов");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
            (await Assert.ThrowsAsync<BusinessRuleException>(() => FindAsync(seller, register, $"{100000 + i * 7919 % 900000:D6}"))).Message)));
        Assert.Equal(CustomerCodeAttempts.MaxFailures, outcomes.Count(m => m.Contains("Код не подошёл")));
        Assert.Equal(12 - CustomerCodeAttempts.MaxFailures, outcomes.Count(m => m.Contains("Слишком много неверных кодов")));

        // A second app instance (its own services, same database) refuses too: the count is not in one process's memory.
        await using var other = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>().WithWebHostBuilder(w =>
        {
            w.UseEnvironment("Testing");
            w.UseSetting("ConnectionStrings:Default", app.ConnectionString);
            w.UseSetting("Demo:Seed", "false");
            w.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        });
        using var scope = other.Services.CreateScope().As(seller);
        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            scope.ServiceProvider.GetRequiredService<TillCustomer>().FindAsync(register, "123456", default));
        Assert.Contains("Слишком много неверных кодов", refused.Message);
    }

    [Fact]
    public async Task The_customers_page_finds_by_phone_and_gives_a_six_digit_code()
    {
        var customer = await app.CustomerAsync();
        using var client = await app.ClientAsync("cashier@alaroma.local");
        var html = await client.GetStringAsync("/customers?phone=" + Uri.EscapeDataString(customer.Phone));
        Assert.Contains(customer.Name, html);

        var token = await AlAroma.Tests.Infrastructure.AppFixture.FormTokenAsync(client, "/customers?phone=" + Uri.EscapeDataString(customer.Phone));
        var resp = await client.PostAsync($"/customers/{customer.Id}/code", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var page = await resp.Content.ReadAsStringAsync();
        var code = Regex.Match(page, "font-monospace\">(\\d{6})<").Groups[1].Value;
        await using var db = app.Db();
        Assert.True(await db.Set<CustomerCode>().AnyAsync(c => c.CustomerId == customer.Id && c.Code == code && c.UsedAtUtc == null));

        using var op = await app.ClientAsync("operator@alaroma.local");
        Assert.NotEqual(HttpStatusCode.OK, (await op.GetAsync("/customers")).StatusCode);
    }
}
