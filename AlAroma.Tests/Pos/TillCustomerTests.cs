using AlAroma.Tests.Infrastructure;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Pos;

/// <summary>
/// The customer at the till: by the whole phone, new on the spot, by a one-time code with a limit on wrong codes; no
/// search by part of a number at the till, the customer list and the codes for managers only, every card looked up audited.
/// </summary>
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

    /// <summary>The "View" audit entries of the customer's card, oldest first, with their place as JSON.</summary>
    private async Task<List<(string UserName, JsonElement Place)>> LookupsAsync(long customerId)
    {
        await using var db = app.Db();
        var rows = await db.AuditEntries.Where(a => a.Entity == "Customer" && a.Key == customerId.ToString() && a.Action == CustomerCardAudit.Action)
            .OrderBy(a => a.Id).Select(a => new { a.UserName, a.NewValues }).ToListAsync();
        return rows.Select(r => (r.UserName, JsonDocument.Parse(r.NewValues!).RootElement.Clone())).ToList();
    }

    [Fact]
    public async Task A_cashier_finds_a_customer_only_by_the_whole_number_or_the_code_and_every_lookup_is_audited_with_the_register()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 1");
        var customer = await app.CustomerAsync();

        foreach (var part in new[] { customer.Phone[^4..], customer.Phone[^7..], "916 " + customer.Phone[5..^1] })
        {
            var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => FindAsync(cashier, register, part));
            Assert.Contains("Введите номер клиента полностью", refused.Message);
        }
        Assert.Null((await app.CartAsync(cashier, register)).Customer);
        Assert.Empty(await LookupsAsync(customer.Id));

        Assert.True((await FindAsync(cashier, register, "8-" + customer.Phone[2..5] + "-" + customer.Phone[5..8] + "-" + customer.Phone[8..10] + "-" + customer.Phone[10..])).Attached);
        Assert.Equal(customer.Id, (await app.CartAsync(cashier, register)).Customer!.Id);
        var code = await CodeAsync(customer.Id);
        Assert.True((await FindAsync(cashier, register, code[..3] + " " + code[3..])).Attached);

        var lookups = await LookupsAsync(customer.Id);
        Assert.Equal(["Phone", "Code"], lookups.Where(l => l.UserName == "cashier@alaroma.local").Select(l => l.Place.GetProperty("How").GetString()));
        Assert.All(lookups.Where(l => l.UserName == "cashier@alaroma.local"), l =>
        {
            Assert.Equal(register, l.Place.GetProperty("RegisterId").GetInt32());
            Assert.Equal("Касса 1", l.Place.GetProperty("Register").GetString());
            Assert.Equal("S1", l.Place.GetProperty("Location").GetString());
        });
    }

    [Fact]
    public async Task A_cashier_typing_part_of_a_number_at_the_till_gets_a_russian_refusal_and_no_customer()
    {
        var cashierPrincipal = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashierPrincipal, "Касса 1");
        var customer = await app.CustomerAsync();
        using var cashier = await app.ClientAsync("cashier@alaroma.local");
        var token = await AppFixture.FormTokenAsync(cashier, $"/pos/{register}");

        async Task<string> LookupAsync(string q)
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, $"/pos/{register}/customer") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["q"] = q }) };
            req.Headers.Add("HX-Request", "true");
            req.Headers.Add("RequestVerificationToken", token);
            using var resp = await cashier.SendAsync(req);
            Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
            return WebUtility.HtmlDecode(await resp.Content.ReadAsStringAsync());
        }

        var partial = await LookupAsync(customer.Phone[^4..]);
        Assert.Contains("Введите номер клиента полностью (10 цифр после +7 или 8) или 6-значный код из бота", partial);
        Assert.DoesNotContain(customer.Name, partial);
        var whole = await LookupAsync(customer.Phone);
        Assert.Contains(customer.Name, whole);
        Assert.Single(await LookupsAsync(customer.Id));
    }

    [Fact]
    public async Task Only_a_manager_searches_the_customer_list_and_issues_a_code_and_each_card_shown_is_audited()
    {
        var customer = await app.CustomerAsync();
        var last4 = "/customers?phone=" + customer.Phone[^4..];
        foreach (var till in new[] { "cashier@alaroma.local", "seller@alaroma.local" })
        {
            using var client = await app.ClientAsync(till);
            var list = await client.GetAsync(last4);
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            Assert.DoesNotContain(customer.Name, WebUtility.HtmlDecode(await list.Content.ReadAsStringAsync()));
            Assert.DoesNotContain("href=\"/customers\"", await client.GetStringAsync("/pos/sales")); // no sidebar link either

            // A valid antiforgery token (from the till page) does not help: the code is for the customer or a manager.
            var tillToken = await AppFixture.FormTokenAsync(client, "/pos/sales");
            var issue = await client.PostAsync($"/customers/{customer.Id}/code",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tillToken }));
            Assert.Equal(HttpStatusCode.Forbidden, issue.StatusCode);
        }
        await using (var db = app.Db())
            Assert.False(await db.Set<CustomerCode>().AnyAsync(c => c.CustomerId == customer.Id));
        Assert.Empty(await LookupsAsync(customer.Id));

        using var manager = await app.ClientAsync("manager@alaroma.local");
        var html = WebUtility.HtmlDecode(await manager.GetStringAsync(last4));
        Assert.Contains(customer.Name, html); // a manager's tool keeps the search by the last digits

        var token = await AppFixture.FormTokenAsync(manager, last4);
        var resp = await manager.PostAsync($"/customers/{customer.Id}/code", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var page = await resp.Content.ReadAsStringAsync();
        var code = Regex.Match(page, "font-monospace\">(\\d{6})<").Groups[1].Value;
        await using (var db = app.Db())
            Assert.True(await db.Set<CustomerCode>().AnyAsync(c => c.CustomerId == customer.Id && c.Code == code && c.UsedAtUtc == null));

        var lookups = await LookupsAsync(customer.Id);
        Assert.All(lookups, l => Assert.Equal("manager@alaroma.local", l.UserName));
        // The two GETs of the list (the search, the page the token came from) and the code issued.
        Assert.Equal(["Search", "Search", "IssueCode"], lookups.Select(l => l.Place.GetProperty("How").GetString()));
        Assert.Equal(customer.Phone[^4..], lookups[0].Place.GetProperty("Query").GetString());

        using var op = await app.ClientAsync("operator@alaroma.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("/customers")).StatusCode);
    }
}
