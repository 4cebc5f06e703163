using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Features.Warehouse.Stocktakes;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.Stocktakes.StocktakeTestKit;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Warehouse.Stocktakes;

/// <summary>Stocktakes through their handlers on a real database: concurrent counters, trading during the count, scope, posting.</summary>
public class StocktakeTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<List<(int Id, string Barcode, string Name)>> BrandAsync(string brand)
    {
        await using var db = app.Db();
        return (await db.Products.Include(p => p.Barcodes).Where(p => p.Brand == brand).OrderBy(p => p.Id).ToListAsync())
            .Select(p => (p.Id, p.Barcodes.OrderBy(b => b.Id).First().Code, p.Name)).ToList();
    }

    private Task<GetStocktakeReview.Model> ReviewAsync(long id) =>
        AsAsync(app, ManagerUser, async sp => (await sp.GetRequiredService<GetStocktakeReview>().HandleAsync(id, default))!);

    private Task SubmitAsync(long id, string email = StorekeeperUser) =>
        AsAsync(app, email, sp => sp.GetRequiredService<SubmitStocktake>().HandleAsync(id, default));

    private Task PostAsync(long id) => AsAsync(app, ManagerUser, sp => sp.GetRequiredService<PostStocktake>().HandleAsync(id, default));

    private Task ExcludeAsync(long id, int productId) =>
        AsAsync(app, ManagerUser, sp => sp.GetRequiredService<ExcludeStocktakeProduct>().HandleAsync(id, productId, true, default));

    [Fact]
    public async Task Two_counters_scanning_the_same_product_at_once_both_keep_their_counts()
    {
        var wh = await LocationIdAsync(app, "WH");
        var p = (await BrandAsync("Versace"))[0];
        await SetBalanceAsync(app, wh, p.Id, 23);
        var id = await NewStocktakeAsync(app, "WH", StocktakeScope.Brands, ["Versace"]);

        // Both start on a product nobody has counted yet: the first count creates the line, exactly once.
        await Task.WhenAll(
            Task.Run(() => ScanAsync(app, id, p.Barcode, 15, StorekeeperUser)),
            Task.Run(() => ScanAsync(app, id, p.Barcode, 15, ManagerUser)),
            Task.Run(() => AsAsync(app, AdminUser, sp => sp.GetRequiredService<RecordCount>().AddAsync(id, p.Id, 4, default))));

        await using var db = app.Db();
        var entries = await db.Set<StocktakeEntry>().Where(e => e.StocktakeId == id).ToListAsync();
        Assert.Equal(31, entries.Count);
        Assert.Equal(15, entries.Where(e => e.CountedBy == StorekeeperUser).Sum(e => e.Quantity));
        Assert.Equal(15, entries.Where(e => e.CountedBy == ManagerUser).Sum(e => e.Quantity));
        Assert.Equal(4, entries.Where(e => e.CountedBy == AdminUser).Sum(e => e.Quantity));
        var line = Assert.Single(await db.Set<StocktakeLine>().Where(l => l.StocktakeId == id).ToListAsync());
        Assert.Equal(23, line.BookQuantity);
        Assert.Equal(await db.StockMovements.Where(m => m.LocationId == wh && m.ProductId == p.Id).MaxAsync(m => m.Id), line.SnapshotMovementId);

        // A counter corrects only their own count; the others' stay.
        var page = await AsAsync(app, ManagerUser, sp => sp.GetRequiredService<RecordCount>().SetMineAsync(id, p.Id, 12, default));
        var counted = Assert.Single(page.Lines);
        Assert.Equal(12, counted.Mine);
        Assert.Equal(31, counted.Total);
        Assert.Equal(3, counted.Counters.Count);
        await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync(app, ManagerUser, sp => sp.GetRequiredService<RecordCount>().SetMineAsync(id, p.Id, -1, default)));
    }

    [Fact]
    public async Task A_sale_between_counting_and_posting_stays_sold_and_the_balance_ends_at_count_minus_sold()
    {
        var s1 = await LocationIdAsync(app, "S1");
        var dior = await BrandAsync("Dior");
        var p = dior[0];
        await SetBalanceAsync(app, s1, p.Id, 10);
        var id = await NewStocktakeAsync(app, "S1", StocktakeScope.Brands, ["Dior"]);

        await ScanAsync(app, id, p.Barcode, 7);           // 7 on the shelf, 10 on the books
        await SellAtS1Async(app, p.Id, 2);                 // the shop keeps selling: shelf 5, books 8
        Assert.Equal(8, await BalanceAsync(app, s1, p.Id));
        await SubmitAsync(id);

        var review = await ReviewAsync(id);
        var row = review.Rows.Single(r => r.ProductId == p.Id);
        Assert.Equal((ReviewState.Counted, 10, 7, -3), (row.State, row.Book, row.Counted, row.Difference));
        Assert.Equal(StocktakeRules.Value(-3, row.UnitCost), row.DifferenceSum);
        Assert.All(dior.Skip(1), d => Assert.Equal(ReviewState.NotCounted, review.Rows.Single(r => r.ProductId == d.Id).State));
        var others = new Dictionary<int, int>();
        foreach (var d in dior.Skip(1))
        {
            others[d.Id] = await BalanceAsync(app, s1, d.Id);
            await ExcludeAsync(id, d.Id);
        }

        await PostAsync(id);

        Assert.Equal(5, await BalanceAsync(app, s1, p.Id));
        foreach (var (productId, before) in others) Assert.Equal(before, await BalanceAsync(app, s1, productId));
        await using var db = app.Db();
        var movement = Assert.Single(await db.StockMovements.Where(m => m.DocumentId == id && m.Kind == MovementKind.StocktakeAdjustment).ToListAsync());
        Assert.Equal((p.Id, -3, 5), (movement.ProductId, movement.Quantity, movement.BalanceAfter));
        Assert.Equal(StocktakeStatus.Posted, (await db.Set<Stocktake>().SingleAsync(s => s.Id == id)).Status);
        var posted = await ReviewAsync(id);
        Assert.Equal((10, 7, -3), (posted.Rows.Single(r => r.ProductId == p.Id).Book, posted.Rows.Single(r => r.ProductId == p.Id).Counted, posted.Rows.Single(r => r.ProductId == p.Id).Difference));
        await AssertInvariantAsync(app);
    }

    [Fact]
    public async Task A_partial_stocktake_by_brand_counts_only_that_brand_and_writes_off_what_was_not_counted()
    {
        var wh = await LocationIdAsync(app, "WH");
        var chanel = await BrandAsync("Chanel");
        var dior = (await BrandAsync("Dior"))[0];
        foreach (var c in chanel) await SetBalanceAsync(app, wh, c.Id, 20);
        var diorBefore = await BalanceAsync(app, wh, dior.Id);
        var id = await NewStocktakeAsync(app, "WH", StocktakeScope.Brands, ["Chanel"]);

        var outOfScope = await Assert.ThrowsAsync<BusinessRuleException>(() => ScanAsync(app, id, dior.Barcode));
        Assert.Contains("не входит в эту инвентаризацию", outOfScope.Message);
        await ScanAsync(app, id, chanel[0].Barcode, 22);  // 2 more than on the books
        await AsAsync(app, StorekeeperUser, sp => sp.GetRequiredService<RecordCount>().AddAsync(id, chanel[1].Id, 19, default));
        // chanel[2] is never counted: it counts as 0.
        var sheet = await AsAsync(app, StorekeeperUser, async sp => (await sp.GetRequiredService<GetCountSheet>().HandleAsync(id, default))!);
        Assert.Equal(chanel.Select(c => c.Name).Order(), sheet.Rows.Select(r => r.Name).Order());
        await SubmitAsync(id);

        var review = await ReviewAsync(id);
        Assert.Equal(chanel.Select(c => c.Id).Order(), review.Rows.Select(r => r.ProductId).Order());
        Assert.Equal((2, 21), (review.SurplusUnits, review.ShortageUnits));
        await PostAsync(id);

        Assert.Equal(22, await BalanceAsync(app, wh, chanel[0].Id));
        Assert.Equal(19, await BalanceAsync(app, wh, chanel[1].Id));
        Assert.Equal(0, await BalanceAsync(app, wh, chanel[2].Id));
        Assert.Equal(diorBefore, await BalanceAsync(app, wh, dior.Id));
        await using var db = app.Db();
        Assert.Equal(3, await db.StockMovements.CountAsync(m => m.DocumentId == id && m.Kind == MovementKind.StocktakeAdjustment));
        var uncountedLine = await db.Set<StocktakeLine>().SingleAsync(l => l.StocktakeId == id && l.ProductId == chanel[2].Id);
        Assert.Equal((20, 0, (DateTime?)null), (uncountedLine.BookQuantity, uncountedLine.CountedQuantity, uncountedLine.FirstCountedAtUtc));
        await AssertInvariantAsync(app);
    }

    [Fact]
    public async Task Posting_refuses_a_shortage_larger_than_what_is_on_hand_and_changes_nothing()
    {
        var s1 = await LocationIdAsync(app, "S1");
        var p = (await BrandAsync("Hugo Boss"))[0];
        await SetBalanceAsync(app, s1, p.Id, 5);
        var id = await NewStocktakeAsync(app, "S1", StocktakeScope.Brands, ["Hugo Boss"]);
        await ScanAsync(app, id, p.Barcode, 2);
        await SellAtS1Async(app, p.Id, 4);                 // more left than was counted: the count was wrong
        await SubmitAsync(id);

        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => PostAsync(id));
        Assert.Contains("Провести нельзя", e.Message);
        Assert.Contains(p.Name, e.Message);
        Assert.Equal(1, await BalanceAsync(app, s1, p.Id));
        await using var db = app.Db();
        Assert.Equal(StocktakeStatus.Review, (await db.Set<Stocktake>().SingleAsync(s => s.Id == id)).Status);
        Assert.False(await db.StockMovements.AnyAsync(m => m.DocumentId == id && m.Kind == MovementKind.StocktakeAdjustment));
        Assert.False(await db.Set<StocktakeLine>().AnyAsync(l => l.StocktakeId == id && l.CountedQuantity != null));

        // Sent back, the counter corrects the miscount (there were 4 when counted), and it posts: 1 + (4 − 5) = 0.
        await AsAsync(app, ManagerUser, sp => sp.GetRequiredService<ReopenStocktake>().HandleAsync(id, default));
        await AsAsync(app, StorekeeperUser, sp => sp.GetRequiredService<RecordCount>().SetMineAsync(id, p.Id, 4, default));
        await SubmitAsync(id);
        await PostAsync(id);
        Assert.Equal(0, await BalanceAsync(app, s1, p.Id));
        await AssertInvariantAsync(app);
    }

    [Fact]
    public async Task Counting_closes_with_the_review_and_a_location_has_one_open_stocktake()
    {
        var p = (await BrandAsync("Kenzo"))[0];
        var id = await NewStocktakeAsync(app, "S2", StocktakeScope.Brands, ["Kenzo"]);
        var empty = await Assert.ThrowsAsync<BusinessRuleException>(() => SubmitAsync(id));
        Assert.Contains("Ничего не посчитано", empty.Message);
        var second = await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync(app, StorekeeperUser, async sp =>
            await sp.GetRequiredService<CreateStocktake>().HandleAsync(new CreateStocktake.Input { LocationId = await LocationIdAsync(app, "S2") }, default)));
        Assert.Contains("уже идёт инвентаризация", second.Message);

        await ScanAsync(app, id, p.Barcode);
        await SubmitAsync(id);
        var late = await Assert.ThrowsAsync<BusinessRuleException>(() => ScanAsync(app, id, p.Barcode));
        Assert.Contains("уже закрыт", late.Message);

        // A storekeeper bound to S1 may neither see nor count a stocktake of S2.
        await app.EnsureStorekeeperS1Async();
        Assert.Null(await AsAsync(app, StorekeeperS1User, sp => sp.GetRequiredService<GetCounting>().HandleAsync(id, default)));
        await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync(app, StorekeeperS1User, sp => sp.GetRequiredService<CancelStocktake>().HandleAsync(id, default)));
        await AsAsync(app, StorekeeperUser, sp => sp.GetRequiredService<CancelStocktake>().HandleAsync(id, default));
    }
}
