using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Leads.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Leads.LeadsTestKit;

namespace AlAroma.Tests.Leads;

/// <summary>«Поставщики баз»: create, edit, a duplicate name refused next to the field, price in ₽ with kopecks, numbers per supplier.</summary>
public sealed class LeadSupplierTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_manager_creates_and_edits_a_supplier_and_the_list_counts_its_numbers()
    {
        var client = await app.ClientAsync(ManagerEmail);
        var created = await client.PostFormAsync("/leads/suppliers/new", "/leads/suppliers/new",
            ("Name", "  Базы-Про  "), ("Contacts", "Иван, +7 900 000-00-00"), ("Price", "1,50"), ("IsActive", "true"), ("IsActive", "false"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using (var db = app.Db())
        {
            var s = await db.LeadSuppliers.SingleAsync(x => x.Name == "Базы-Про");
            Assert.Equal(150, s.PricePerNumberKopecks);
            Assert.Equal("Иван, +7 900 000-00-00", s.Contacts);
            Assert.True(s.IsActive);
        }
        int id, other;
        await using (var db = app.Db())
        {
            id = (await db.LeadSuppliers.SingleAsync(x => x.Name == "Базы-Про")).Id;
            db.LeadSuppliers.Add(new LeadSupplier { Name = "Тихий поставщик", PricePerNumberKopecks = 5 });
            await db.SaveChangesAsync();
            other = (await db.LeadSuppliers.SingleAsync(x => x.Name == "Тихий поставщик")).Id;
        }
        var project = await app.NewProjectAsync("Поставщики: проект");
        await app.InsertLeadsAsync(project, 79_160_000_000, 3, id);
        await app.InsertLeadsAsync(project, 79_160_000_100, 2);

        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/leads/suppliers"));
        Assert.Contains("Базы-Про", list);
        Assert.Contains("1,50", list);
        using (var scope = app.Scope())
        {
            var rows = (await scope.ServiceProvider.GetRequiredService<ListLeadSuppliers>().HandleAsync(new ListLeadSuppliers.Input(), default)).Rows;
            Assert.Equal(3, rows.Single(r => r.Id == id).Numbers);
            Assert.Equal(0, rows.Single(r => r.Id == other).Numbers);
        }
        Assert.Contains("value=\"1,50\"", await client.PageAsync($"/leads/suppliers/{id}"));

        var edited = await client.PostFormAsync($"/leads/suppliers/{id}", $"/leads/suppliers/{id}",
            ("Name", "Базы-Про (старый)"), ("Contacts", ""), ("Price", "2"), ("IsActive", "false"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        await using (var db = app.Db())
        {
            var s = await db.LeadSuppliers.SingleAsync(x => x.Id == id);
            Assert.Equal("Базы-Про (старый)", s.Name);
            Assert.Equal(200, s.PricePerNumberKopecks);
            Assert.Null(s.Contacts);
            Assert.False(s.IsActive);
        }
        // Active first: the inactive supplier comes after the active one whatever the name.
        using (var scope = app.Scope())
        {
            var rows = (await scope.ServiceProvider.GetRequiredService<ListLeadSuppliers>().HandleAsync(new ListLeadSuppliers.Input(), default)).Rows;
            Assert.True(rows.ToList().FindIndex(r => r.Id == other) < rows.ToList().FindIndex(r => r.Id == id));
        }
        var found = await client.PageAsync("/leads/suppliers?Q=" + Uri.EscapeDataString("тихий"));
        Assert.Contains("Тихий поставщик", found);
        Assert.DoesNotContain("Базы-Про", found);
    }

    [Fact]
    public async Task A_duplicate_name_or_a_bad_price_is_shown_next_to_the_field()
    {
        var client = await app.ClientAsync(AdminEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/leads/suppliers/new", "/leads/suppliers/new", ("Name", "Номера.ру"), ("Price", "0,80"), ("IsActive", "true"))).StatusCode);

        var dup = await client.PostFormAsync("/leads/suppliers/new", "/leads/suppliers/new", ("Name", " номера.РУ "), ("Price", "1"), ("IsActive", "true"));
        Assert.Equal(HttpStatusCode.OK, dup.StatusCode);
        Assert.Contains("Поставщик базы «номера.РУ» уже есть", await dup.HtmlAsync());

        var price = await client.PostFormAsync("/leads/suppliers/new", "/leads/suppliers/new", ("Name", "Другой"), ("Price", "один рубль"));
        Assert.Contains("Цена за номер — число в рублях", await price.HtmlAsync());
        var negative = await client.PostFormAsync("/leads/suppliers/new", "/leads/suppliers/new", ("Name", "Другой"), ("Price", "-1"));
        Assert.Contains("не может быть отрицательной", await negative.HtmlAsync());
        var empty = await client.PostFormAsync("/leads/suppliers/new", "/leads/suppliers/new", ("Name", " "), ("Price", "1"));
        Assert.Contains("Укажите название поставщика базы", await empty.HtmlAsync());

        await using var db = app.Db();
        Assert.Equal(1, await db.LeadSuppliers.CountAsync(s => s.Name.ToLower() == "номера.ру"));
        Assert.False(await db.LeadSuppliers.AnyAsync(s => s.Name == "Другой"));

        // The use case refuses the duplicate too (the form is not the only way in).
        using var scope = app.Scope();
        var e = await Assert.ThrowsAsync<AlAroma.Web.Infrastructure.BusinessRuleException>(() =>
            scope.ServiceProvider.GetRequiredService<SaveLeadSupplier>().HandleAsync(new SaveLeadSupplier.Input { Name = "НОМЕРА.РУ", Price = "1" }, default));
        Assert.Contains("уже есть", e.Message);
    }
}
