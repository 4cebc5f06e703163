using AlAroma.Web.Infrastructure.Excel;
using System.Net;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Features.Reports;
using ClosedXML.Excel;
using static AlAroma.Tests.Reports.Workbooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Reports;

public class DailySalesReportTests(SalesReportFixture f) : IClassFixture<SalesReportFixture>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly int H = ExcelSheetWriter.HeaderRow;

    private async Task<DailySales> ReportAsync(bool onlyS2 = false)
    {
        using var scope = f.App.Scope();
        var handler = scope.ServiceProvider.GetRequiredService<GetDailySales>();
        return onlyS2
            ? await handler.ForShopsAsync([f.S2], SalesReportFixture.Day, f.S2.Name, f.S2.Id, CancellationToken.None)
            : await handler.ForShopsAsync([f.S1, f.S2], SalesReportFixture.Day, GetDailySales.AllShopsLabel, null, CancellationToken.None);
    }

    [Fact]
    public async Task Each_shop_counts_its_own_local_day()
    {
        var r = await ReportAsync();

        Assert.Equal(4, r.Receipts);
        Assert.Equal(11500m, r.Subtotal);
        Assert.Equal(400m, r.Discount);
        Assert.Equal(11100m, r.Revenue);
        Assert.Equal(2775m, r.AverageReceipt);

        var s1 = r.Shops.Single(s => s.Code == "S1");
        Assert.Equal((2, 4400m), (s1.Receipts, s1.Revenue));
        Assert.Equal(new DateTime(2026, 11, 23, 10, 0, 0), s1.FirstReceiptLocal);
        Assert.Equal(new DateTime(2026, 11, 23, 23, 55, 0), s1.LastReceiptLocal);
        var s2 = r.Shops.Single(s => s.Code == "S2");
        Assert.Equal((2, 6700m), (s2.Receipts, s2.Revenue));
        Assert.Equal(new DateTime(2026, 11, 23, 0, 5, 0), s2.FirstReceiptLocal);
        Assert.Equal(new DateTime(2026, 11, 23, 23, 50, 0), s2.LastReceiptLocal);
    }

    [Fact]
    public async Task Products_payments_and_cashiers_add_up_to_the_revenue()
    {
        var r = await ReportAsync();

        var p1 = r.Products.Single(p => p.Sku == f.P1.Sku);
        Assert.Equal((3, 2900m, 100m), (p1.Quantity, p1.Revenue, p1.Discount));
        Assert.Equal(f.P1.Brand, p1.Brand);
        var p3 = r.Products.Single(p => p.Sku == f.P3.Sku);
        Assert.Equal((2, 5700m, 300m), (p3.Quantity, p3.Revenue, p3.Discount));
        Assert.Equal(r.Revenue, r.Products.Sum(p => p.Revenue));
        Assert.Equal(p3.Sku, r.Products[0].Sku); // best seller first

        Assert.Equal([PaymentMethod.Cash, PaymentMethod.Card], r.Payments.Select(p => p.Method));
        Assert.Equal((3, 6600m), (r.Payments[0].Payments, r.Payments[0].Amount)); // cash net of change
        Assert.Equal((2, 4500m), (r.Payments[1].Payments, r.Payments[1].Amount));

        var ksenia = r.Cashiers.Single(c => c.Name == SalesReportFixture.Ksenia);
        Assert.Equal((2, 5600m), (ksenia.Receipts, ksenia.Revenue));
        var polina = r.Cashiers.Single(c => c.Name == SalesReportFixture.Polina);
        Assert.Equal((2, 5500m, 2750m), (polina.Receipts, polina.Revenue, polina.AverageReceipt));
    }

    [Fact]
    public async Task Revenue_agrees_with_the_z_report_certificates_sold_are_an_advance_and_returns_are_deducted()
    {
        using var scope = f.App.Scope();
        var r = await scope.ServiceProvider.GetRequiredService<GetDailySales>()
            .ForShopsAsync([f.S1, f.S2], SalesReportFixture.ReturnsDay, GetDailySales.AllShopsLabel, null, CancellationToken.None);

        Assert.Equal(2, r.Receipts);
        Assert.Equal((2000m, 0m, 1000m), (r.Subtotal, r.Discount, r.Returns));
        Assert.Equal(1000m, r.Revenue);
        Assert.Equal(4000m, r.Certificates);
        Assert.Equal(2000m, r.AverageReceipt); // one receipt with goods; the certificate-only one is not a purchase
        var p1 = Assert.Single(r.Products);
        Assert.Equal((f.P1.Sku, 1, 1000m), (p1.Sku, p1.Quantity, p1.Revenue));
        Assert.Equal(1, r.Units);
        Assert.Equal([(PaymentMethod.Cash, 1000m, 0m), (PaymentMethod.Card, 5000m, 1000m)], r.Payments.Select(p => (p.Method, p.Amount, p.Refunded)));
        Assert.Equal(r.Revenue + r.Certificates, r.Payments.Sum(p => p.Net));
        var ksenia = Assert.Single(r.Cashiers);
        Assert.Equal((2, 1000m, 2000m), (ksenia.Receipts, ksenia.Revenue, ksenia.AverageReceipt));

        // The Z-report's definition, through the same figures: goods sold − goods returned, certificates beside.
        var z = ShiftReport.Compute(0m, [new(5000m, 0m, 3000m, 1), new(1000m, 0m, 1000m, 1)],
            [new(PaymentMethod.Card, 5000m, null, null), new(PaymentMethod.Cash, 1000m, 1000m, 0m)], [new(1, PaymentMethod.Card, 1000m)]);
        Assert.Equal((z.Revenue, z.CertificatesSold, z.AverageReceipt), (r.Revenue, r.Certificates, r.AverageReceipt));

        using var built = DailySalesWorkbook.Build(r);
        using var wb = Reopen(built);
        var summary = wb.Worksheet(DailySalesWorkbook.Summary);
        decimal Field(string label) => summary.RowsUsed().Single(x => x.Cell(1).GetString() == label).Cell(2).GetValue<decimal>();
        Assert.Equal((1000m, 1000m, 4000m), (Field("Возвраты"), Field("Выручка"), Field("Продано сертификатов (аванс)")));
        var payments = TotalsRow(wb.Worksheet(DailySalesWorkbook.ByPayment));
        Assert.Equal((6000m, 1000m, 5000m), (payments.Cell(3).GetValue<decimal>(), payments.Cell(4).GetValue<decimal>(), payments.Cell(5).GetValue<decimal>()));
    }

    [Fact]
    public async Task One_shop_report_uses_only_that_shop()
    {
        var r = await ReportAsync(onlyS2: true);
        Assert.Equal((2, 6700m), (r.Receipts, r.Revenue));
        Assert.Equal("Asia/Yekaterinburg", r.TimeZoneId);
        Assert.Equal("prodazhi-S2-2026-11-23.xlsx", DailySalesWorkbook.FileName(r));
    }

    [Fact]
    public async Task Workbook_sheets_carry_totals_formats_frozen_header_and_filter()
    {
        var r = await ReportAsync();
        using var built = DailySalesWorkbook.Build(r);
        using var wb = Reopen(built);

        Assert.Equal([DailySalesWorkbook.Summary, DailySalesWorkbook.ByShop, DailySalesWorkbook.ByProduct, DailySalesWorkbook.ByPayment, DailySalesWorkbook.ByCashier],
            wb.Worksheets.Select(w => w.Name));

        var summary = wb.Worksheet(DailySalesWorkbook.Summary);
        Assert.Equal("Продажи за 23.11.2026 — все магазины", summary.Cell(1, 1).GetString());
        decimal Field(string label) => summary.RowsUsed().Single(x => x.Cell(1).GetString() == label).Cell(2).GetValue<decimal>();
        Assert.Equal(4m, Field("Чеков"));
        Assert.Equal(11100m, Field("Выручка"));
        Assert.Equal(400m, Field("Скидки"));
        Assert.Equal(2775m, Field("Средний чек"));
        var revenueCell = summary.RowsUsed().Single(x => x.Cell(1).GetString() == "Выручка").Cell(2);
        Assert.Equal(ExcelSheetWriter.MoneyFormat, revenueCell.Style.NumberFormat.Format);
        Assert.Equal(ExcelSheetWriter.DateTimeFormat, summary.RowsUsed().Single(x => x.Cell(1).GetString() == "Сформирован").Cell(2).Style.NumberFormat.Format);

        // Every table sheet: bold frozen header, autofilter from the header, bold totals with money formats.
        foreach (var (name, moneyColumn, expected) in new[]
                 {
                     (DailySalesWorkbook.ByShop, 7, 11100m), (DailySalesWorkbook.ByProduct, 5, 11100m),
                     (DailySalesWorkbook.ByPayment, 3, 11100m), (DailySalesWorkbook.ByCashier, 3, 11100m),
                 })
        {
            var ws = wb.Worksheet(name);
            Assert.Equal(H, ws.SheetView.SplitRow);
            Assert.True(ws.AutoFilter.IsEnabled, name);
            Assert.Equal(H, ws.AutoFilter.Range.FirstRow().RowNumber());
            Assert.True(ws.Cell(H, 1).Style.Font.Bold, name);
            var totals = TotalsRow(ws);
            Assert.True(totals.Cell(moneyColumn).Style.Font.Bold, name);
            Assert.Equal(expected, totals.Cell(moneyColumn).GetValue<decimal>());
            Assert.Equal(ExcelSheetWriter.MoneyFormat, totals.Cell(moneyColumn).Style.NumberFormat.Format);
            Assert.Equal(ExcelSheetWriter.MoneyFormat, ws.Cell(H + 1, moneyColumn).Style.NumberFormat.Format);
            Assert.Equal(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);
        }

        var byShop = wb.Worksheet(DailySalesWorkbook.ByShop);
        Assert.Equal(4, TotalsRow(byShop).Cell(3).GetValue<int>());
        Assert.Equal(ExcelSheetWriter.DateTimeFormat, byShop.Cell(H + 1, 9).Style.NumberFormat.Format);
        Assert.Equal(new DateTime(2026, 11, 23, 23, 55, 0), byShop.Cell(H + 1, 10).GetDateTime());
        Assert.Equal(6, TotalsRow(wb.Worksheet(DailySalesWorkbook.ByProduct)).Cell(4).GetValue<int>());
        var payments = wb.Worksheet(DailySalesWorkbook.ByPayment);
        Assert.Equal("Наличные", payments.Cell(H + 1, 1).GetString());
        Assert.Equal(6600m, payments.Cell(H + 1, 3).GetValue<decimal>());
    }

    [Fact]
    public async Task Manager_downloads_the_workbook()
    {
        var client = await f.App.ClientAsync("manager@alaroma.local");
        var resp = await client.GetAsync("/reports/daily-sales.xlsx?date=2026-11-23");

        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal(Xlsx, resp.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", resp.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("prodazhi-2026-11-23.xlsx", resp.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var wb = Open(await resp.Content.ReadAsByteArrayAsync());
        Assert.Equal(11100m, TotalsRow(wb.Worksheet(DailySalesWorkbook.ByShop)).Cell(7).GetValue<decimal>());

        var one = await client.GetAsync($"/reports/daily-sales.xlsx?date=2026-11-23&locationId={f.S1.Id}");
        Assert.Equal("prodazhi-S1-2026-11-23.xlsx", one.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var wb1 = Open(await one.Content.ReadAsByteArrayAsync());
        Assert.Equal(4400m, TotalsRow(wb1.Worksheet(DailySalesWorkbook.ByShop)).Cell(7).GetValue<decimal>());
    }

    [Theory]
    [InlineData("cashier@alaroma.local")]
    [InlineData("seller@alaroma.local")]
    [InlineData("storekeeper@alaroma.local")]
    [InlineData("operator@alaroma.local")]
    public async Task Only_the_back_office_gets_reports(string email)
    {
        var client = await f.App.ClientAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/reports/daily-sales.xlsx?date=2026-11-23")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/reports/stock-balances.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/reports")).StatusCode);
    }

    [Fact]
    public async Task Reports_page_previews_the_day_and_htmx_gets_the_fragment()
    {
        var client = await f.App.ClientAsync("admin@alaroma.local");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/reports?date=2026-11-23"));
        Assert.Contains("Скачать Excel", html);
        Assert.Contains("/reports/stock-balances.xlsx", html);
        Assert.Matches("id=\"daily-revenue\">11\\s100,00\\s₽<", html);

        var req = new HttpRequestMessage(HttpMethod.Get, $"/reports?date=2026-11-23&locationId={f.S2.Id}");
        req.Headers.Add("HX-Request", "true");
        var fragment = WebUtility.HtmlDecode(await (await client.SendAsync(req)).Content.ReadAsStringAsync());
        Assert.DoesNotContain("<html", fragment);
        Assert.Matches("id=\"daily-revenue\">6\\s700,00\\s₽<", fragment);

        var empty = WebUtility.HtmlDecode(await client.GetStringAsync("/reports?date=2026-11-25"));
        Assert.Contains("Продаж за 25.11.2026 нет", empty);
    }

    [Fact]
    public async Task A_manager_bound_to_one_shop_sees_only_it()
    {
        using (var scope = f.App.Scope())
            await scope.ServiceProvider.GetRequiredService<Web.Data.Seeder>()
                .CreateUserAsync("manager-s1@alaroma.local", "Тверская Татьяна", Web.Data.Seeder.DemoPassword, Roles.Manager, [f.S1.Id]);
        var client = await f.App.ClientAsync("manager-s1@alaroma.local");

        using var wb = Open(await client.GetByteArrayAsync("/reports/daily-sales.xlsx?date=2026-11-23"));
        Assert.Equal(4400m, TotalsRow(wb.Worksheet(DailySalesWorkbook.ByShop)).Cell(7).GetValue<decimal>());

        var other = await client.GetAsync($"/reports/daily-sales.xlsx?date=2026-11-23&locationId={f.S2.Id}");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        var stock = await client.GetAsync($"/reports/stock-balances.xlsx?locationId={f.S2.Id}");
        Assert.Equal(HttpStatusCode.Redirect, stock.StatusCode);
    }

    [Fact]
    public async Task A_bad_date_is_refused_with_a_message()
    {
        var client = await f.App.ClientAsync("manager@alaroma.local");
        var resp = await client.GetAsync("/reports/daily-sales.xlsx?date=not-a-date");
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        Assert.NotEqual(Xlsx, resp.Content.Headers.ContentType?.MediaType);
    }
}
