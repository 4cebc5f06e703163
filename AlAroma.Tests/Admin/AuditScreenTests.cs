using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Pos;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Tests.Admin;

/// <summary>The audit log screen speaks the shop's words: names, field/old/new tables, local times, final numbers, links.</summary>
public sealed class AuditScreenTests(TillFixture app) : IClassFixture<TillFixture>
{
    [Fact]
    public async Task A_sales_stock_movement_shows_the_final_receipt_number_in_local_time_with_a_link_to_the_sale()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 1");
        var (productId, price) = (await app.ProductsAsync(3, 1))[0];
        await app.AddAsync(cashier, register, (productId, 1));
        var sale = await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, price, null));
        await using var db = app.Db();
        var movement = await db.StockMovements.SingleAsync(m => m.DocumentId == sale.SaleId && m.Kind == AlAroma.Web.Features.Warehouse.Stocks.MovementKind.Sale);
        var productName = await db.Products.Where(p => p.Id == productId).Select(p => p.Name).SingleAsync();

        var admin = await app.ClientAsync("admin@alaroma.local");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/audit?Entity=StockMovement&Key={movement.Id}"));

        Assert.Contains($"<a href=\"/pos/sales/{sale.SaleId}\">Движение товара #{movement.Id}</a>", html);
        Assert.Contains($"<tr><td class=\"text-muted\">Документ</td><td>—</td><td>{sale.Number}</td></tr>", html);
        Assert.DoesNotContain("~", html[html.IndexOf("audit-rows", StringComparison.Ordinal)..]);
        Assert.Contains("<td class=\"text-muted\">Вид</td><td>—</td><td>Продажа</td>", html);
        Assert.Contains($"<td class=\"text-muted\">Товар</td><td>—</td><td>{productName} (", html);
        Assert.Contains($"<td class=\"text-muted\">Когда</td><td>—</td><td>{LocalTime.ToLocal(movement.OccurredAtUtc):dd.MM.yyyy HH:mm:ss}</td>", html);
    }

    [Fact]
    public async Task Framework_and_feature_rows_carry_Russian_names_and_the_filter_offers_them()
    {
        var admin = await app.ClientAsync("admin@alaroma.local");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?Entity=IdentityUserRole%601"));
        Assert.Contains("<option value=\"IdentityUserRole`1\" selected=\"selected\">Роль пользователя</option>", html);
        Assert.Contains("<td class=\"audit-object\">Роль пользователя #", html);
        Assert.DoesNotContain("IdentityUserRole`1 #", html);

        await using var db = app.Db();
        var receipt = await db.GoodsReceipts.OrderBy(r => r.Id).FirstAsync();
        html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/audit?Entity=GoodsReceipt&Key={receipt.Id}"));
        Assert.Contains($"<a href=\"/warehouse/receipts/{receipt.Id}\">Приход #{receipt.Id}</a>", html);
        Assert.Contains("<td class=\"text-muted\">Статус</td>", html);
        Assert.DoesNotContain("\"Status\"", html);
    }
}
