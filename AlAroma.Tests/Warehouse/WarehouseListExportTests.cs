using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Warehouse.Stocktakes;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using AlAroma.Web.Features.Warehouse.Stocktakes;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.WriteOffs;
using AlAroma.Web.Infrastructure.Excel;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Warehouse;

/// <summary>
/// "Экспорт в Excel" of the warehouse lists (Приход, Перемещения, Инвентаризация, Списания): the file holds exactly the
/// documents the list's filter finds, in the list's sort. Each test moves its documents to a day of 2020 of its own, so
/// the period filter isolates them from the demo data and from each other.
/// </summary>
public sealed class WarehouseListExportTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>Sets the creation time of document <paramref name="id"/> in <paramref name="table"/> to <paramref name="utc"/>.</summary>
    private async Task MoveAsync(string table, long id, DateTime utc)
    {
        await using var db = app.Db();
        await (table switch
        {
            "goods_receipts" => db.Database.ExecuteSqlAsync($"UPDATE goods_receipts SET created_at_utc = {utc} WHERE id = {id}"),
            "transfers" => db.Database.ExecuteSqlAsync($"UPDATE transfers SET created_at_utc = {utc} WHERE id = {id}"),
            "stocktakes" => db.Database.ExecuteSqlAsync($"UPDATE stocktakes SET created_at_utc = {utc} WHERE id = {id}"),
            "write_offs" => db.Database.ExecuteSqlAsync($"UPDATE write_offs SET created_at_utc = {utc} WHERE id = {id}"),
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        });
    }

    /// <summary>The first column of the table sheet below the header row, the totals row left out.</summary>
    private static List<string> Numbers(byte[] content)
    {
        using var wb = new XLWorkbook(new MemoryStream(content));
        var ws = wb.Worksheet(1);
        Assert.Equal("Номер", ws.Cell(ExcelSheetWriter.HeaderRow, 1).GetString());
        return ws.RowsUsed().Where(r => r.RowNumber() > ExcelSheetWriter.HeaderRow).Select(r => r.Cell(1).GetString())
            .Where(v => v != ExcelSheetWriter.TotalLabel).ToList();
    }

    private static DateTime Utc(int day, int hour) => new(2020, 3, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Goods_receipts_export_holds_the_filtered_receipts_sorted_by_quantity()
    {
        var product = (await ProductAsync(app, 1)).Id;
        var ids = new List<long>();
        foreach (var (qty, hour) in new[] { (5, 7), (12, 8), (1, 9), (30, 10) })
        {
            var id = await NewGoodsReceiptAsync(app, "WH");
            await app.AsAsync(AdminUser, sp => sp.GetRequiredService<EditGoodsReceiptLines>().AddAsync(id, product, qty, "100", default));
            // The last one lies on the next day: outside the filter.
            await MoveAsync("goods_receipts", id, Utc(hour == 10 ? 11 : 10, hour));
            ids.Add(id);
        }
        await using var db = app.Db();
        var numbers = await db.GoodsReceipts.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Number);

        var (content, name) = await app.AsAsync(AdminUser, sp => sp.GetRequiredService<ExportGoodsReceipts>().HandleAsync(
            new ListGoodsReceipts.Input { From = new(2020, 3, 10), To = new(2020, 3, 10), Sort = "-quantity" }, default));

        Assert.StartsWith("prikhod-", name);
        Assert.Equal([numbers[ids[1]], numbers[ids[0]], numbers[ids[2]]], Numbers(content));
    }

    [Fact]
    public async Task Transfers_export_holds_the_filtered_transfers_sorted_by_quantity_ascending()
    {
        var product = (await ProductAsync(app, 2)).Id;
        var ids = new List<long>();
        foreach (var (qty, hour) in new[] { (4, 7), (2, 8), (9, 9) })
        {
            var id = await NewTransferAsync(app, "WH", "S1", (product, qty));
            await MoveAsync("transfers", id, Utc(12, hour));
            ids.Add(id);
        }
        var other = await NewTransferAsync(app, "WH", "S2", (product, 1));
        await MoveAsync("transfers", other, Utc(13, 8));
        await using var db = app.Db();
        var numbers = await db.Transfers.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Number);

        var (content, name) = await app.AsAsync(AdminUser, sp => sp.GetRequiredService<ExportTransfers>().HandleAsync(
            new ListTransfers.Input { From = new(2020, 3, 12), To = new(2020, 3, 12), Sort = "quantity" }, default));

        Assert.StartsWith("peremeshcheniya-", name);
        Assert.Equal([numbers[ids[1]], numbers[ids[0]], numbers[ids[2]]], Numbers(content));
    }

    [Fact]
    public async Task Stocktakes_export_holds_the_filtered_stocktakes_sorted_by_number_descending()
    {
        var ids = new List<long>();
        foreach (var (code, hour) in new[] { ("WH", 7), ("S1", 8), ("S2", 9) })
        {
            var id = await StocktakeTestKit.NewStocktakeAsync(app, code);
            await MoveAsync("stocktakes", id, Utc(14, hour));
            ids.Add(id);
        }
        await using var db = app.Db();
        var numbers = await db.Set<Stocktake>().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Number).Select(s => s.Number).ToListAsync();

        var (content, name) = await app.AsAsync(AdminUser, sp => sp.GetRequiredService<ExportStocktakes>().HandleAsync(
            new ListStocktakes.Input { From = new(2020, 3, 14), To = new(2020, 3, 14), Sort = "-number" }, default));

        Assert.StartsWith("inventarizatsii-", name);
        Assert.Equal(Enumerable.Reverse(numbers), Numbers(content));
    }

    [Fact]
    public async Task Write_off_list_export_holds_the_filtered_write_offs_sorted_by_quantity()
    {
        var product = (await ProductAsync(app, 3)).Id;
        var ids = new List<long>();
        foreach (var (qty, reason) in new[] { (3, WriteOffReason.Damage), (7, WriteOffReason.Damage), (1, WriteOffReason.Damage), (50, WriteOffReason.Expiry) })
        {
            var id = await WriteOffTestKit.NewWriteOffAsync(app, "WH", reason, false, AdminUser, (product, qty));
            await MoveAsync("write_offs", id, Utc(15, 7 + ids.Count));
            ids.Add(id);
        }
        await using var db = app.Db();
        var numbers = await db.WriteOffs.Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Number);

        var (content, name) = await app.AsAsync(AdminUser, sp => sp.GetRequiredService<ExportWriteOffList>().HandleAsync(
            new ListWriteOffs.Input { From = new(2020, 3, 15), To = new(2020, 3, 15), Reason = WriteOffReason.Damage, Sort = "-quantity" }, default));

        Assert.StartsWith("spisaniya-spisok-", name);
        // The one of another reason is left out, as on the page.
        Assert.Equal([numbers[ids[1]], numbers[ids[0]], numbers[ids[2]]], Numbers(content));
    }

    [Theory]
    [InlineData("/warehouse/receipts/export?sort=-total&Status=Draft", "prikhod-")]
    [InlineData("/warehouse/transfers/export?sort=number", "peremeshcheniya-")]
    [InlineData("/warehouse/stocktakes/export?sort=-date", "inventarizatsii-")]
    [InlineData("/warehouse/writeoffs/export?sort=cost", "spisaniya-spisok-")]
    public async Task Each_export_link_downloads_a_workbook(string url, string prefix)
    {
        var client = await app.ClientAsync(StorekeeperUser);
        var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExcelSheetWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(prefix, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var wb = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Equal("Номер", wb.Worksheet(1).Cell(ExcelSheetWriter.HeaderRow, 1).GetString());
    }
}
