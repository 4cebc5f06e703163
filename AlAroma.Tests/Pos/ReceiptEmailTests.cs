using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Warehouse;
using AlAroma.Web.Features.Pos;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AlAroma.Tests.Pos;

/// <summary>The receipt's e-mail copy goes through MailKit to a real SMTP server and arrives with the receipt in it.</summary>
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

        var raw = Assert.Single(smtp.Messages());
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
        Assert.Equal("anna.petrova@example.com", message.To.Mailboxes.Single().Address);
        Assert.Contains(number, message.Subject);
        Assert.Contains($"Товарный чек № {number}", message.HtmlBody);
        Assert.Contains("Dior Sauvage", message.HtmlBody);
        Assert.Contains("Dior Sauvage", message.TextBody);
    }

    [Fact]
    public async Task A_wrong_address_or_an_unreachable_server_is_a_clear_refusal_and_nothing_is_sent()
    {
        var saleId = await SellAsync();
        var before = smtp.Messages().Count;
        var configured = app.Factory.WithWebHostBuilder(b => { b.UseSetting("Smtp:Host", "127.0.0.1"); b.UseSetting("Smtp:Port", smtp.Port.ToString()); });
        var wrong = await PostEmailAsync(configured, saleId, "not-an-address");
        Assert.Contains("\\u043E\\u0448\\u0438\\u0431\\u043A\\u0430", wrong.Headers.GetValues("HX-Trigger").Single()); // "ошибка"

        int closedPort;
        using (var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0)) { l.Start(); closedPort = ((IPEndPoint)l.LocalEndpoint).Port; }
        var down = app.Factory.WithWebHostBuilder(b => { b.UseSetting("Smtp:Host", "127.0.0.1"); b.UseSetting("Smtp:Port", closedPort.ToString()); });
        var failed = await PostEmailAsync(down, saleId, "anna.petrova@example.com");
        Assert.Contains("\\u043D\\u0435 \\u043E\\u0442\\u0432\\u0435\\u0442\\u0438\\u043B", failed.Headers.GetValues("HX-Trigger").Single()); // "не ответил"
        Assert.Equal(before, smtp.Messages().Count);
    }
}
