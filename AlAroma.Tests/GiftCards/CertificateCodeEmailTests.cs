using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Pos;
using AlAroma.Web.Features.GiftCards;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Pos;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AlAroma.Tests.GiftCards;

/// <summary>
/// A certificate sold at the till: the cashier sends its code to the person it is for, the letter goes through the
/// outbox to a real SMTP server and carries the code, the amount and the last valid day; a spent certificate's code is
/// refused, and the till cannot mail a code its receipt did not sell.
/// </summary>
public sealed class CertificateCodeEmailTests(TillFixture app, SmtpCapture smtp) : IClassFixture<TillFixture>, IClassFixture<SmtpCapture>
{
    private const string Cashier = "cashier@alaroma.local";

    private async Task<(long SaleId, string Code)> SellCertificateAsync(decimal nominal)
    {
        var cashier = await app.PrincipalAsync(Cashier);
        var register = await app.TillAsync(cashier, "Касса 1");
        await app.AsAsync(cashier, sp => sp.GetRequiredService<EditCart>().ChangeCertificateAsync(register, nominal, 1, default));
        var sale = await app.SaleAsync((await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, nominal, null))).SaleId);
        return (sale.Id, sale.Lines.Single(l => l.IsGiftCertificate).CertificateCode!);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string url, Dictionary<string, string> form)
    {
        var token = await AppFixture.FormTokenAsync(client, page);
        using var req = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        req.Headers.Add("HX-Request", "true");
        req.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(req);
    }

    private WebApplicationFactory<Program> Mailing() =>
        app.Factory.WithWebHostBuilder(b => { b.UseSetting("Smtp:Host", "127.0.0.1"); b.UseSetting("Smtp:Port", smtp.Port.ToString()); });

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> factory, string email)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await AppFixture.FormTokenAsync(client, "/account/login");
        await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["Email"] = email, ["Password"] = AlAroma.Web.Data.Seeder.DemoPassword, ["__RequestVerificationToken"] = token }));
        return client;
    }

    [Fact]
    public async Task The_cashier_sends_the_code_of_a_certificate_just_sold_and_the_recipient_reads_it_in_the_letter()
    {
        var (saleId, code) = await SellCertificateAsync(3000m);
        var factory = Mailing();
        var client = await SignedInAsync(factory, Cashier);
        var receiptPage = await client.GetStringAsync($"/pos/sales/{saleId}");
        Assert.Contains($"Код {CertificateCode.Format(code)} на e-mail", receiptPage);

        var before = smtp.Messages().Count;
        var resp = await PostAsync(client, $"/pos/sales/{saleId}", $"/pos/sales/{saleId}/certificate-email",
            new() { ["code"] = code, ["email"] = " Maria.Ivanova@Example.com " });
        Assert.Equal(HttpStatusCode.NoContent, resp.StatusCode);
        Assert.Equal(before, smtp.Messages().Count); // queued in the request, sent by the dispatcher
        await factory.Services.GetRequiredService<OutboxDispatcher>().DrainAsync(default);

        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(smtp.Messages().Last())));
        Assert.Equal("maria.ivanova@example.com", message.To.Mailboxes.Single().Address, ignoreCase: true);
        Assert.Equal("Al Aroma: подарочный сертификат на 3 000,00 ₽", System.Text.RegularExpressions.Regex.Replace(message.Subject!, @"\s", " "));
        Assert.Contains(CertificateCode.Format(code), message.HtmlBody);
        DateTime expires;
        await using (var db = app.Db()) expires = await db.GiftCertificates.Where(c => c.Code == code).Select(c => c.ExpiresAtUtc).SingleAsync();
        var lastDay = DateOnly.FromDateTime(AlAroma.Web.Infrastructure.Time.LocalTime.ToLocal(expires.AddTicks(-1)));
        Assert.Contains($"действует до {lastDay:dd.MM.yyyy}", message.HtmlBody);
    }

    [Fact]
    public async Task A_code_the_receipt_did_not_sell_is_not_found_and_a_spent_certificate_is_refused_with_nothing_queued()
    {
        var (saleId, _) = await SellCertificateAsync(1000m);
        var (_, other) = await SellCertificateAsync(5000m);
        var factory = Mailing();
        var cashier = await SignedInAsync(factory, Cashier);
        var foreign = await PostAsync(cashier, $"/pos/sales/{saleId}", $"/pos/sales/{saleId}/certificate-email",
            new() { ["code"] = other, ["email"] = "someone@example.com" });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        long otherId;
        await using (var db = app.Db())
        {
            otherId = await db.GiftCertificates.Where(c => c.Code == other).Select(c => c.Id).SingleAsync();
            await db.GiftCertificates.Where(c => c.Id == otherId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Balance, 0m));
        }
        var manager = await SignedInAsync(factory, "manager@alaroma.local");
        var spent = await PostAsync(manager, $"/giftcards/{otherId}", $"/giftcards/{otherId}/email", new() { ["email"] = "someone@example.com" });
        var toast = System.Text.RegularExpressions.Regex.Unescape(spent.Headers.GetValues("HX-Trigger").Single());
        Assert.Contains("использован полностью", toast);
        await using (var db = app.Db())
            Assert.False(await db.Notifications.AnyAsync(n => n.EntityType == EmailCertificateCode.EntityType && n.EntityId == otherId.ToString()));
    }
}
