using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Warehouse.WriteOffs;
using AlAroma.Web.Features.Warehouse.Stocks;
using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Infrastructure;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;
using static AlAroma.Tests.Warehouse.WriteOffTestKit;

namespace AlAroma.Tests.Warehouse;

/// <summary>Write-offs on a real database: draft → submit → approve (stock leaves) or reject (nothing moves), rights, shortage, pages, Excel.</summary>
public class WriteOffTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public void Header_rules_need_a_reason_and_a_comment_for_other()
    {
        Assert.NotNull(WriteOff.HeaderError(null, null));
        Assert.Contains("Другое", WriteOff.HeaderError(WriteOffReason.Other, " "));
        Assert.Null(WriteOff.HeaderError(WriteOffReason.Other, "упал с полки"));
        Assert.Null(WriteOff.HeaderError(WriteOffReason.Damage, null));
        var w = new WriteOff { Status = WriteOffStatus.Draft };
        Assert.Throws<BusinessRuleException>(() => w.Submit(DateTime.UtcNow, "x"));   // no lines
        Assert.Throws<BusinessRuleException>(() => w.AddLine(1, 0));
        w.AddLine(1, 2);
        w.AddLine(1, 1);
        Assert.Equal(3, Assert.Single(w.Lines).Quantity);
        w.Submit(DateTime.UtcNow, "x");
        Assert.Throws<BusinessRuleException>(() => w.AddLine(2, 1));
        Assert.Throws<BusinessRuleException>(() => w.Reject("  ", DateTime.UtcNow, "m"));
        w.Approve(new Dictionary<int, decimal> { [1] = 100.005m }, DateTime.UtcNow, "m");
        Assert.Equal(WriteOffStatus.Posted, w.Status);
        Assert.Equal(100.01m, w.Lines[0].UnitCost);
        Assert.Throws<BusinessRuleException>(() => w.Approve(new Dictionary<int, decimal>(), DateTime.UtcNow, "m"));
    }

    [Fact]
    public async Task Approval_takes_the_stock_off_in_one_go_and_keeps_the_invariant()
    {
        int wh = await LocationIdAsync(app, "WH");
        var a = await ProductAsync(app, 0);
        var b = await ProductAsync(app, 1);
        int onA = await BalanceAsync(app, wh, a.Id), onB = await BalanceAsync(app, wh, b.Id);
        var id = await NewWriteOffAsync(app, "WH", WriteOffReason.Damage, submit: true, StorekeeperUser, (a.Id, 2), (b.Id, 1));
        Assert.Equal(onA, await BalanceAsync(app, wh, a.Id));   // submitting moves nothing

        var number = await app.AsAsync(ManagerUser, sp => sp.GetRequiredService<ApproveWriteOff>().HandleAsync(id, Ct));
        Assert.Matches($@"^СП-{DateTime.UtcNow.Year}-\d{{6}}$", number);
        Assert.Equal(onA - 2, await BalanceAsync(app, wh, a.Id));
        Assert.Equal(onB - 1, await BalanceAsync(app, wh, b.Id));
        await using var db = app.Db();
        var doc = await db.WriteOffs.Include(w => w.Lines).SingleAsync(w => w.Id == id);
        Assert.Equal(WriteOffStatus.Posted, doc.Status);
        Assert.Equal(ManagerUser, doc.DecidedBy);
        Assert.All(doc.Lines, l => Assert.True(l.UnitCost > 0));
        var moves = await db.StockMovements.Where(m => m.DocumentId == id && m.DocumentNumber == number).ToListAsync();
        Assert.Equal(2, moves.Count);
        Assert.All(moves, m => Assert.Equal(MovementKind.WriteOff, m.Kind));
        Assert.Equal(-3, moves.Sum(m => m.Quantity));
        Assert.Empty(await StockInvariant.FindMismatchesAsync(db, Ct));

        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(ManagerUser, sp => sp.GetRequiredService<ApproveWriteOff>().HandleAsync(id, Ct)));
        Assert.Equal(onA - 2, await BalanceAsync(app, wh, a.Id));   // approved once only
    }

    [Fact]
    public async Task A_storekeeper_cannot_approve_or_reject()
    {
        int wh = await LocationIdAsync(app, "WH");
        var a = await ProductAsync(app, 2);
        var on = await BalanceAsync(app, wh, a.Id);
        var id = await NewWriteOffAsync(app, "WH", WriteOffReason.Expiry, submit: true, StorekeeperUser, (a.Id, 1));

        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(StorekeeperUser, sp => sp.GetRequiredService<ApproveWriteOff>().HandleAsync(id, Ct)));
        Assert.Contains("менеджер", e.Message);
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(StorekeeperUser, sp => sp.GetRequiredService<RejectWriteOff>().HandleAsync(id, "нет", Ct)));

        // Through the screen: the page offers no approval, and a forged post is refused with a toast.
        var client = await app.ClientAsync(StorekeeperUser);
        var page = $"/warehouse/writeoffs/{id}";
        var html = await client.GetStringAsync(page);
        Assert.DoesNotContain($"action=\"{page}/approve\"", html);
        var resp = await HtmxPostAsync(client, page, $"{page}/approve", []);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Contains("может только менеджер или администратор", Regex.Unescape(string.Join("", resp.Headers.GetValues("HX-Trigger"))));

        Assert.Equal(on, await BalanceAsync(app, wh, a.Id));
        await using var db = app.Db();
        Assert.Equal(WriteOffStatus.Submitted, (await db.WriteOffs.SingleAsync(w => w.Id == id)).Status);
    }

    [Fact]
    public async Task A_rejected_write_off_moves_nothing_and_shows_the_reason()
    {
        int s1 = await LocationIdAsync(app, "S1");
        var a = await ProductAsync(app, 3);
        var on = await BalanceAsync(app, s1, a.Id);
        var id = await NewWriteOffAsync(app, "S1", WriteOffReason.Theft, submit: true, StorekeeperUser, (a.Id, 1));

        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(ManagerUser, sp => sp.GetRequiredService<RejectWriteOff>().HandleAsync(id, " ", Ct)));
        await app.AsAsync(ManagerUser, sp => sp.GetRequiredService<RejectWriteOff>().HandleAsync(id, "Пересчитайте полку", Ct));
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(ManagerUser, sp => sp.GetRequiredService<ApproveWriteOff>().HandleAsync(id, Ct)));

        Assert.Equal(on, await BalanceAsync(app, s1, a.Id));
        await using var db = app.Db();
        Assert.False(await db.StockMovements.AnyAsync(m => m.Kind == MovementKind.WriteOff && m.DocumentId == id));
        var client = await app.ClientAsync(StorekeeperUser);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/warehouse/writeoffs/{id}"));
        Assert.Contains("Отклонено", html);
        Assert.Contains("Пересчитайте полку", html);
    }

    [Fact]
    public async Task A_shortage_refuses_the_approval_and_nothing_moves()
    {
        int s2 = await LocationIdAsync(app, "S2");
        var a = await ProductAsync(app, 4);
        var b = await ProductAsync(app, 5);
        int onA = await BalanceAsync(app, s2, a.Id), onB = await BalanceAsync(app, s2, b.Id);
        var id = await NewWriteOffAsync(app, "S2", WriteOffReason.Damage, submit: true, StorekeeperUser, (a.Id, 1), (b.Id, onB + 1));

        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(ManagerUser, sp => sp.GetRequiredService<ApproveWriteOff>().HandleAsync(id, Ct)));
        Assert.Contains(b.Name, e.Message);
        Assert.Contains($"в наличии {onB} шт.", e.Message);
        Assert.Equal(onA, await BalanceAsync(app, s2, a.Id));
        Assert.Equal(onB, await BalanceAsync(app, s2, b.Id));
        await using var db = app.Db();
        Assert.Equal(WriteOffStatus.Submitted, (await db.WriteOffs.SingleAsync(w => w.Id == id)).Status);
        Assert.Empty(await StockInvariant.FindMismatchesAsync(db, Ct));
    }

    [Fact]
    public async Task A_storekeeper_of_one_shop_drafts_only_there()
    {
        await app.EnsureStorekeeperS1Async();
        var a = await ProductAsync(app, 6);
        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => NewWriteOffAsync(app, "WH", WriteOffReason.Damage, false, StorekeeperS1User, (a.Id, 1)));
        Assert.Contains("Центральный склад", e.Message);
        var other = await NewWriteOffAsync(app, "S2", WriteOffReason.Damage, false, StorekeeperUser, (a.Id, 1));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync(StorekeeperS1User)).GetAsync($"/warehouse/writeoffs/{other}")).StatusCode);
    }

    [Fact]
    public async Task The_whole_flow_through_the_screens_and_the_excel_by_reason()
    {
        int wh = await LocationIdAsync(app, "WH");
        var p = await ProductAsync(app, 7);
        var on = await BalanceAsync(app, wh, p.Id);
        var keeper = await app.ClientAsync(StorekeeperUser);

        var invalid = await FormPostAsync(keeper, "/warehouse/writeoffs/new", "/warehouse/writeoffs/new", new() { ["LocationId"] = wh.ToString(), ["Reason"] = "Other" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("опишите в комментарии", WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync()));

        var created = await FormPostAsync(keeper, "/warehouse/writeoffs/new", "/warehouse/writeoffs/new", new() { ["LocationId"] = wh.ToString(), ["Reason"] = "Tester" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        var id = long.Parse(Regex.Match(url, @"/warehouse/writeoffs/(\d+)$").Groups[1].Value);
        var scan = await HtmxPostAsync(keeper, url, $"{url}/scan", new() { ["barcode"] = p.Barcode });
        Assert.Contains(p.Name, WebUtility.HtmlDecode(await scan.Content.ReadAsStringAsync()));
        var hits = WebUtility.HtmlDecode(await keeper.GetStringAsync($"{url}/products?q={Uri.EscapeDataString(p.Name)}"));
        Assert.Contains($"/warehouse/writeoffs/{id}/lines", hits);
        Assert.Equal(HttpStatusCode.Redirect, (await FormPostAsync(keeper, url, $"{url}/submit")).StatusCode);
        Assert.Contains("На утверждении", WebUtility.HtmlDecode(await keeper.GetStringAsync(url)));

        var manager = await app.ClientAsync(ManagerUser);
        Assert.Equal(HttpStatusCode.Redirect, (await FormPostAsync(manager, url, $"{url}/approve")).StatusCode);
        Assert.Equal(on - 1, await BalanceAsync(app, wh, p.Id));
        var html = WebUtility.HtmlDecode(await manager.GetStringAsync(url));
        Assert.Contains("Проведено", html);
        Assert.Contains("Тестер", WebUtility.HtmlDecode(await manager.GetStringAsync($"{url}/print")));
        Assert.Contains(url, await manager.GetStringAsync("/warehouse/writeoffs?Reason=Tester&Status=Posted"));

        var resp = await manager.GetAsync($"/warehouse/writeoffs/export.xlsx?From={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}&To={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal(ExcelSheetWriter.ContentType, resp.Content.Headers.ContentType!.MediaType);
        using var wb = new XLWorkbook(new MemoryStream(await resp.Content.ReadAsByteArrayAsync()));
        var ws = wb.Worksheet("По причинам");
        var h = ExcelSheetWriter.HeaderRow;
        Assert.Equal("Причина", ws.Cell(h, 1).GetString());
        var testerRow = Enumerable.Range(h + 1, 5).Single(r => ws.Cell(r, 1).GetString() == "Тестер");
        await using var db = app.Db();
        var expectedUnits = await db.WriteOffs.Where(w => w.Status == WriteOffStatus.Posted && w.Reason == WriteOffReason.Tester).SelectMany(w => w.Lines).SumAsync(l => l.Quantity);
        Assert.Equal(expectedUnits, ws.Cell(testerRow, 3).GetValue<int>());
        Assert.Equal(ExcelSheetWriter.TotalLabel, ws.Cell(h + 6, 1).GetString());
        Assert.Contains(wb.Worksheet("Строки").RangeUsed()!.CellsUsed(), c => c.GetString() == p.Name);
    }
}
