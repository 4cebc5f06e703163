using AlAroma.Web.Features.Warehouse.Suppliers;
using AlAroma.Web.Infrastructure.Requisites;
using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;
using static AlAroma.Tests.Warehouse.WriteOffTestKit;

namespace AlAroma.Tests.Warehouse;

/// <summary>INN check digits (pure) and the supplier directory: who edits, duplicates, the receipt's supplier snapshot.</summary>
public class SupplierTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData("7707083893")]     // 10 digits: (2·7+4·7+10·0+3·7+5·0+9·8+4·3+6·8+8·9) mod 11 mod 10 = 3
    [InlineData("7830002293")]
    [InlineData("5501234560")]     // computed: check digit 0 (sum mod 11 = 10 → 0)
    [InlineData("500100732259")]   // 12 digits: n11 = 5, n12 = 9
    [InlineData("771412345602")]   // computed: n11 = 0, n12 = 2
    [InlineData(" 7707083893 ")]   // surrounding spaces are trimmed
    public void Valid_inns(string inn) => Assert.True(Inn.IsValid(inn), Inn.Error(inn));

    [Theory]
    [InlineData("7707083894", "Контрольные")]    // last digit off by one
    [InlineData("500100732258", "Контрольные")]  // 12th digit wrong
    [InlineData("500100732269", "Контрольные")]  // 11th digit wrong
    [InlineData("1234567890", "Контрольные")]
    [InlineData("77070838", "8 цифр")]
    [InlineData("77070838931", "11 цифр")]
    [InlineData("77O7083893", "только из цифр")]
    [InlineData("", "только из цифр")]
    [InlineData(null, "только из цифр")]
    public void Invalid_inns(string? inn, string message)
    {
        Assert.False(Inn.IsValid(inn));
        Assert.Contains(message, Inn.Error(inn));
    }

    [Fact]
    public void Check_digit_is_sum_mod_11_mod_10() =>
        Assert.Equal(0, Inn.Check([5, 5, 0, 1, 2, 3, 4, 5, 6], [2, 4, 10, 3, 5, 9, 4, 6, 8]));

    [Fact]
    public async Task A_manager_saves_suppliers_a_storekeeper_only_looks()
    {
        var input = new SaveSupplier.Input { Name = "  ООО «Парфюм-Импорт»  ", Inn = "7707083893", ContactPerson = "Иванова Анна", Phone = "+7 495 000-00-00", Email = "zakaz@parfum.ru" };
        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(StorekeeperUser, sp => sp.GetRequiredService<SaveSupplier>().HandleAsync(input, Ct)));
        Assert.Contains("менеджер", e.Message);

        var id = await app.AsAsync(ManagerUser, sp => sp.GetRequiredService<SaveSupplier>().HandleAsync(input, Ct));
        var dup = new SaveSupplier.Input { Name = "Другой", Inn = "7707083893" };
        Assert.Contains("уже есть", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.AsAsync(AdminUser, sp => sp.GetRequiredService<SaveSupplier>().HandleAsync(dup, Ct)))).Message);
        Assert.Contains("Контрольные", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.AsAsync(AdminUser, sp => sp.GetRequiredService<SaveSupplier>().HandleAsync(new SaveSupplier.Input { Name = "X", Inn = "7707083894" }, Ct)))).Message);

        await using var db = app.Db();
        var s = await db.Suppliers.SingleAsync(x => x.Id == id);
        Assert.Equal("ООО «Парфюм-Импорт»", s.Name);
        Assert.True(s.IsActive);

        // The receipt takes the directory supplier and keeps its name as a snapshot.
        var wh = await LocationIdAsync(app, "WH");
        var receiptId = await app.AsAsync(StorekeeperUser, sp => sp.GetRequiredService<CreateGoodsReceipt>().HandleAsync(
            new CreateGoodsReceipt.Input { LocationId = wh, SupplierId = id }, Ct));
        var r = await db.GoodsReceipts.SingleAsync(x => x.Id == receiptId);
        Assert.Equal(id, r.SupplierId);
        Assert.Equal("ООО «Парфюм-Импорт»", r.SupplierName);

        await app.AsAsync(ManagerUser, sp => sp.GetRequiredService<SaveSupplier>().HandleAsync(
            new SaveSupplier.Input { Id = id, Name = "ООО «Парфюм-Импорт» (архив)", Inn = "7707083893", IsActive = false }, Ct));
        await using var db2 = app.Db();
        Assert.Equal("ООО «Парфюм-Импорт»", (await db2.GoodsReceipts.SingleAsync(x => x.Id == receiptId)).SupplierName);
        Assert.Contains("неактивен", (await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(StorekeeperUser, sp => sp.GetRequiredService<CreateGoodsReceipt>().HandleAsync(
            new CreateGoodsReceipt.Input { LocationId = wh, SupplierId = id }, Ct)))).Message);
    }

    [Fact]
    public async Task Supplier_screens_by_role()
    {
        var id = await app.AsAsync(ManagerUser, sp => sp.GetRequiredService<SaveSupplier>().HandleAsync(
            new SaveSupplier.Input { Name = "ИП Петров", Inn = "500100732259" }, Ct));
        var manager = await app.ClientAsync(ManagerUser);
        Assert.Contains("ИП Петров", await manager.GetStringAsync("/warehouse/suppliers"));
        Assert.Contains("Сохранить", await manager.GetStringAsync($"/warehouse/suppliers/{id}"));

        var bad = await FormPostAsync(manager, "/warehouse/suppliers/new", "/warehouse/suppliers/new", new() { ["Name"] = "ООО Тест", ["Inn"] = "1234567890" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Контрольные цифры ИНН не сходятся", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        var ok = await FormPostAsync(manager, "/warehouse/suppliers/new", "/warehouse/suppliers/new", new() { ["Name"] = "ООО Тест", ["Inn"] = "7830002293", ["IsActive"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        var keeper = await app.ClientAsync(StorekeeperUser);
        Assert.Equal(HttpStatusCode.OK, (await keeper.GetAsync("/warehouse/suppliers")).StatusCode);
        var card = WebUtility.HtmlDecode(await keeper.GetStringAsync($"/warehouse/suppliers/{id}"));
        Assert.Contains("могут менеджер и администратор", card);
        Assert.DoesNotContain(">Сохранить<", card);
        Assert.Contains("ИП Петров", WebUtility.HtmlDecode(await keeper.GetStringAsync("/warehouse/receipts/new")));

        var cashier = await app.ClientAsync(CashierUser);
        Assert.Equal(HttpStatusCode.Forbidden, (await cashier.GetAsync("/warehouse/suppliers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cashier.GetAsync($"/warehouse/suppliers/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_supplier_typed_on_a_receipt_and_the_seeded_one_are_in_the_directory()
    {
        await using (var db = app.Db())
            Assert.True(await db.Suppliers.AnyAsync(x => x.Name == "ООО «Парфюм-Импорт»"), "the demo receipt's supplier should be in the directory");

        var first = await NewGoodsReceiptAsync(app, "WH");   // typed "ООО «Тест-Поставка»"
        var second = await app.AsAsync(AdminUser, async sp => await sp.GetRequiredService<CreateGoodsReceipt>().HandleAsync(new CreateGoodsReceipt.Input
        {
            LocationId = await LocationIdAsync(app, "WH"), SupplierName = "  ооо «тест-поставка» ",
        }, Ct));
        await using (var db = app.Db())
        {
            var named = await db.Suppliers.Where(x => x.Name.ToLower() == "ооо «тест-поставка»").ToListAsync();
            var supplier = Assert.Single(named);
            var receipts = await db.GoodsReceipts.Where(r => r.Id == first || r.Id == second).ToListAsync();
            Assert.All(receipts, r => Assert.Equal(supplier.Id, r.SupplierId));
            Assert.All(receipts, r => Assert.Equal("ООО «Тест-Поставка»", r.SupplierName));
        }
        var page = System.Net.WebUtility.HtmlDecode(await (await app.ClientAsync(AdminUser)).GetStringAsync("/warehouse/suppliers"));
        Assert.Contains("ООО «Тест-Поставка»", page);
    }
}
