using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Reports;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Loyalty.Birthdays;
using AlAroma.Web.Features.Loyalty.Dashboard;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Loyalty;

/// <summary>
/// «Программа лояльности» on a small known set added to the demo chain: each figure moves by exactly what the set adds
/// (members by level without a merged duplicate, active in 90 days, liability of positive balances only, points per
/// month by kind, birthday gifts, repeat rate, members' share of revenue net of returns and without certificates or
/// receipts older than 12 months), and the Excel download opened with ClosedXML holds the page's figures.
/// </summary>
public sealed class LoyaltyDashboardTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_figures_count_the_seeded_set_and_the_excel_holds_the_same()
    {
        var before = await DashboardAsync();
        var now = DateTime.UtcNow;
        await SeedAsync(now);
        var after = await DashboardAsync();

        Assert.Equal(4, after.Members - before.Members); // the merged duplicate is not a member
        Assert.Equal(1, after.ByLevel[LoyaltyLevel.Gold] - before.ByLevel[LoyaltyLevel.Gold]);
        Assert.Equal(1, after.ByLevel[LoyaltyLevel.Silver] - before.ByLevel[LoyaltyLevel.Silver]);
        Assert.Equal(2, after.ByLevel[LoyaltyLevel.Standard] - before.ByLevel[LoyaltyLevel.Standard]);
        Assert.Equal(1, after.Active - before.Active);
        Assert.Equal(500 + 500 + 200, after.Liability - before.Liability); // −30 of the reversed customer owes, it is not owed
        Assert.Equal(2, after.Buyers - before.Buyers);
        Assert.Equal(1, after.RepeatBuyers - before.RepeatBuyers);
        Assert.Equal((decimal)after.RepeatBuyers / after.Buyers, after.RepeatRate);
        Assert.Equal(1000m + 2000m + 1000m - 400m, after.MemberRevenue - before.MemberRevenue);
        Assert.Equal(3600m + 3000m, after.Revenue - before.Revenue);
        Assert.Equal(after.MemberRevenue / after.Revenue, after.MemberShare);

        long Total(GetLoyaltyDashboard.Model m, Func<GetLoyaltyDashboard.Month, long> f) => m.Monthly.Sum(f);
        Assert.Equal(500 + 300 + 50, Total(after, m => m.Accrued) - Total(before, m => m.Accrued));
        Assert.Equal(500, Total(after, m => m.Gifted) - Total(before, m => m.Gifted));
        Assert.Equal(100, Total(after, m => m.Redeemed) - Total(before, m => m.Redeemed));
        Assert.Equal(30, Total(after, m => m.Reversed) - Total(before, m => m.Reversed));
        Assert.Equal(50, Total(after, m => m.Expired) - Total(before, m => m.Expired));
        Assert.Equal(1, Total(after, m => m.BirthdayGifts) - Total(before, m => m.BirthdayGifts));
        Assert.Equal(500, Total(after, m => m.BirthdayGiftPoints) - Total(before, m => m.BirthdayGiftPoints));
        var local = LocalTime.ToLocal(now.AddDays(-40));
        var month = new DateOnly(local.Year, local.Month, 1);
        Assert.Equal(300, after.Monthly.Single(m => m.First == month).Accrued - before.Monthly.Single(m => m.First == month).Accrued); // B's accrual, 40 days ago
        Assert.Equal(GetLoyaltyDashboard.Months, after.Monthly.Count);

        var manager = await app.ClientAsync("manager@alaroma.local");
        var page = WebUtility.HtmlDecode(await manager.GetStringAsync("/loyalty/dashboard"));
        Assert.Contains("Программа лояльности", page);
        Assert.Contains($"{after.RepeatBuyers} из {after.Buyers} покупавших", page);

        var resp = await manager.GetAsync("/loyalty/dashboard.xlsx");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal(ExcelSheetWriter.ContentType, resp.Content.Headers.ContentType?.MediaType);
        using var wb = Workbooks.Open(await resp.Content.ReadAsByteArrayAsync());
        var summary = wb.Worksheet("Итоги");
        decimal Field(string label) => summary.RowsUsed().Single(r => r.Cell(1).GetString() == label).Cell(2).GetValue<decimal>();
        Assert.Equal(after.Members, Field("Участников"));
        Assert.Equal(after.ByLevel[LoyaltyLevel.Gold], Field("Уровень «Золотой»"));
        Assert.Equal(after.Active, Field("Активных за 90 дней"));
        Assert.Equal(after.Liability, Field("Баллы на счетах (обязательство), ₽"));
        Assert.Equal(after.RepeatBuyers, Field("Из них 2 и более раза"));
        Assert.Equal(after.MemberRevenue, Field("Выручка от участников, ₽"));
        Assert.Equal(Math.Round(after.MemberShare, 10), Math.Round(Field("Доля выручки от участников"), 10));
        var monthly = wb.Worksheet("По месяцам");
        var totals = Workbooks.TotalsRow(monthly);
        Assert.Equal(Total(after, m => m.Accrued), totals.Cell(2).GetValue<long>());
        Assert.Equal(Total(after, m => m.Expired), totals.Cell(6).GetValue<long>());
        Assert.Equal(Total(after, m => m.BirthdayGifts), totals.Cell(7).GetValue<long>());
    }

    private async Task<GetLoyaltyDashboard.Model> DashboardAsync()
    {
        using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<GetLoyaltyDashboard>().HandleAsync(default);
    }

    private async Task SeedAsync(DateTime now)
    {
        await using var db = app.Db();
        Customer New(string name, LoyaltyLevel level) => new() { Phone = "+7916" + Random.Shared.Next(1_000_000, 9_999_999), Name = name, Level = level, CreatedAtUtc = now.AddYears(-2) };
        var (a, b, c, e) = (New("Золотова Анна", LoyaltyLevel.Gold), New("Серебрякова Бэла", LoyaltyLevel.Silver), New("Простова Вера", LoyaltyLevel.Standard), New("Должникова Ева", LoyaltyLevel.Standard));
        db.Customers.AddRange(a, b, c, e);
        await db.SaveChangesAsync();
        var d = New("Золотова Анна (дубль)", LoyaltyLevel.Standard);
        d.MergedIntoId = a.Id;
        db.Customers.Add(d);
        await db.SaveChangesAsync();

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await PointsLedger.AccrueAsync(db, a.Id, 500, null, now.AddDays(-10), "test", 12, default);
            await PointsLedger.GiftAsync(db, a.Id, 500, now.AddDays(-2), "test", "день рождения", now.AddDays(28), default);
            await PointsLedger.AccrueAsync(db, b.Id, 300, null, now.AddDays(-40), "test", 12, default);
            await PointsLedger.RedeemAsync(db, b.Id, 100, null, now.AddDays(-1), "test", default);
            await PointsLedger.AccrueAsync(db, c.Id, 50, null, now.AddDays(-30), "test", 12, default);
            await PointsLedger.PostAsync(db, c.Id, PointsEntryKind.Expiry, -50, null, now.AddDays(-3), "test", null, default);
            await PointsLedger.PostAsync(db, e.Id, PointsEntryKind.Reversal, -30, null, now.AddDays(-4), "test", null, default);
            await tx.CommitAsync();
        }
        db.Set<BirthdayGift>().Add(new BirthdayGift { CustomerId = a.Id, Year = now.Year + 50, Points = 500, GivenAtUtc = now.AddDays(-2), ExpiresAtUtc = now.AddDays(28) });

        var s1 = await db.Locations.SingleAsync(l => l.Code == "S1");
        var shift = await SalesReportFixture.OpenShiftAsync(db, s1, now.AddYears(-2));
        var product = await db.Products.OrderBy(p => p.Id).FirstAsync();
        var n = 0;
        Sale Sale(Customer? who, DateTime at, decimal amount, decimal certificate = 0m)
        {
            var sale = SalesReportFixture.NewSale(s1, shift, $"LD-{Guid.NewGuid():N}"[..12] + ++n, at, "test", "Тест", [(product, 1, amount, 0m)], (PaymentMethod.Card, amount + certificate, null));
            sale.CustomerId = who?.Id;
            if (certificate > 0)
            {
                sale.Lines.Add(new SaleLine { Sku = "CERT", Name = "Подарочный сертификат", Quantity = 1, UnitPrice = certificate, Total = certificate, UnitTotals = [certificate], IsGiftCertificate = true });
                (sale.Subtotal, sale.Total) = (sale.Subtotal + certificate, sale.Total + certificate);
            }
            return sale;
        }
        var bSale = Sale(b, now.AddDays(-120), 1000m);
        db.Sales.AddRange(Sale(a, now.AddDays(-10), 1000m), Sale(a, now.AddDays(-100), 2000m), Sale(a, now.AddDays(-400), 9000m), bSale, Sale(null, now.AddDays(-3), 3000m, certificate: 1000m));
        await db.SaveChangesAsync();
        db.SaleReturns.Add(new SaleReturn
        {
            Number = $"LD-V{bSale.Id}", SaleId = bSale.Id, LocationId = s1.Id, RegisterId = shift.RegisterId, ShiftId = shift.Id, CashierName = "Тест",
            CreatedAtUtc = now.AddDays(-119), IdempotencyKey = Guid.NewGuid(), Total = 400m,
            Lines = [new SaleReturnLine { SaleLineId = bSale.Lines[0].Id, ProductId = product.Id, Name = product.Name, Quantity = 1, Amount = 400m }],
            Payments = [new SaleReturnPayment { Method = PaymentMethod.Card, Amount = 400m }],
        });
        await db.SaveChangesAsync();
    }
}
