using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Warehouse;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Warehouse;

/// <summary>"Движение товаров": keyset paging ("Показать ещё") and the Excel export with the page's filters.</summary>
public sealed class MovementJournalTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Keyset_pages_walk_the_whole_journal_newest_first_without_gaps_or_repeats()
    {
        var wh = await LocationIdAsync(app, "WH");
        List<long> expected;
        await using (var db = app.Db())
            expected = await db.StockMovements.Where(m => m.LocationId == wh).OrderByDescending(m => m.Id).Select(m => m.Id).ToListAsync();
        Assert.True(expected.Count > ListStockMovements.PageSize, "the demo chain should have more than one page at WH");

        var seen = new List<long>();
        long? before = null;
        var pages = 0;
        do
        {
            var model = await app.AsAsync(AdminUser, sp => sp.GetRequiredService<ListStockMovements>()
                .HandleAsync(new ListStockMovements.Input { LocationId = wh, Before = before }, default));
            Assert.True(model.Rows.Count <= ListStockMovements.PageSize);
            seen.AddRange(model.Rows.Select(r => r.Id));
            before = model.NextBefore;
            pages++;
        } while (before is not null && pages < 100);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Show_more_over_htmx_returns_only_rows_and_the_next_button()
    {
        var client = await app.ClientAsync(StorekeeperUser);
        var page = await client.GetStringAsync("/warehouse/movements");
        Assert.Contains("Показать ещё", page);
        Assert.Contains("Экспорт в Excel", page);
        var next = System.Text.RegularExpressions.Regex.Match(page, "hx-get=\"(/warehouse/movements\\?Before=\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(next);
        using var req = new HttpRequestMessage(HttpMethod.Get, System.Net.WebUtility.HtmlDecode(next));
        req.Headers.Add("HX-Request", "true");
        var fragment = await (await client.SendAsync(req)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", fragment);
        Assert.StartsWith("<tr", fragment.TrimStart());
    }

    [Fact]
    public async Task Export_has_every_filtered_movement_of_the_location()
    {
        var s1 = await LocationIdAsync(app, "S1");
        int count;
        await using (var db = app.Db())
            count = await db.StockMovements.CountAsync(m => m.LocationId == s1 && m.Kind == MovementKind.TransferIn);
        var client = await app.ClientAsync(StorekeeperUser);
        var resp = await client.GetAsync($"/warehouse/movements/export.xlsx?LocationId={s1}&Kind=TransferIn");
        resp.EnsureSuccessStatusCode();
        using var wb = new XLWorkbook(new MemoryStream(await resp.Content.ReadAsByteArrayAsync()));
        var ws = wb.Worksheets.First();
        const int header = AlAroma.Web.Infrastructure.Excel.ExcelSheetWriter.HeaderRow;
        var dataRows = ws.RowsUsed().Count(r => r.RowNumber() > header && r.Cell(4).GetString() == "Перемещение (приёмка)");
        Assert.Equal(count, dataRows);
        Assert.True(count > 0);
    }

    [Fact]
    public async Task A_warehouse_document_shows_who_posted_it_by_full_name_as_a_sale_does()
    {
        var (productId, _, _) = await ProductAsync(app, 3);
        var id = await NewGoodsReceiptAsync(app, "WH", StorekeeperUser);
        var number = await app.AsAsync(StorekeeperUser, async sp =>
        {
            await sp.GetRequiredService<AlAroma.Web.Features.Warehouse.GoodsReceipts.EditGoodsReceiptLines>().AddAsync(id, productId, 1, "100", default);
            return await sp.GetRequiredService<AlAroma.Web.Features.Warehouse.GoodsReceipts.PostGoodsReceipt>().HandleAsync(id, default);
        });
        var wh = await LocationIdAsync(app, "WH");
        var model = await app.AsAsync(AdminUser, sp => sp.GetRequiredService<ListStockMovements>()
            .HandleAsync(new ListStockMovements.Input { LocationId = wh, Kind = MovementKind.GoodsReceipt }, default));
        var row = Assert.Single(model.Rows, r => r.DocumentNumber == number);
        Assert.Equal("Складов Сергей", row.UserName);

        var client = await app.ClientAsync(StorekeeperUser);
        var resp = await client.GetAsync($"/warehouse/movements/export.xlsx?LocationId={wh}&Kind=GoodsReceipt");
        resp.EnsureSuccessStatusCode();
        using var wb = new XLWorkbook(new MemoryStream(await resp.Content.ReadAsByteArrayAsync()));
        var line = wb.Worksheets.First().RowsUsed().Single(r => r.Cell(3).GetString() == number);
        Assert.Equal("Складов Сергей", line.Cell(9).GetString());
    }
}
