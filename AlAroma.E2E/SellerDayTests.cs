using System.Text.RegularExpressions;
using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;
using AlAroma.Web.Features.GiftCards;
using Npgsql;

namespace AlAroma.E2E;

/// <summary>
/// "POS at full depth" done-when in real Chromium: the manager creates a 1+1=3 on Chanel and a birthday 10 %
/// promotion; the seller sells a 3 000 ₽ gift certificate by card, then sells three Chanel to a customer in their
/// birthday week, paying with points, that certificate and the rest by card; a cashier returns one unit at Касса 2;
/// both Z-reports show the right totals.
/// <para>Figures (demo prices): N°5 18 990 + Coco Mademoiselle 13 490 + Bleu de Chanel 12 990 = 45 470 ₽.
/// 1+1=3 frees the cheapest (−12 990); birthday 10 % on all three would give only −4 547, and taking one unit for
/// the birthday breaks the 1+1=3 group, so the engine applies 1+1=3 alone: 32 480 ₽ to pay. The 12 990 is spread over
/// the units by price: N°5 −5 425,12, Coco −3 853,86, Bleu −3 711,02, so Bleu's effective price is 9 278,98 ₽.
/// Payment: 3 000 points (≤ 30 % = 9 744), certificate 3 000, card 26 480 → 264 points accrued (1 per 100 ₽ of money).
/// Returning Bleu: 9 278,98 back in the order certificate, points, card in proportion 3 000 / 3 000 / 26 480 of
/// 32 480: certificate 857,10, points 857, card 7 564,88; the accrual falls to ⌊18 915,12 / 100⌋ = 189 (−75 points).</para>
/// </summary>
public sealed class SellerDayTests(AppServer app) : IClassFixture<AppServer>
{
    private const string Phone = "+79161112233", CustomerName = "Ирина Юбилярова";
    private const string ThreeForTwo = "1+1=3 на Chanel", Birthday = "С днём рождения −10 %";

    private static Regex Rub(string amount) => new(Regex.Escape(amount).Replace("\\ ", "\\s") + @"\s₽");

    /// <summary>The receipt/report row whose label span reads exactly <paramref name="label"/>.</summary>
    private static ILocator Row(ILocator within, string label) =>
        within.Locator(".receipt-row").Filter(new() { Has = within.Page.Locator($"span:text-is('{label}')") });

    [Fact]
    public async Task Seller_sells_1_plus_1_to_a_birthday_customer_with_points_certificate_and_card_cashier_returns_one_Z_report_adds_up()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        await ArrangeCustomerAsync(points: 5000);
        await CreatePromotionsAsync();

        var seller = await app.LoginAsync("seller@alaroma.local");
        seller.Dialog += (_, d) => d.AcceptAsync();
        await seller.OpenShiftAsync("5000");
        var till1 = seller.Url;
        var certificate = await SellCertificateAsync(seller);
        var saleNumber = await SellToCustomerAsync(seller, certificate);
        await seller.Context.CloseAsync();

        await ReturnOneAsync(saleNumber);
        await SellerZReportAsync(till1);
    }

    // The customer comes from the Telegram bot in a later issue: a row as the bot would leave it, with points
    // given through a ledger entry whose balance equals the customer's balance.
    private async Task ArrangeCustomerAsync(int points)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Moscow"));
        var bday = today.AddDays(2);
        if (bday is { Month: 2, Day: 29 }) bday = today.AddDays(1);
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand("""
            WITH c AS (
              INSERT INTO customers (phone, name, birthday, birthday_set_at_utc, marketing_telegram, marketing_email, marketing_sms, created_at_utc, points_balance, level)
              VALUES (@phone, @name, @bday, now() - interval '60 days', true, false, false, now() - interval '60 days', @points, 'Standard') RETURNING id)
            INSERT INTO points_entries (customer_id, kind, points, balance_after, at_utc, expires_at_utc, comment, user_name)
            SELECT id, 'Gift', @points, @points, now(), now() + interval '12 months', 'Подарок за регистрацию в боте', 'telegram-bot' FROM c
            """, conn, tx);
        cmd.Parameters.AddWithValue("phone", Phone);
        cmd.Parameters.AddWithValue("name", CustomerName);
        cmd.Parameters.AddWithValue("bday", new DateOnly(1990, bday.Month, bday.Day));
        cmd.Parameters.AddWithValue("points", points);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        await tx.CommitAsync();
    }

    // The manager creates both promotions through the back office form.
    private async Task CreatePromotionsAsync()
    {
        var page = await app.LoginAsync("manager@alaroma.local");
        await page.GotoAsync("/promotions/new");
        await page.Locator("#p-name").FillAsync(ThreeForTwo);
        await page.Locator("#p-type").SelectOptionAsync(new SelectOptionValue { Label = "1+1=3" });
        await Assertions.Expect(page.Locator("#type-fields")).ToHaveAttributeAsync("data-type", "ThreeForTwo");
        await page.Locator("#g-brands").SelectOptionAsync(new SelectOptionValue { Label = "Chanel" });
        await page.Locator("#promotion-save").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/promotions/\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(ThreeForTwo);

        await page.GotoAsync("/promotions/new");
        await page.Locator("#p-name").FillAsync(Birthday);
        await page.Locator("#p-type").SelectOptionAsync(new SelectOptionValue { Label = "День рождения" });
        await Assertions.Expect(page.Locator("#type-fields")).ToHaveAttributeAsync("data-type", "Birthday");
        await page.Locator("#p-value").FillAsync("10");
        await page.Locator("#promotion-save").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/promotions/\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(Birthday);
        await page.Context.CloseAsync();
    }

    // Касса 1: a 3 000 ₽ certificate paid by card; its code is read from the receipt.
    private static async Task<string> SellCertificateAsync(IPage page)
    {
        await page.Locator(".pos-right").GetByRole(AriaRole.Button, new() { Name = "3 000,00" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pos-cart tr[data-certificate='3000']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#pos-due")).ToHaveTextAsync(Rub("3 000,00"));
        await page.Keyboard.PressAsync("F3");
        await Assertions.Expect(page.Locator("#pos-pay")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Пробить чек" }).ClickAsync();
        await page.WaitForURLAsync("**/pos/sales/*");
        var receipt = page.Locator("#receipt");
        await Assertions.Expect(receipt).ToContainTextAsync("Товарный чек № S1-000001");
        await Assertions.Expect(Row(receipt, "Карта")).ToContainTextAsync(Rub("3 000,00"));
        var code = Regex.Replace(await Row(receipt, "Код сертификата").Locator(".fw-bold").InnerTextAsync(), @"\D", "");
        Assert.Matches("^[0-9]{13}$", code);
        await page.GetByRole(AriaRole.Link, new() { Name = "Новый чек" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pos-cart")).ToContainTextAsync("Чек пуст");
        return code;
    }

    private async Task<string> BarcodeAsync(string name)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT b.code FROM products p JOIN barcodes b ON b.product_id = p.id WHERE p.name LIKE @n || '%' ORDER BY p.id, b.id LIMIT 1", conn);
        cmd.Parameters.AddWithValue("n", name);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<string> SellToCustomerAsync(IPage page, string certificate)
    {
        // The last digits of a number find nobody at the till: the customer gives the whole number or shows a code.
        await page.Locator("#pos-customer-q").FillAsync("2233");
        await page.Locator("#pos-customer").GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pos-customer-error")).ToContainTextAsync("Введите номер клиента полностью");
        await Assertions.Expect(page.Locator("#pos-customer-name")).ToHaveCountAsync(0);

        // The customer by phone: 5 000 points, up to 30 % of the receipt may be paid with them.
        await page.Locator("#pos-customer-q").FillAsync("8 (916) 111-22-33");
        await page.Locator("#pos-customer").GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pos-customer-name")).ToHaveTextAsync(CustomerName);
        await Assertions.Expect(page.Locator("#pos-customer-points")).ToHaveTextAsync("5000");

        await page.Locator("#pos-scanner").FocusAsync();
        foreach (var name in new[] { "Chanel N°5", "Chanel Coco Mademoiselle", "Bleu de Chanel" })
        {
            var count = await page.Locator("#pos-cart tbody tr").CountAsync();
            await page.ScanAsync(await BarcodeAsync(name));
            await Assertions.Expect(page.Locator("#pos-cart tbody tr")).ToHaveCountAsync(count + 1);
        }
        await Assertions.Expect(page.Locator("#pos-cart")).ToContainTextAsync("Bleu de Chanel");

        // 1+1=3 (−12 990) beats birthday 10 % (−4 547); a unit gets one promotion, so the birthday gives nothing.
        var totals = page.Locator("#pos-totals");
        await Assertions.Expect(totals).ToContainTextAsync(Rub("45 470,00"));
        await Assertions.Expect(page.Locator("#pos-explanation")).ToContainTextAsync(ThreeForTwo);
        await Assertions.Expect(page.Locator("#pos-explanation")).ToContainTextAsync(Rub("12 990,00"));
        await Assertions.Expect(page.Locator("#pos-explanation")).Not.ToContainTextAsync(Birthday);
        await Assertions.Expect(page.Locator("#pos-due")).ToHaveTextAsync(Rub("32 480,00"));
        await Assertions.Expect(totals).ToHaveAttributeAsync("data-max-points", "5000");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "seller-cart.png"), FullPage = true });

        // Points and the certificate first; the rest by card (F3: the card amount follows what they leave).
        await page.Keyboard.PressAsync("F3");
        await Assertions.Expect(page.Locator("#pos-pay")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#pay-due")).ToHaveTextAsync(Rub("32 480,00"));
        await page.Locator("#pay-points").FillAsync("3000");
        await page.Locator("#pay-cert-code").FillAsync(certificate);
        await page.Locator("#pay-cert-amount").FillAsync("3000");
        await Assertions.Expect(page.Locator("#pay-rest")).ToHaveTextAsync(Rub("26 480,00"));
        await Assertions.Expect(page.Locator("#pay-card")).ToHaveValueAsync("26480");
        await Assertions.Expect(page.Locator("#pay-error")).ToHaveTextAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Пробить чек" }).ClickAsync();

        await page.WaitForURLAsync("**/pos/sales/*");
        var receipt = page.Locator("#receipt");
        await Assertions.Expect(receipt).ToContainTextAsync("Товарный чек № S1-000002");
        await Assertions.Expect(receipt).ToContainTextAsync("1 шт. бесплатно");
        await Assertions.Expect(Row(receipt, "в т. ч. " + ThreeForTwo)).ToContainTextAsync(Rub("12 990,00"));
        await Assertions.Expect(receipt).Not.ToContainTextAsync(Birthday);
        await Assertions.Expect(receipt.Locator(".receipt-total")).ToContainTextAsync(Rub("32 480,00"));
        await Assertions.Expect(Row(receipt, "Сертификат " + CertificateCode.Format(certificate))).ToContainTextAsync(Rub("3 000,00"));
        await Assertions.Expect(Row(receipt, "Баллы")).ToContainTextAsync(Rub("3 000,00"));
        await Assertions.Expect(Row(receipt, "Карта")).ToContainTextAsync(Rub("26 480,00"));
        await Assertions.Expect(receipt).ToContainTextAsync("Клиент: " + CustomerName);
        await Assertions.Expect(Row(receipt, "Списано баллов")).ToContainTextAsync("3000");
        await Assertions.Expect(Row(receipt, "Начислено баллов")).ToContainTextAsync("264");
        await Assertions.Expect(Row(receipt, "Баланс баллов")).ToContainTextAsync("2264");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "seller-receipt.png"), FullPage = true });
        return "S1-000002";
    }

    // The seller's shift is the seller's: the cashier opens Касса 2 with an own shift and returns Bleu de Chanel (F8).
    private async Task ReturnOneAsync(string saleNumber)
    {
        var page = await app.LoginAsync("cashier@alaroma.local");
        page.Dialog += (_, d) => d.AcceptAsync();
        await page.OpenShiftAsync("1000", "Касса 2");
        var till2 = page.Url;
        await page.Keyboard.PressAsync("F8");
        await page.WaitForURLAsync("**/return");
        await page.Locator("#number").FillAsync(saleNumber);
        await page.Keyboard.PressAsync("Enter");
        var bleu = page.Locator("#return-form tbody tr", new() { HasText = "Bleu de Chanel" });
        await Assertions.Expect(bleu).ToContainTextAsync(Rub("9 278,98"));
        await bleu.Locator("input[type=number]").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Оформить возврат" }).ClickAsync();
        await page.WaitForURLAsync("**/pos/sales/*");
        var returns = page.Locator("#receipt-returns tbody tr");
        await Assertions.Expect(returns).ToHaveCountAsync(1);
        await Assertions.Expect(returns).ToContainTextAsync("S1-V000001");
        await Assertions.Expect(returns).ToContainTextAsync("Bleu de Chanel EDT 100 мл × 1");
        await Assertions.Expect(returns.Locator("td").Nth(3)).ToHaveTextAsync(Rub("9 278,98"));
        var to = returns.Locator("td").Nth(4);
        await Assertions.Expect(to).ToContainTextAsync(new Regex(@"^Сертификат 857,10\s₽, Баллы 857,00\s₽, Карта 7\s564,88\s₽; начисление уменьшено на 75 б\.$"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "seller-return.png"), FullPage = true });

        // The cashier's Z-report: one return, split the same way; no cash moved.
        await page.GotoAsync(till2);
        await page.CloseShiftAsync("1 000,00", "1000");
        await Assertions.Expect(page.Locator("#r-receipts")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#r-returns-count")).ToHaveTextAsync(new Regex(@"^1 · 9\s278,98\s₽$"));
        await Assertions.Expect(page.Locator("#r-goods-returned")).ToHaveTextAsync(Rub("9 278,98"));
        var r = page.Locator("#r-returns");
        await Assertions.Expect(Row(r, "— Сертификат")).ToContainTextAsync(Rub("857,10"));
        await Assertions.Expect(Row(r, "— Баллы")).ToContainTextAsync(Rub("857,00"));
        await Assertions.Expect(Row(r, "— Карта")).ToContainTextAsync(Rub("7 564,88"));
        await Assertions.Expect(page.Locator("#r-discrepancy")).ToHaveTextAsync(Rub("0,00"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "z-report-return.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    // The seller closes Касса 1 with the float untouched: two sales, the certificate sold and redeemed, points.
    private async Task SellerZReportAsync(string till1)
    {
        var page = await app.LoginAsync("seller@alaroma.local");
        page.Dialog += (_, d) => d.AcceptAsync();
        await page.GotoAsync(till1);
        await page.CloseShiftAsync("5 000,00", "5000");
        var z = page.Locator("#shift-report");
        await Assertions.Expect(page.Locator("#r-receipts")).ToHaveTextAsync("2");
        // Revenue is the goods (32 480); the 3 000 ₽ certificate sold is an advance on its own line; tenders add up to both.
        await Assertions.Expect(page.Locator("#r-revenue")).ToHaveTextAsync(Rub("32 480,00"));
        await Assertions.Expect(page.Locator("#r-goods-returned")).ToHaveTextAsync(new Regex(@"^0,00\s₽$"));
        await Assertions.Expect(page.Locator("#r-tendered")).ToHaveTextAsync(Rub("35 480,00"));
        await Assertions.Expect(page.Locator("#r-net-tendered")).ToHaveTextAsync(Rub("35 480,00"));
        await Assertions.Expect(Row(z, "Скидки")).ToContainTextAsync(Rub("12 990,00"));
        await Assertions.Expect(Row(z, "Карта")).ToContainTextAsync(Rub("29 480,00"));
        await Assertions.Expect(Row(z, "Сертификат")).ToContainTextAsync(Rub("3 000,00"));
        await Assertions.Expect(Row(z, "Баллы")).ToContainTextAsync(Rub("3 000,00"));
        await Assertions.Expect(Row(page.Locator("#r-loyalty"), ThreeForTwo)).ToContainTextAsync(Rub("12 990,00"));
        await Assertions.Expect(page.Locator("#r-loyalty")).Not.ToContainTextAsync(Birthday);
        await Assertions.Expect(page.Locator("#r-cert-sold")).ToHaveTextAsync(new Regex(@"^1 шт\. · 3\s000,00\s₽$"));
        await Assertions.Expect(page.Locator("#r-cert-redeemed")).ToHaveTextAsync(Rub("3 000,00"));
        await Assertions.Expect(page.Locator("#r-points-accrued")).ToHaveTextAsync("264");
        await Assertions.Expect(page.Locator("#r-points-redeemed")).ToHaveTextAsync("3000");
        await Assertions.Expect(page.Locator("#r-returns-count")).ToHaveTextAsync(new Regex(@"^0 · 0,00\s₽$"));
        await Assertions.Expect(page.Locator("#r-counted")).ToHaveTextAsync(Rub("5 000,00"));
        await Assertions.Expect(page.Locator("#r-discrepancy")).ToHaveTextAsync(Rub("0,00"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsDir, "z-report-full.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
