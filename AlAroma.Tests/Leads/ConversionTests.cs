using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Reports;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Leads.Conversion;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Features.Leads.Projects;
using AlAroma.Web.Features.Leads.Work;
using AlAroma.Web.Features.Pos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Leads;

/// <summary>«Конверсия»: the maintained counters follow every write (load, results, a reload, a purge), the rates and the cost of a success, and the numbers that became shop customers.</summary>
public class ConversionTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<GetConversion.Model> ReportAsync(GetConversion.Input input)
    {
        using var s = app.Scope();
        return await s.ServiceProvider.GetRequiredService<GetConversion>().HandleAsync(input, default);
    }

    private async Task WorkAsync(string op, LeadStatus result)
    {
        using var s = app.Scope();
        var lead = await s.ServiceProvider.GetRequiredService<NextLead>().TakeAsync(op, backOffice: false, default);
        await s.ServiceProvider.GetRequiredService<RecordLeadResult>().HandleAsync(lead!.Id, op, new RecordLeadResult.Input { Result = result }, default);
    }

    [Fact]
    public async Task The_counters_follow_the_numbers_and_give_vicidials_rates_and_the_cost_of_a_success()
    {
        int supplier;
        await using (var db = app.Db())
        {
            var s = new LeadSupplier { Name = "Конверсия-базы", PricePerNumberKopecks = 150 };
            db.LeadSuppliers.Add(s);
            await db.SaveChangesAsync();
            supplier = s.Id;
        }
        var project = await LeadSteps.ProjectAsync(app, "Конверсия");
        var op = await app.UserIdAsync("operator@alaroma.local");
        await using (var db = app.Db())
        {
            db.LeadProjectMembers.Add(new LeadProjectMember { ProjectId = project, UserId = op, Role = LeadProjectRole.Operator });
            await db.SaveChangesAsync();
        }
        var phones = new[] { "+79190000001", "+79190000002", "+79190000003", "+79190000004" };
        await LeadSteps.LoadAsync(app, project, "c.csv", LeadSteps.Csv(phones), i => i.SupplierId = supplier);
        var loaded = await ReportAsync(new GetConversion.Input { Project = project });
        Assert.Equal((4L, 0L), (loaded.Total.Numbers, loaded.Total.Attempted));

        await WorkAsync(op, LeadStatus.Success);
        await WorkAsync(op, LeadStatus.Refused);
        await WorkAsync(op, LeadStatus.NoAnswer);
        await WorkAsync(op, LeadStatus.DoNotCall);
        var m = await ReportAsync(new GetConversion.Input { Project = project, By = "supplier" });
        var line = Assert.Single(m.Lines);
        Assert.Equal("Конверсия-базы", line.Label);
        Assert.Equal((4L, 4L, 3L, 1L, 1L, 1L), (line.Numbers, line.Attempted, line.Contacted, line.Success, line.Refused, line.DoNotCall));
        Assert.Equal(0.75, line.ContactRate, 3);
        Assert.Equal(0.25, line.ConversionRate, 3);
        Assert.Equal(6.00m, line.CostPerSuccess); // 4 numbers × 1,50 ₽ / 1 success
        Assert.Equal(4L, Assert.Single(m.ByDay).Attempted);

        // The counters are the table's truth, whatever wrote the numbers: they equal a scan of the project.
        await using (var db = app.Db())
        {
            var scan = await db.Leads.Where(l => l.ProjectId == project).GroupBy(_ => 1)
                .Select(g => new { N = g.LongCount(), S = g.LongCount(l => l.Status == LeadStatus.Success), A = g.LongCount(l => l.Attempts > 0) }).SingleAsync();
            Assert.Equal((scan.N, scan.S, scan.A), (line.Numbers, line.Success, line.Attempted));
        }

        // A reload without the project check puts the numbers back to work: the counters follow.
        await LeadSteps.LoadAsync(app, project, "again.csv", LeadSteps.Csv(phones[0]), i => { i.SupplierId = supplier; i.DedupProject = false; i.DedupDnc = false; });
        var after = await ReportAsync(new GetConversion.Input { Project = project });
        Assert.Equal((4L, 0L, 3L), (after.Total.Numbers, after.Total.Success, after.Total.Attempted));
    }

    [Fact]
    public async Task Called_numbers_that_bought_in_a_shop_within_the_window_are_counted_with_their_revenue()
    {
        var project = await LeadSteps.ProjectAsync(app, "Мост");
        await LeadSteps.LoadAsync(app, project, "m.csv", LeadSteps.Csv("+79191110001", "+79191110002", "+79191110003"));
        var called = DateTime.UtcNow.AddDays(-10);
        await using var db = app.Db();
        await db.Leads.Where(l => l.ProjectId == project && l.Phone != 79191110003)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.LastCallAtUtc, called).SetProperty(l => l.Attempts, 1));
        var buyer = new Customer { Phone = "+79191110001", Name = "Покупатель", CreatedAtUtc = called };
        var late = new Customer { Phone = "+79191110002", Name = "Поздний", CreatedAtUtc = called };
        var uncalled = new Customer { Phone = "+79191110003", Name = "Без звонка", CreatedAtUtc = called };
        db.Customers.AddRange(buyer, late, uncalled);
        await db.SaveChangesAsync();
        var shop = await db.Locations.FirstAsync(l => l.Code == "S1");
        var shift = await SalesReportFixture.OpenShiftAsync(db, shop, called.AddDays(-1));
        var product = await db.Products.FirstAsync();
        Sale Sold(Customer c, DateTime at, string number)
        {
            var s = SalesReportFixture.NewSale(shop, shift, number, at, "test", "Тест", [(product, 1, 2500m, 0m)], (PaymentMethod.Card, 2500m, null));
            s.CustomerId = c.Id;
            return s;
        }
        db.Sales.AddRange(Sold(buyer, called.AddDays(3), "S1-M0001"), Sold(late, called.AddDays(9), "S1-M0002"), Sold(uncalled, called.AddDays(1), "S1-M0003"));
        await db.SaveChangesAsync();

        var week = await ReportAsync(new GetConversion.Input { Project = project, Days = 7 });
        var bridge = Assert.Single(week.Bridges);
        Assert.Equal((1, 2500m), (bridge.Customers, bridge.Revenue)); // the 9th-day purchase is outside 7 days; the uncalled number never counts
        var month = await ReportAsync(new GetConversion.Input { Project = project, Days = 30 });
        Assert.Equal((2, 5000m), (month.Bridges[0].Customers, month.Bridges[0].Revenue));

        var http = await app.ClientAsync("manager@alaroma.local");
        var page = await http.GetStringAsync($"/leads/conversion?Project={project}&Days=30");
        Assert.Contains("conversion-chart", page);
        Assert.Contains("bridge-table", page);
        var xlsx = await http.GetAsync($"/leads/conversion/export?Project={project}&Days=30");
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["Проекты", "По дням", "Покупки в магазинах"], book.Worksheets.Select(w => w.Name).ToArray());
    }
}
