using AlAroma.Web.Infrastructure.Excel;
using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Reports;
using static AlAroma.Tests.Reports.Workbooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Reports;

public class StockBalancesReportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly int H = ExcelSheetWriter.HeaderRow;

    [Fact]
    public async Task Workbook_totals_equal_the_database_sums()
    {
        await using var db = app.Db();
        var locations = await db.Locations.ToListAsync();
        var sums = await (from b in db.StockBalances
                          join p in db.Products on b.ProductId equals p.Id
                          select new { b.Quantity, Cost = b.Quantity * p.AverageCost, Retail = b.Quantity * p.RetailPrice }).ToListAsync();
        var rows = await db.StockBalances.CountAsync(b => b.Quantity != 0);

        StockBalances report;
        using (var scope = app.Scope())
            report = await scope.ServiceProvider.GetRequiredService<GetStockBalances>()
                .ForLocationsAsync(locations, GetStockBalances.AllLocationsLabel, null, CancellationToken.None);
        using var built = StockBalancesWorkbook.Build(report);
        using var wb = Reopen(built);

        var detail = wb.Worksheet(StockBalancesWorkbook.Detail);
        Assert.Equal(H, detail.SheetView.SplitRow);
        Assert.True(detail.AutoFilter.IsEnabled);
        Assert.Equal(rows, TotalsRow(detail).RowNumber() - H - 1);
        var totals = TotalsRow(detail);
        Assert.Equal(sums.Sum(s => s.Quantity), totals.Cell(5).GetValue<int>());
        Assert.Equal(sums.Sum(s => s.Cost), totals.Cell(7).GetValue<decimal>());
        Assert.Equal(sums.Sum(s => s.Retail), totals.Cell(9).GetValue<decimal>());
        Assert.Equal(ExcelSheetWriter.MoneyFormat, totals.Cell(9).Style.NumberFormat.Format);
        Assert.Equal(ExcelSheetWriter.MoneyFormat, detail.Cell(H + 1, 7).Style.NumberFormat.Format);
        Assert.Equal("Центральный склад", detail.Cell(H + 1, 1).GetString()); // warehouse first

        var byLocation = wb.Worksheet(StockBalancesWorkbook.ByLocation);
        Assert.Equal(3, TotalsRow(byLocation).RowNumber() - H - 1);
        Assert.Equal(sums.Sum(s => s.Retail), TotalsRow(byLocation).Cell(6).GetValue<decimal>());
        Assert.Equal(sums.Sum(s => s.Quantity), TotalsRow(byLocation).Cell(4).GetValue<int>());
    }

    [Fact]
    public async Task Manager_downloads_all_or_one_location()
    {
        await using var db = app.Db();
        var s1 = await db.Locations.SingleAsync(l => l.Code == "S1");
        var s1Qty = await db.StockBalances.Where(b => b.LocationId == s1.Id).SumAsync(b => b.Quantity);
        var allQty = await db.StockBalances.SumAsync(b => b.Quantity);
        var client = await app.ClientAsync("manager@alaroma.local");

        var all = await client.GetAsync("/reports/stock-balances.xlsx");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(ExcelSheetWriter.ContentType, all.Content.Headers.ContentType?.MediaType);
        Assert.Matches("^ostatki-\\d{4}-\\d{2}-\\d{2}\\.xlsx$", all.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using (var wb = Open(await all.Content.ReadAsByteArrayAsync()))
            Assert.Equal(allQty, TotalsRow(wb.Worksheet(StockBalancesWorkbook.Detail)).Cell(5).GetValue<int>());

        var one = await client.GetAsync($"/reports/stock-balances.xlsx?locationId={s1.Id}");
        Assert.Matches("^ostatki-S1-\\d{4}-\\d{2}-\\d{2}\\.xlsx$", one.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var wb1 = Open(await one.Content.ReadAsByteArrayAsync());
        var detail = wb1.Worksheet(StockBalancesWorkbook.Detail);
        Assert.Equal(s1Qty, TotalsRow(detail).Cell(5).GetValue<int>());
        Assert.All(detail.Rows(H + 1, TotalsRow(detail).RowNumber() - 1), r => Assert.Equal(s1.Name, r.Cell(1).GetString()));
    }
}
