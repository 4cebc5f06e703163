using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using AlAroma.Web.Features.Warehouse.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Warehouse;

/// <summary>
/// Goods receipts posted before the supplier directory (a name, no supplier) are linked to the directory by name,
/// case and spaces ignored, on <c>migrate</c>; a name without a directory supplier gets one; the printed name stays.
/// </summary>
public class LinkGoodsReceiptSuppliersTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Migrate_links_old_receipts_to_the_directory_by_name_and_adds_the_missing_suppliers_once()
    {
        var wh = await LocationIdAsync(app, "WH");
        int seededSupplier;
        long[] old;
        await using (var db = app.Db())
        {
            seededSupplier = await db.Suppliers.Where(s => s.Name == "ООО «Парфюм-Импорт»").Select(s => s.Id).SingleAsync();
            // As the receipts of the first months were written: the typed name only, in whatever case and spacing.
            var receipts = new[] { " ооо  «ПАРФЮМ-импорт»", "ИП  Новиков А.А.", "ип новиков а.а. ", "ООО «Ароматы Востока»" }
                .Select((name, i) => new GoodsReceipt
                {
                    Number = $"ПР-2025-90000{i}", LocationId = wh, SupplierName = name, Status = DocumentStatus.Posted,
                    CreatedAtUtc = DateTime.UtcNow.AddYears(-1), CreatedBy = AdminUser, PostedAtUtc = DateTime.UtcNow.AddYears(-1), PostedBy = AdminUser,
                }).ToList();
            db.GoodsReceipts.AddRange(receipts);
            await db.SaveChangesAsync();
            old = receipts.Select(r => r.Id).ToArray();
        }
        int suppliersBefore;
        await using (var db = app.Db()) suppliersBefore = await db.Suppliers.CountAsync();

        using (var scope = app.Scope())
        {
            var (_, steps) = await DataSetup.MigrateAsync(scope.ServiceProvider, Ct);
            Assert.Contains("Приходов связано с поставщиками: 4; добавлено в справочник поставщиков: 2.", steps);
        }

        await using (var db = app.Db())
        {
            var linked = await db.GoodsReceipts.Where(r => old.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync();
            Assert.Equal(seededSupplier, linked[0].SupplierId);
            var novikov = await db.Suppliers.SingleAsync(s => s.Id == linked[1].SupplierId);
            Assert.Equal("ИП Новиков А.А.", novikov.Name);   // the first spelling, spaces tidied
            Assert.Equal(novikov.Id, linked[2].SupplierId);
            Assert.Equal("ООО «Ароматы Востока»", (await db.Suppliers.SingleAsync(s => s.Id == linked[3].SupplierId)).Name);
            Assert.Equal(suppliersBefore + 2, await db.Suppliers.CountAsync());
            // The documents still print the supplier as it was typed.
            Assert.Equal([" ооо  «ПАРФЮМ-импорт»", "ИП  Новиков А.А.", "ип новиков а.а. ", "ООО «Ароматы Востока»"], linked.Select(r => r.SupplierName));
            // The change is in the audit log, like any other.
            Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.Entity == nameof(GoodsReceipt) && a.Action == "Update" && old.Select(id => id.ToString()).Contains(a.Key)));
        }

        // Idempotent: the command (and every later migrate) finds nothing left to link and adds nobody.
        var again = await app.AsAsync(AdminUser, sp => sp.GetRequiredService<LinkGoodsReceiptSuppliers>().HandleAsync(Ct));
        Assert.Equal(new LinkGoodsReceiptSuppliers.Outcome(0, 0), again);
        await using (var db = app.Db()) Assert.Equal(suppliersBefore + 2, await db.Suppliers.CountAsync());
    }

    [Fact]
    public async Task A_name_typed_on_a_new_receipt_finds_the_directory_supplier_whatever_its_spaces()
    {
        var wh = await LocationIdAsync(app, "WH");
        var id = await app.AsAsync(AdminUser, sp => sp.GetRequiredService<CreateGoodsReceipt>().HandleAsync(
            new CreateGoodsReceipt.Input { LocationId = wh, SupplierName = "ооо   «парфюм-импорт»" }, Ct));
        await using var db = app.Db();
        var receipt = await db.GoodsReceipts.SingleAsync(r => r.Id == id);
        Assert.Equal(await db.Suppliers.Where(s => s.Name == "ООО «Парфюм-Импорт»").Select(s => (int?)s.Id).SingleAsync(), receipt.SupplierId);
    }
}
