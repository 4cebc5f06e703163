using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Warehouse;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Pos;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AlAroma.Tests.Pos;

/// <summary>The receipt's e-mail copy goes onto the outbox, then through MailKit to a real SMTP server, and arrives with the receipt in it.</summary>
public sealed class ReceiptEmailTests(AppFixture app, SmtpCapture smtp) : IClassFixture<AppFixture>, IClassFixture<SmtpCapture>
{
    private const string Cashier = "cashier@alaroma.local";

    private async Task<long> SellAsync()
    {
        int register, productId;
        decimal price;
        await using (var db = app.Db())
        {
            var s1 = await db.Locations.Where(l => l.Code == "S1").Select(l => l.Id).SingleAsync();
            register = await db.Registers.Where(r => r.LocationId == s1).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            var product = await db.Products.SingleAsync(p => p.Sku == "AA-0004");
            (productId, price) = (product.Id, product.RetailPrice);
        }
        await app.AsAsync(Cashier, async sp =>
        {
            await using var db = app.Db();
            if (!await db.Shifts.AnyAsync(s => s.RegisterId == register && s.ClosedAtUtc == null))
                await sp.GetRequiredService<OpenShift>().HandleAsync(register, 0m, default);
        });
        var sale = await app.AsAsync(Cashier, sp => sp.GetRequiredService<Checkout>().HandleAsync(
            new CheckoutCommand(register, Guid.NewGuid(), new PaymentInput(PaymentMode.Card, price, null)), [new CheckoutLine(productId, 1)], default));
        return sale.SaleId;
    }

    private async Task<HttpResponseMessage> PostEmailAsync(WebApplicationFactory<Program> factory, long saleId, string email)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await AppFixture.FormTokenAsync(client, "/account/login");
        await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["Email"] = Cashier, ["Password"] = AlAroma.Web.Data.Seeder.DemoPassword, ["__RequestVerificationToken"] = token }));
        var pageToken = await AppFixture.FormTokenAsync(client, $"/pos/sales/{saleId}");
        using var req = new HttpRequestMessage(HttpMethod.Post, $"/pos/sales/{saleId}/email") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email }) };
        req.Headers.Add("HX-Request", "true");
        req.Headers.Add("RequestVerificationToken", pageToken);
        return await client.SendAsync(req);
    }

    [Fact]
    public async Task The_cashier_sends_a_receipt_copy_and_it_arrives_with_the_receipt()
    {
        var saleId = await SellAsync();
        string number;
        await using (var db = app.Db()) number = await db.Sales.Where(s => s.Id == saleId).Select(s => s.Number).SingleAsync();
        var factory = app.Factory.WithWebHostBuilder(b => { b.UseSetting("Smtp:Host", "127.0.0.1"); b.UseSetting("Smtp:Port", smtp.Port.ToString()); });

        var resp = await PostEmailAsync(factory, saleId, "anna.petrova@example.com");
        Assert.Equal(HttpStatusCode.NoContent, resp.StatusCode);
        Assert.Contains("\\u041A\\u043E\\u043F\\u0438\\u044F", resp.Headers.GetValues("HX-Trigger").Single()); // "Копия" (JSON-escaped)
        Assert.Contains("\\u0431\\u0443\\u0434\\u0435\\u0442 \\u043E\\u0442\\u043F\\u0440\\u0430\\u0432\\u043B\\u0435\\u043D", resp.Headers.GetValues("HX-Trigger").Single()); // "будет отправлен"
        Assert.Empty(smtp.Messages()); // queued, not sent inside the request
        await factory.Services.GetRequiredService<OutboxDispatcher>().DrainAsync(default);

        var raw = Assert.Single(smtp.Messages());
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
        Assert.Equal("anna.petrova@example.com", message.To.Mailboxes.Single().Address);
        Assert.Contains(number, message.Subject);
        Assert.Contains($"Товарный чек № {number}", message.HtmlBody);
        Assert.Contains("Dior Sauvage", message.HtmlBody);
        Assert.Contains("Dior Sauvage", message.TextBody);
    }

    [Fact]
    public async Task A_wrong_address_is_a_clear_refusal_and_an_unreachable_server_keeps_the_copy_queued()
    {
        var saleId = await SellAsync();
        var before = smtp.Messages().Count;
        var configured = app.Factory.WithWebHostBuilder(b => { b.UseSetting("Smtp:Host", "127.0.0.1"); b.UseSetting("Smtp:Port", smtp.Port.ToString()); });
        var wrong = await PostEmailAsync(configured, saleId, "not-an-address");
        Assert.Contains("\\u043E\\u0448\\u0438\\u0431\\u043A\\u0430", wrong.Headers.GetValues("HX-Trigger").Single()); // "ошибка"
        await using (var db = app.Db())
            Assert.False(await db.Notifications.AnyAsync(n => n.EntityType == EmailReceipt.EntityType && n.EntityId == saleId.ToString()));

        int closedPort;
        using (var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0)) { l.Start(); closedPort = ((IPEndPoint)l.LocalEndpoint).Port; }
        var down = app.Factory.WithWebHostBuilder(b => { b.UseSetting("Smtp:Host", "127.0.0.1"); b.UseSetting("Smtp:Port", closedPort.ToString()); });
        var queued = await PostEmailAsync(down, saleId, "anna.petrova@example.com");
        Assert.Equal(HttpStatusCode.NoContent, queued.StatusCode);
        await down.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);

        Assert.Equal(before, smtp.Messages().Count);
        await using (var db = app.Db())
        {
            var row = await db.Notifications.SingleAsync(n => n.EntityType == EmailReceipt.EntityType && n.EntityId == saleId.ToString());
            Assert.Equal(OutboxStatus.Pending, row.Status); // waits for its next attempt: nothing is lost
            Assert.Contains("недоступен", row.LastError);
            await db.Notifications.Where(n => n.Id == row.Id).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task The_receipt_copy_of_a_sale_that_rolled_back_is_never_sent()
    {
        var saleId = await SellAsync();
        var factory = app.Factory.WithWebHostBuilder(b => { b.UseSetting("Smtp:Host", "127.0.0.1"); b.UseSetting("Smtp:Port", smtp.Port.ToString()); });
        var before = smtp.Messages().Count;
        using (var scope = factory.Services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AlAroma.Web.Data.AppDbContext>();
            var receipt = await app.AsAsync(Cashier, s => s.GetRequiredService<GetReceipt>().HandleAsync(saleId, default));
            await using var tx = await db.Database.BeginTransactionAsync();
            var sale = await db.Sales.SingleAsync(s => s.Id == saleId);
            sale.Number += "-X"; // the business change the copy belongs to
            await sp.GetRequiredService<EmailReceipt>().HandleAsync(receipt!, "anna.petrova@example.com", "<p>чек</p>", default);
            await tx.RollbackAsync();
        }

        await factory.Services.GetRequiredService<OutboxDispatcher>().DrainAsync(default);

        Assert.Equal(before, smtp.Messages().Count);
        await using var check = app.Db();
        Assert.False(await check.Notifications.AnyAsync(n => n.EntityId == saleId.ToString()));
        Assert.DoesNotContain("-X", await check.Sales.Where(s => s.Id == saleId).Select(s => s.Number).SingleAsync());
    }
}
