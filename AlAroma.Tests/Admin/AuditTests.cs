using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Admin;

public sealed class AuditTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_price_change_is_audited_with_old_and_new_values_and_the_new_rows_real_key()
    {
        int productId;
        using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var p = await db.Products.FirstAsync(x => x.Sku == "AA-0001");
            productId = p.Id;
            p.SetPrice(19990m, DateTime.UtcNow, "test");
            await db.SaveChangesAsync();
        }
        await using var check = app.Db();
        var update = await check.AuditEntries.Where(a => a.Entity == "Product" && a.Key == productId.ToString() && a.Action == "Update")
            .OrderByDescending(a => a.Id).FirstAsync();
        Assert.Contains("18990", update.OldValues);
        Assert.Contains("19990", update.NewValues);
        Assert.DoesNotContain("Name", update.NewValues); // only what changed

        var history = await check.PriceChanges.Where(c => c.ProductId == productId).OrderByDescending(c => c.Id).FirstAsync();
        var created = await check.AuditEntries.SingleAsync(a => a.Entity == "PriceChange" && a.Key == history.Id.ToString());
        Assert.Equal("Create", created.Action);
    }

    [Fact]
    public async Task A_rolled_back_change_leaves_no_audit_entry()
    {
        var before = await CountAsync();
        using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var p = await db.Products.FirstAsync(x => x.Sku == "AA-0002");
            p.Name = "Временное имя";
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        Assert.Equal(before, await CountAsync());
        await using var check = app.Db();
        Assert.NotEqual("Временное имя", (await check.Products.FirstAsync(x => x.Sku == "AA-0002")).Name);
    }

    [Fact]
    public async Task Saves_inside_a_transaction_are_audited_at_commit_and_a_transaction_dropped_unfinished_leaves_nothing()
    {
        var before = await CountAsync();
        using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                (await db.Products.FirstAsync(x => x.Sku == "AA-0003")).Notes = "первая запись";
                await db.SaveChangesAsync();
                (await db.Products.FirstAsync(x => x.Sku == "AA-0004")).Notes = "вторая запись";
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            }
            Assert.Equal(before + 2, await CountAsync());

            // Disposed without commit (an exception in the caller): neither the change nor its audit; the next save
            // in the same scope writes only its own row.
            await using (await db.Database.BeginTransactionAsync())
            {
                (await db.Products.FirstAsync(x => x.Sku == "AA-0005")).Notes = "не сохранится";
                await db.SaveChangesAsync();
            }
            db.ChangeTracker.Clear();
            (await db.Products.FirstAsync(x => x.Sku == "AA-0006")).Notes = "сохранится";
            await db.SaveChangesAsync();
        }
        Assert.Equal(before + 3, await CountAsync());
        await using var check = app.Db();
        Assert.NotEqual("не сохранится", (await check.Products.FirstAsync(x => x.Sku == "AA-0005")).Notes);
    }

    [Fact]
    public async Task A_failed_save_writes_neither_the_change_nor_its_audit()
    {
        var before = await CountAsync();
        using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var existing = await db.Barcodes.FirstAsync();
            db.Barcodes.Add(new Barcode { ProductId = existing.ProductId, Code = existing.Code }); // unique violation
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_admin_exports_the_filtered_log_to_Excel_and_a_manager_may_not()
    {
        var admin = await app.ClientAsync("admin@alaroma.local");
        var resp = await admin.GetAsync("/admin/audit/export.xlsx?Entity=Location");
        Assert.Equal(System.Net.HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal(AlAroma.Web.Infrastructure.Excel.ExcelSheetWriter.ContentType, resp.Content.Headers.ContentType?.MediaType);
        using var wb = new ClosedXML.Excel.XLWorkbook(await resp.Content.ReadAsStreamAsync());
        var ws = wb.Worksheet("Аудит");
        var entities = ws.Column(5).CellsUsed().Skip(1).Select(c => c.GetString()).ToList();
        Assert.Equal(3, entities.Count(e => e.StartsWith("Точка #"))); // the demo chain's warehouse and two shops, in Russian
        Assert.DoesNotContain(entities, e => e.StartsWith("Товар"));
        // The changes in people's words, not JSON: a created shop shows its Russian field names and values.
        var changes = ws.Column(6).CellsUsed().Skip(1).Select(c => c.GetString()).ToList();
        Assert.All(changes, c => Assert.DoesNotContain("{\"", c));
        Assert.Contains(changes, c => c.Contains("Магазин"));

        var manager = await app.ClientAsync("manager@alaroma.local");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await manager.GetAsync("/admin/audit/export.xlsx")).StatusCode);
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.Db();
        return await db.AuditEntries.CountAsync();
    }
}
