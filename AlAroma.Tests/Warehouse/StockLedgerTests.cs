using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Warehouse;

/// <summary>
/// StockLedger itself (own class: a fresh database, the demo chain's 10 of each product at each shop): lines of one
/// product merged, the ledger row beside each balance, shortages, and the fixed lock order that keeps two documents
/// touching the same products in opposite orders from deadlocking.
/// </summary>
public class StockLedgerTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTime At = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    private async Task<IReadOnlyList<StockMovement>> ApplyAsync(params StockChange[] changes)
    {
        await using var db = app.Db();
        await using var tx = await db.Database.BeginTransactionAsync();
        var rows = await StockLedger.ApplyAsync(db, changes, MovementKind.Correction, "КОР-1", 42, At, "storekeeper", Ct);
        await tx.CommitAsync();
        return rows;
    }

    [Fact]
    public async Task Two_lines_of_one_product_are_received_as_their_sum_in_one_ledger_row()
    {
        var s1 = await LocationIdAsync(app, "S1");
        var p = (await ProductAsync(app, 1)).Id;

        var row = Assert.Single(await ApplyAsync(new StockChange(s1, p, 5), new StockChange(s1, p, 3)));

        Assert.Equal(18, await BalanceAsync(app, s1, p)); // 10 + 5 + 3
        Assert.Equal((s1, p, 8, 18), (row.LocationId, row.ProductId, row.Quantity, row.BalanceAfter));
        Assert.Equal((MovementKind.Correction, "КОР-1", 42L, At, "storekeeper"), (row.Kind, row.DocumentNumber, row.DocumentId, row.OccurredAtUtc, row.UserName));
        await AssertInvariantAsync(app);
    }

    [Fact]
    public async Task An_issue_and_a_receipt_of_the_same_product_are_netted_before_the_stock_check()
    {
        var s1 = await LocationIdAsync(app, "S1");
        var p = (await ProductAsync(app, 2)).Id;

        var row = Assert.Single(await ApplyAsync(new StockChange(s1, p, -12), new StockChange(s1, p, 4))); // 10 on hand: −12 alone is short
        Assert.Equal((-8, 2), (row.Quantity, row.BalanceAfter));
        Assert.Empty(await ApplyAsync(new StockChange(s1, p, 3), new StockChange(s1, p, -3))); // nets to nothing: no ledger row
        Assert.Equal(2, await BalanceAsync(app, s1, p));
        await AssertInvariantAsync(app);
    }

    [Fact]
    public async Task Rows_are_written_in_location_then_product_order_whatever_the_document_order()
    {
        var s1 = await LocationIdAsync(app, "S1");
        var s2 = await LocationIdAsync(app, "S2");
        var (lo, hi) = (Math.Min(s1, s2), Math.Max(s1, s2));
        var a = (await ProductAsync(app, 3)).Id;
        var b = (await ProductAsync(app, 4)).Id;

        var rows = await ApplyAsync(new StockChange(hi, b, 1), new StockChange(hi, a, 1), new StockChange(lo, b, 1), new StockChange(lo, a, 1));
        Assert.Equal([(lo, a), (lo, b), (hi, a), (hi, b)], rows.Select(r => (r.LocationId, r.ProductId)));
    }

    [Fact]
    public async Task A_shortage_names_the_product_and_what_is_on_hand_and_moves_nothing()
    {
        var s1 = await LocationIdAsync(app, "S1");
        var (p, _, name) = await ProductAsync(app, 5);
        var other = (await ProductAsync(app, 6)).Id;

        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => ApplyAsync(new StockChange(s1, other, -1), new StockChange(s1, p, -11)));
        Assert.Contains($"«{name}»", e.Message);
        Assert.Contains("в наличии 10 шт., требуется 11 шт.", e.Message);
        Assert.Equal((10, 10), (await BalanceAsync(app, s1, p), await BalanceAsync(app, s1, other)));
        Assert.Equal(0, (await ApplyAsync(new StockChange(s1, p, -10))).Single().BalanceAfter); // all of it may go
    }

    [Fact]
    public async Task A_shortage_names_the_location_it_happens_at_and_that_location_s_own_balance()
    {
        var s2 = await LocationIdAsync(app, "S2");
        var p = (await ProductAsync(app, 7)).Id;
        await ApplyAsync(new StockChange(s2, p, 5)); // 15 here, 10 of it at the other shops

        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => ApplyAsync(new StockChange(s2, p, -16)));
        await using var db = app.Db();
        var shop = await db.Locations.Where(l => l.Id == s2).Select(l => l.Name).SingleAsync();
        Assert.Contains($"в «{shop}»: в наличии 15 шт., требуется 16 шт.", e.Message);
    }

    [Fact]
    public async Task Outside_a_transaction_nothing_is_written()
    {
        var s1 = await LocationIdAsync(app, "S1");
        await using var db = app.Db();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StockLedger.ApplyAsync(db, [new StockChange(s1, 1, 1)], MovementKind.Correction, "КОР-2", 1, At, null, Ct));
    }

    /// <summary>
    /// Document 1 holds the lower row and then wants the higher one; document 2 lists the two the other way round.
    /// Locking in a fixed order makes document 2 wait at the lower row holding nothing, so both finish; locking in
    /// document order would have it hold the higher row and PostgreSQL would abort one of them as a deadlock.
    /// </summary>
    [Theory]
    [InlineData(false)] // two products at one shop
    [InlineData(true)]  // one product at two shops
    public async Task Two_documents_listing_the_same_rows_in_opposite_orders_both_go_through(bool acrossLocations)
    {
        var s1 = await LocationIdAsync(app, "S1");
        var s2 = await LocationIdAsync(app, "S2");
        var a = (await ProductAsync(app, acrossLocations ? 8 : 9)).Id;
        var b = (await ProductAsync(app, 10)).Id;
        StockChange lower, higher;
        if (acrossLocations) (lower, higher) = (new StockChange(Math.Min(s1, s2), a, -1), new StockChange(Math.Max(s1, s2), a, -1));
        else (lower, higher) = (new StockChange(s1, Math.Min(a, b), -1), new StockChange(s1, Math.Max(a, b), -1));

        await using var db1 = app.Db();
        await using var tx1 = await db1.Database.BeginTransactionAsync();
        await StockLedger.ApplyAsync(db1, [lower], MovementKind.Sale, "Д-1", 1, At, null, Ct);

        var second = Task.Run(async () =>
        {
            await using var db2 = app.Db();
            await using var tx2 = await db2.Database.BeginTransactionAsync();
            await StockLedger.ApplyAsync(db2, [higher, lower], MovementKind.Sale, "Д-2", 2, At, null, Ct);
            await tx2.CommitAsync();
        });
        await WaitUntilABackendWaitsForALockAsync(second);

        await StockLedger.ApplyAsync(db1, [higher], MovementKind.Sale, "Д-1", 1, At, null, Ct);
        await tx1.CommitAsync();
        await second.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((8, 8), (await BalanceAsync(app, lower.LocationId, lower.ProductId), await BalanceAsync(app, higher.LocationId, higher.ProductId)));
        await AssertInvariantAsync(app);
    }

    private async Task WaitUntilABackendWaitsForALockAsync(Task other)
    {
        await using var probe = app.Db();
        for (var i = 0; i < 200 && !other.IsCompleted; i++)
        {
            var waiting = await probe.Database.SqlQuery<int>(
                $"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()").SingleAsync();
            if (waiting > 0) return;
            await Task.Delay(50);
        }
        if (other.IsCompleted) await other; // surfaces its exception
        Assert.Fail("the second document never waited for the first one's row lock");
    }
}
