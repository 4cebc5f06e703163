using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Pos;
using AlAroma.Web.Features.GiftCards;
using AlAroma.Web.Features.Pos;
using Microsoft.Extensions.DependencyInjection;
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
        Assert.Contains($"<tr><td class=\"text-muted\">Документ</td><td>{sale.Number}</td></tr>", html);
        Assert.DoesNotContain("~", html[html.IndexOf("audit-rows", StringComparison.Ordinal)..]);
        Assert.Contains("<td class=\"text-muted\">Вид</td><td>Продажа</td>", html);
        Assert.Contains($"<td class=\"text-muted\">Товар</td><td>{productName} (", html);
        Assert.Contains($"<td class=\"text-muted\">Когда</td><td>{LocalTime.ToLocal(movement.OccurredAtUtc):dd.MM.yyyy HH:mm:ss}</td>", html);
        Assert.Contains("<thead><tr><th>Поле</th><th>Значение</th></tr></thead>", html);
        Assert.DoesNotContain("<th>Было</th>", html);
    }

    [Fact]
    public async Task Framework_and_feature_rows_carry_Russian_names_and_the_filter_offers_them()
    {
        var admin = await app.ClientAsync("admin@alaroma.local");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?Entity=IdentityUserRole%601"));
        Assert.Contains("<option value=\"IdentityUserRole`1\" selected=\"selected\">Роль пользователя</option>", html);
        Assert.Contains("<td class=\"audit-object\">Роль пользователя #", html);
        Assert.DoesNotContain("IdentityUserRole`1 #", html);
        // The user and the role by name, in the values and in the key, never as Identity ids.
        await using (var users = app.Db())
        {
            var cashier = await users.Users.SingleAsync(u => u.Email == "cashier@alaroma.local");
            var cashierRole = await users.Roles.SingleAsync(r => r.Name == "Cashier");
            Assert.Contains($"<td class=\"text-muted\">Пользователь</td><td>{cashier.FullName}</td>", html);
            Assert.Contains("<td class=\"text-muted\">Роль</td><td>Кассир</td>", html);
            Assert.Contains($"<td class=\"audit-object\">Роль пользователя #{cashier.FullName}, Кассир</td>", html);
            var rows = html[html.IndexOf("audit-rows", StringComparison.Ordinal)..];
            Assert.DoesNotContain(cashier.Id, rows);
            Assert.DoesNotContain(cashierRole.Id, rows);
        }

        await using var db = app.Db();
        var receipt = await db.GoodsReceipts.OrderBy(r => r.Id).FirstAsync();
        html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/audit?Entity=GoodsReceipt&Key={receipt.Id}"));
        Assert.Contains($"<a href=\"/warehouse/receipts/{receipt.Id}\">Приход #{receipt.Id}</a>", html);
        Assert.Contains("<td class=\"text-muted\">Статус</td>", html);
        Assert.DoesNotContain("\"Status\"", html);
    }

    [Fact]
    public async Task An_update_keeps_old_and_new_and_a_customer_and_a_certificate_speak_Russian()
    {
        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 1");
        var customerId = await app.AsAsync(cashier, sp => sp.GetRequiredService<TillCustomer>().CreateAsync(register, "+7 916 555-43-21", "Анна Смирнова", default));
        long certificateId;
        using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AlAroma.Web.Data.AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var shop = await db.Locations.SingleAsync(l => l.Code == "S1");
            certificateId = (await CertificateLedger.ActivateAsync(db, 3000m, shop.Id, null, DateTime.UtcNow, "test", default)).Id;
            await tx.CommitAsync();
        }

        var admin = await app.ClientAsync("admin@alaroma.local");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/audit?Entity=Customer&Key={customerId}"));
        Assert.Contains("<th>Значение</th>", html);
        foreach (var field in new[] { "Имя</td><td>Анна Смирнова", "Телефон</td><td>+79165554321", "Рассылка по SMS</td><td>нет", "Уровень</td><td>Стандарт", "Баллов на счёте</td><td>0", "Зарегистрирован" })
            Assert.Contains($"<td class=\"text-muted\">{field}", html);
        foreach (var code in new[] { "MarketingSms", "PointsBalance", "HomeLocationId", "BirthdaySetAtUtc", "TelegramChatId", ">Standard<" })
            Assert.DoesNotContain(code, html);

        html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/audit?Entity=GiftCertificate&Key={certificateId}"));
        foreach (var field in new[] { "Номинал</td><td>3 000", "Остаток на сертификате</td><td>3 000", "Статус</td><td>Действует", "Действует до", "Активирован", "Код сертификата" })
            Assert.Contains($"<td class=\"text-muted\">{field}", html.Replace('\u00a0', ' '));
        foreach (var code in new[] { "ExpiresAtUtc", "ActivatedAtUtc", ">Active<" }) Assert.DoesNotContain(code, html);
        html = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?Entity=GiftCertificateEntry"));
        foreach (var field in new[] { "Сертификат</td><td>" + certificateId, "Вид</td><td>Активация", "Остаток после", "Кто</td><td>test" })
            Assert.Contains($"<td class=\"text-muted\">{field}", html);
        Assert.DoesNotContain("CertificateId", html);

        // A change of a field keeps the old → new table.
        using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AlAroma.Web.Data.AppDbContext>();
            var c = await db.Customers.SingleAsync(x => x.Id == customerId);
            c.Name = "Анна Смирнова-Ильина";
            await db.SaveChangesAsync();
        }
        html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/audit?Entity=Customer&Key={customerId}&Action=Update"));
        Assert.Contains("<thead><tr><th>Поле</th><th>Было</th><th>Стало</th></tr></thead>", html);
        Assert.Contains("<tr><td class=\"text-muted\">Имя</td><td>Анна Смирнова</td><td>Анна Смирнова-Ильина</td></tr>", html);
    }
}
