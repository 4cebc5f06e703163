using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Warehouse;

/// <summary>Goods receipts through the handlers on a real database: lines, posting, cost, cancelling, location rights.</summary>
public class GoodsReceiptTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Posting_adds_stock_and_ledger_rows_and_keeps_the_invariant()
    {
        var wh = await LocationIdAsync(app, "WH");
        var a = await ProductAsync(app, 0);
        var b = await ProductAsync(app, 1);
        var beforeA = await BalanceAsync(app, wh, a.Id);
        var beforeB = await BalanceAsync(app, wh, b.Id);
        var id = await NewGoodsReceiptAsync(app, "WH");

        var doc = await app.AsAsync(StorekeeperUser, async sp =>
        {
            var edit = sp.GetRequiredService<EditGoodsReceiptLines>();
            await edit.ScanAsync(id, a.Barcode, Ct);
            await edit.ScanAsync(id, a.Barcode, Ct);            // increments the same line
            return await edit.AddAsync(id, b.Id, 7, "1 234,50", Ct);
        });
        Assert.Equal(2, doc.Lines.Count);
        Assert.Equal(2, doc.Lines.Single(l => l.ProductId == a.Id).Quantity);
        Assert.Equal(1234.50m, doc.Lines.Single(l => l.ProductId == b.Id).PurchasePrice);
        Assert.Equal(beforeA, await BalanceAsync(app, wh, a.Id)); // a draft moves nothing

        var number = await app.AsAsync(StorekeeperUser, sp => sp.GetRequiredService<PostGoodsReceipt>().HandleAsync(id, Ct));

        Assert.Matches(new Regex($@"^ПР-{DateTime.UtcNow.Year}-\d{{6}}$"), number);
        Assert.Equal(beforeA + 2, await BalanceAsync(app, wh, a.Id));
        Assert.Equal(beforeB + 7, await BalanceAsync(app, wh, b.Id));
        await using var db = app.Db();
        var moves = await db.StockMovements.Where(m => m.DocumentId == id && m.Kind == MovementKind.GoodsReceipt && m.DocumentNumber == number)
            .OrderBy(m => m.ProductId).ToListAsync();
        Assert.Equal(2, moves.Count);
        Assert.Equal(2, moves.Single(m => m.ProductId == a.Id).Quantity);
        Assert.Equal(7, moves.Single(m => m.ProductId == b.Id).Quantity);
        Assert.Equal(beforeA + 2, moves.Single(m => m.ProductId == a.Id).BalanceAfter);
        var receipt = await db.GoodsReceipts.SingleAsync(r => r.Id == id);
        Assert.Equal(DocumentStatus.Posted, receipt.Status);
        Assert.Equal(StorekeeperUser, receipt.PostedBy);
        await AssertInvariantAsync(app);
    }

    [Fact]
    public async Task A_posted_receipt_is_read_only()
    {
        var p = await ProductAsync(app, 2);
        var wh = await LocationIdAsync(app, "WH");
        var id = await NewGoodsReceiptAsync(app, "WH");
        await app.AsAsync(AdminUser, async sp =>
        {
            await sp.GetRequiredService<EditGoodsReceiptLines>().AddAsync(id, p.Id, 3, "100", Ct);
            await sp.GetRequiredService<PostGoodsReceipt>().HandleAsync(id, Ct);
        });
        var after = await BalanceAsync(app, wh, p.Id);

        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(AdminUser, sp => sp.GetRequiredService<EditGoodsReceiptLines>().ScanAsync(id, p.Barcode, Ct)));
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(AdminUser, sp => sp.GetRequiredService<PostGoodsReceipt>().HandleAsync(id, Ct)));
        var cancel = await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(AdminUser, sp => sp.GetRequiredService<CancelGoodsReceipt>().HandleAsync(id, Ct)));
        Assert.Contains("только черновик", cancel.Message);

        Assert.Equal(after, await BalanceAsync(app, wh, p.Id));
        await using var db = app.Db();
        Assert.Equal(3, await db.Set<GoodsReceiptLine>().Where(l => l.GoodsReceiptId == id).SumAsync(l => l.Quantity));
        Assert.Equal(DocumentStatus.Posted, (await db.GoodsReceipts.SingleAsync(r => r.Id == id)).Status);
        await AssertInvariantAsync(app);
    }

    [Fact]
    public async Task Unknown_barcode_is_refused_clearly_and_loses_nothing()
    {
        var p = await ProductAsync(app, 3);
        var id = await NewGoodsReceiptAsync(app, "S1");
        await app.AsAsync(AdminUser, sp => sp.GetRequiredService<EditGoodsReceiptLines>().ScanAsync(id, p.Barcode, Ct));

        var e = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.AsAsync(AdminUser, sp => sp.GetRequiredService<EditGoodsReceiptLines>().ScanAsync(id, "4600000000000", Ct)));
        Assert.Contains("4600000000000", e.Message);
        Assert.Contains("не найден", e.Message);

        await using var db = app.Db();
        var lines = await db.Set<GoodsReceiptLine>().Where(l => l.GoodsReceiptId == id).ToListAsync();
        Assert.Equal(p.Id, Assert.Single(lines).ProductId);
    }

    [Fact]
    public async Task Lines_of_a_draft_can_be_changed_and_removed_and_bad_input_is_refused()
    {
        var a = await ProductAsync(app, 4);
        var b = await ProductAsync(app, 5);
        var id = await NewGoodsReceiptAsync(app, "WH");
        var doc = await app.AsAsync(AdminUser, async sp =>
        {
            var edit = sp.GetRequiredService<EditGoodsReceiptLines>();
            await edit.AddAsync(id, a.Id, 1, "10", Ct);
            return await edit.AddAsync(id, b.Id, 1, "20", Ct);
        });
        var lineA = doc.Lines.Single(l => l.ProductId == a.Id).Id;
        var lineB = doc.Lines.Single(l => l.ProductId == b.Id).Id;

        doc = await app.AsAsync(AdminUser, sp => sp.GetRequiredService<EditGoodsReceiptLines>().ChangeAsync(id, lineA, 4, "12,5", Ct));
        Assert.Equal((4, 12.50m), doc.Lines.Where(l => l.Id == lineA).Select(l => (l.Quantity, l.PurchasePrice)).Single());
        Assert.Equal(50m + 20m, doc.Total);

        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(AdminUser, sp => sp.GetRequiredService<EditGoodsReceiptLines>().ChangeAsync(id, lineA, 0, "1", Ct)));
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(AdminUser, sp => sp.GetRequiredService<EditGoodsReceiptLines>().ChangeAsync(id, lineA, 1, "-5", Ct)));
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(AdminUser, sp => sp.GetRequiredService<EditGoodsReceiptLines>().ChangeAsync(id, lineA, 1, "десять", Ct)));

        doc = await app.AsAsync(AdminUser, sp => sp.GetRequiredService<EditGoodsReceiptLines>().RemoveAsync(id, lineB, Ct));
        Assert.Equal(lineA, Assert.Single(doc.Lines).Id);
        Assert.Equal(4, doc.Lines[0].Quantity);
    }

    [Fact]
    public async Task An_empty_receipt_cannot_be_posted_and_a_draft_can_be_cancelled()
    {
        var id = await NewGoodsReceiptAsync(app, "WH");
        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(AdminUser, sp => sp.GetRequiredService<PostGoodsReceipt>().HandleAsync(id, Ct)));
        Assert.Contains("нет строк", e.Message);

        await app.AsAsync(AdminUser, sp => sp.GetRequiredService<CancelGoodsReceipt>().HandleAsync(id, Ct));
        await using var db = app.Db();
        Assert.Equal(DocumentStatus.Cancelled, (await db.GoodsReceipts.SingleAsync(r => r.Id == id)).Status);
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(AdminUser, sp => sp.GetRequiredService<PostGoodsReceipt>().HandleAsync(id, Ct)));
    }

    [Fact]
    public async Task Posting_updates_the_moving_average_cost_over_all_locations()
    {
        int productId;
        await using (var db = app.Db())
        {
            var now = DateTime.UtcNow;
            var p = new Product { Sku = "TEST-MAC-1", Name = "Тестовый аромат для себестоимости", CreatedAtUtc = now, UpdatedAtUtc = now };
            p.SetPrice(1000m, now, "test");
            db.Products.Add(p);
            await db.SaveChangesAsync();
            productId = p.Id;
        }

        async Task<decimal> Receive(string location, int qty, string price)
        {
            var id = await NewGoodsReceiptAsync(app, location);
            await app.AsAsync(AdminUser, async sp =>
            {
                await sp.GetRequiredService<EditGoodsReceiptLines>().AddAsync(id, productId, qty, price, Ct);
                await sp.GetRequiredService<PostGoodsReceipt>().HandleAsync(id, Ct);
            });
            await using var db = app.Db();
            return await db.Products.Where(p => p.Id == productId).Select(p => p.AverageCost).SingleAsync();
        }

        Assert.Equal(100.00m, await Receive("WH", 10, "100"));   // 10 @ 100 → 100
        Assert.Equal(110.00m, await Receive("S1", 5, "130"));    // (10·100 + 5·130) / 15 = 110 — WH stock counts for S1's receipt
        Assert.Equal(100.00m, await Receive("S2", 15, "90"));    // (15·110 + 15·90) / 30 = 100
        await AssertInvariantAsync(app);
    }

    [Fact]
    public async Task A_storekeeper_of_S1_cannot_post_or_open_a_receipt_at_the_warehouse()
    {
        await app.EnsureStorekeeperS1Async();
        var p = await ProductAsync(app, 6);
        var wh = await LocationIdAsync(app, "WH");
        var id = await NewGoodsReceiptAsync(app, "WH");
        await app.AsAsync(AdminUser, sp => sp.GetRequiredService<EditGoodsReceiptLines>().AddAsync(id, p.Id, 2, "50", Ct));
        var before = await BalanceAsync(app, wh, p.Id);

        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(StorekeeperS1User, sp => sp.GetRequiredService<PostGoodsReceipt>().HandleAsync(id, Ct)));
        Assert.Contains("Центральный склад", e.Message);
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(StorekeeperS1User, sp => sp.GetRequiredService<EditGoodsReceiptLines>().ScanAsync(id, p.Barcode, Ct)));
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(StorekeeperS1User, sp => sp.GetRequiredService<CreateGoodsReceipt>().HandleAsync(
            new CreateGoodsReceipt.Input { LocationId = wh, SupplierName = "X" }, Ct)));

        // Over HTTP: the document is not found for them, and the POST is refused.
        var client = await app.ClientAsync(StorekeeperS1User);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/warehouse/receipts/{id}")).StatusCode);
        var resp = await HtmxPostAsync(client, "/warehouse/receipts", $"/warehouse/receipts/{id}/post", []);
        Assert.Contains("error", string.Join("", resp.Headers.GetValues("HX-Trigger")));

        await using var db = app.Db();
        Assert.Equal(DocumentStatus.Draft, (await db.GoodsReceipts.SingleAsync(r => r.Id == id)).Status);
        Assert.Equal(before, await BalanceAsync(app, wh, p.Id));
        await AssertInvariantAsync(app);
    }

    [Fact]
    public async Task A_line_at_zero_purchase_price_posts_only_once_the_person_confirmed_it()
    {
        var wh = await LocationIdAsync(app, "WH");
        var p = await ProductAsync(app, 4);
        var before = await BalanceAsync(app, wh, p.Id);
        var id = await NewGoodsReceiptAsync(app, "WH");
        var doc = await app.AsAsync(AdminUser, sp => sp.GetRequiredService<EditGoodsReceiptLines>().AddAsync(id, p.Id, 2, "0", Ct));
        Assert.Equal(1, doc.FreeLineCount);

        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(AdminUser, sp => sp.GetRequiredService<PostGoodsReceipt>().HandleAsync(id, Ct)));
        Assert.Contains("0,00 ₽", e.Message);
        Assert.Equal(before, await BalanceAsync(app, wh, p.Id));

        await app.AsAsync(AdminUser, sp => sp.GetRequiredService<PostGoodsReceipt>().HandleAsync(id, freeLinesConfirmed: true, Ct));
        Assert.Equal(before + 2, await BalanceAsync(app, wh, p.Id));
    }
}
