using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Customers.List;
using AlAroma.Web.Features.Loyalty;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Customers;

/// <summary>«Клиенты»: filters, search, keyset pages, totals and the Excel export, on a real PostgreSQL.</summary>
public sealed class CustomerListTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Manager = "manager@alaroma.local";

    private Task<ListCustomers.Model> ListAsync(ListCustomers.Input input) =>
        app.AsAsync(Manager, sp => sp.GetRequiredService<ListCustomers>().HandleAsync(input, default));

    private static string Tag() => "t" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Each_filter_keeps_only_the_customers_it_names_and_the_totals_count_them()
    {
        var tag = Tag();
        int s2;
        await using (var db = app.Db()) s2 = await db.Locations.Where(l => l.Code == "S2").Select(l => l.Id).SingleAsync();
        var gold = await app.CustomerAsync(c => { c.Tags = [tag]; c.Level = LoyaltyLevel.Gold; c.HomeLocationId = s2; c.Birthday = new DateOnly(1990, 3, 8); }, points: 120);
        var smsTg = await app.CustomerAsync(c => { c.Tags = [tag, "VIP"]; c.TelegramChatId = 555_000 + Random.Shared.Next(1000); }, points: 30);
        smsTg = await SetConsentAsync(smsTg.Id, c => c.SetConsent(ConsentChannel.Sms, true, ConsentSource.Till, DateTime.UtcNow));
        var buyer = await app.CustomerAsync(c => c.Tags = [tag]);
        var saleId = await app.SellAsync(buyer);
        decimal total;
        await using (var db = app.Db()) total = await db.Sales.Where(s => s.Id == saleId).Select(s => s.Total).SingleAsync();

        var all = await ListAsync(new() { Tag = tag });
        Assert.Equal(3, all.Count);
        Assert.Equal(150 + all.Rows.Single(r => r.Id == buyer.Id).Points, all.TotalPoints);

        Assert.Equal([gold.Id], (await ListAsync(new() { Tag = tag, Level = LoyaltyLevel.Gold })).Rows.Select(r => r.Id));
        Assert.Equal([gold.Id], (await ListAsync(new() { Tag = tag, HomeLocationId = s2 })).Rows.Select(r => r.Id));
        Assert.Equal([gold.Id], (await ListAsync(new() { Tag = tag, BirthdayMonth = 3 })).Rows.Select(r => r.Id));
        Assert.Empty((await ListAsync(new() { Tag = tag, BirthdayMonth = 4 })).Rows);
        Assert.Equal([smsTg.Id], (await ListAsync(new() { Tag = tag, Sms = true })).Rows.Select(r => r.Id));
        Assert.Equal(2, (await ListAsync(new() { Tag = tag, Sms = false })).Count);
        Assert.Equal([smsTg.Id], (await ListAsync(new() { Tag = tag, Reachable = true })).Rows.Select(r => r.Id));
        Assert.Equal(2, (await ListAsync(new() { Tag = tag, Reachable = false })).Count);
        Assert.Equal([smsTg.Id], (await ListAsync(new() { Tag = "VIP", Q = smsTg.Phone })).Rows.Select(r => r.Id));

        var spent = await ListAsync(new() { Tag = tag, SpentFrom = total, SpentTo = total });
        Assert.Equal([buyer.Id], spent.Rows.Select(r => r.Id));
        Assert.Equal(total, spent.Rows[0].Spent12Months);
        Assert.Empty((await ListAsync(new() { Tag = tag, SpentFrom = total + 1 })).Rows);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal([buyer.Id], (await ListAsync(new() { Tag = tag, LastFrom = today.AddDays(-1) })).Rows.Select(r => r.Id));
        Assert.Equal([buyer.Id], (await ListAsync(new() { Tag = tag, LastTo = today.AddDays(1) })).Rows.Select(r => r.Id));
        Assert.Empty((await ListAsync(new() { Tag = tag, LastTo = today.AddDays(-2) })).Rows); // never-bought customers are not "before"
    }

    [Fact]
    public async Task Search_finds_by_the_whole_phone_its_last_digits_or_a_part_of_the_name()
    {
        var tag = Tag();
        var anna = await app.CustomerAsync(c => { c.Tags = [tag]; c.Name = "Анна Кузнецова-" + tag; });
        await app.CustomerAsync(c => { c.Tags = [tag]; c.Name = "Борис " + tag; });
        Assert.Equal([anna.Id], (await ListAsync(new() { Tag = tag, Q = "кузнецова" })).Rows.Select(r => r.Id));
        Assert.Equal([anna.Id], (await ListAsync(new() { Tag = tag, Q = "8" + anna.Phone[2..] })).Rows.Select(r => r.Id));
        Assert.Equal([anna.Id], (await ListAsync(new() { Tag = tag, Q = anna.Phone[^6..] })).Rows.Select(r => r.Id));
        var shortQuery = await ListAsync(new() { Tag = tag, Q = "12" });
        Assert.Empty(shortQuery.Rows);
        Assert.Contains("не меньше 4", shortQuery.Notice);
        Assert.Empty((await ListAsync(new() { Tag = tag, Q = "50%_" })).Rows); // LIKE wildcards are plain text
    }

    [Fact]
    public async Task Keyset_pages_show_every_customer_once_in_the_order_of_the_sorted_column()
    {
        var tag = Tag();
        // 120 customers, many with equal points: the id breaks the ties, so no row repeats or goes missing.
        for (var i = 0; i < 120; i++) await app.CustomerAsync(c => { c.Tags = [tag]; c.PointsBalance = i % 7; });
        var seen = new List<ListCustomers.Item>();
        var input = new ListCustomers.Input { Tag = tag, Sort = "-points" };
        var pages = 0;
        while (true)
        {
            var page = await ListAsync(input);
            pages++;
            Assert.Equal(120, page.Count);
            seen.AddRange(page.Rows);
            if (page.Page.Next is null) break;
            input.After = page.Page.Next;
        }
        Assert.Equal(3, pages);
        Assert.Equal(120, seen.Select(r => r.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(r => r.Points).ThenByDescending(r => r.Id).Select(r => r.Id), seen.Select(r => r.Id));

        // «Предыдущая» from the last page gives the second page back.
        var back = await ListAsync(new() { Tag = tag, Sort = "-points", Before = (await ListAsync(input)).Page.Previous });
        Assert.Equal(seen.Skip(50).Take(50).Select(r => r.Id), back.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task The_export_holds_the_filtered_list_in_its_order_and_a_formula_as_plain_text()
    {
        var tag = Tag();
        await app.CustomerAsync(c => { c.Tags = [tag]; c.Name = "=HYPERLINK(\"http://evil\")"; c.PointsBalance = 5; });
        await app.CustomerAsync(c => { c.Tags = [tag]; c.Name = "Вера " + tag; c.PointsBalance = 7; });
        await app.CustomerAsync(c => { c.Name = "Не из фильтра"; });
        using var client = await app.ClientAsync(Manager);
        var resp = await client.GetAsync($"/customers/export?Tag={tag}&sort=-points");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.StartsWith("klienty-", resp.Content.Headers.ContentDisposition?.FileNameStar ?? resp.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var wb = new XLWorkbook(await resp.Content.ReadAsStreamAsync());
        var ws = wb.Worksheet(1);
        var names = ws.Column(1).CellsUsed().Select(c => c.GetString()).ToList();
        var vera = names.FindIndex(n => n == "Вера " + tag);
        var evil = names.FindIndex(n => n.StartsWith("=HYPERLINK"));
        Assert.True(vera >= 0 && evil > vera, string.Join(" | ", names));
        Assert.DoesNotContain("Не из фильтра", names);
        var evilCell = ws.Column(1).CellsUsed().Single(c => c.GetString().StartsWith("=HYPERLINK"));
        Assert.False(evilCell.HasFormula);
        Assert.Contains(ws.CellsUsed(), c => c.GetString().Contains("Метка: " + tag));
    }

    [Fact]
    public async Task The_list_page_renders_filters_rows_and_totals_for_a_manager_and_is_refused_to_a_seller()
    {
        var tag = Tag();
        var c = await app.CustomerAsync(x => { x.Tags = [tag]; x.Name = "Галина " + tag; }, points: 42);
        using var manager = await app.ClientAsync(Manager);
        var html = WebUtility.HtmlDecode(await manager.GetStringAsync($"/customers?Tag={tag}"));
        Assert.Contains($"href=\"/customers/{c.Id}\"", html);
        Assert.Contains("id=\"total-points\">42<", html);
        Assert.Contains("Экспорт в Excel", html);
        using var seller = await app.ClientAsync("seller@alaroma.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await seller.GetAsync($"/customers?Tag={tag}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await seller.GetAsync($"/customers/{c.Id}")).StatusCode);
    }

    private async Task<Customer> SetConsentAsync(long id, Action<Customer> change)
    {
        await using var db = app.Db();
        var c = await db.Customers.SingleAsync(x => x.Id == id);
        change(c);
        await db.SaveChangesAsync();
        return c;
    }
}
