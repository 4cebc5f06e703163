using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Reports;

/// <summary>
/// S1 moved to Novosibirsk (UTC+7, four hours ahead of Moscow) on <see cref="Day"/> = 25.11.2026: a day shift from
/// 09:00 to 23:45 local with a 1 000 ₽ cash sale at 23:30 local (16:30 UTC, 19:30 in Moscow), and a night shift
/// opened at 00:15 local on the 26th with a 2 500 ₽ card sale at 00:30 local (17:30 UTC — still the 25th in UTC
/// and in Moscow).
/// </summary>
public sealed class NovosibirskShopFixture : IAsyncLifetime
{
    public static readonly DateOnly Day = new(2026, 11, 25);
    public AppFixture App { get; } = new();
    public Location Shop { get; private set; } = null!;
    public Shift DayShift { get; private set; } = null!;
    public Shift NightShift { get; private set; } = null!;

    private static DateTime Utc(int hour, int minute) => new(2026, 11, 25, hour, minute, 0, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await using var db = App.Db();
        Shop = await db.Locations.SingleAsync(l => l.Code == "S1");
        Shop.TimeZoneId = "Asia/Novosibirsk";
        await db.SaveChangesAsync();
        var product = await db.Products.OrderBy(p => p.Id).FirstAsync();
        var cashier = (await db.Users.SingleAsync(u => u.Email == "cashier@alaroma.local")).Id;

        DayShift = await SalesReportFixture.OpenShiftAsync(db, Shop, Utc(2, 0));
        db.Sales.Add(SalesReportFixture.NewSale(Shop, DayShift, "S1-000001", Utc(16, 30), cashier, SalesReportFixture.Ksenia,
            [(product, 1, 1000m, 0m)], (PaymentMethod.Cash, 1000m, 1000m)));
        DayShift.ClosedAtUtc = Utc(16, 45);
        DayShift.ClosedByName = "Тест";
        await db.SaveChangesAsync();

        NightShift = await SalesReportFixture.OpenShiftAsync(db, Shop, Utc(17, 15));
        db.Sales.Add(SalesReportFixture.NewSale(Shop, NightShift, "S1-000002", Utc(17, 30), cashier, SalesReportFixture.Ksenia,
            [(product, 1, 2500m, 0m)], (PaymentMethod.Card, 2500m, null)));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>A Novosibirsk shop's business day runs from its own local midnight, in the daily report and the X/Z-report.</summary>
public class NovosibirskBusinessDayTests(NovosibirskShopFixture f) : IClassFixture<NovosibirskShopFixture>
{
    private async Task<DailySales> ReportAsync(DateOnly day)
    {
        using var scope = f.App.Scope();
        return await scope.ServiceProvider.GetRequiredService<GetDailySales>()
            .ForShopsAsync([f.Shop], day, f.Shop.Name, f.Shop.Id, CancellationToken.None);
    }

    [Fact]
    public async Task A_sale_at_23_30_local_counts_on_that_day_and_one_at_00_30_on_the_next()
    {
        var day = await ReportAsync(NovosibirskShopFixture.Day);
        Assert.Equal("Asia/Novosibirsk", day.TimeZoneId);
        Assert.Equal((1, 1000m), (day.Receipts, day.Revenue));
        var shop = Assert.Single(day.Shops);
        Assert.Equal(new DateTime(2026, 11, 25, 23, 30, 0), shop.LastReceiptLocal);

        var next = await ReportAsync(NovosibirskShopFixture.Day.AddDays(1));
        Assert.Equal((1, 2500m), (next.Receipts, next.Revenue));
        Assert.Equal(new DateTime(2026, 11, 26, 0, 30, 0), Assert.Single(next.Shops).FirstReceiptLocal);
    }

    [Fact]
    public async Task The_z_report_of_the_day_shift_and_the_x_report_of_the_night_shift_show_local_times_and_their_own_sale()
    {
        var admin = await f.App.ClientAsync("admin@alaroma.local");

        var z = WebUtility.HtmlDecode(await admin.GetStringAsync($"/pos/shifts/{f.DayShift.Id}"));
        Assert.Contains("Z-отчёт", z);
        Assert.Contains("25.11.2026 09:00", z);
        Assert.Contains("25.11.2026 23:45", z);
        Assert.Contains("<span id=\"r-receipts\">1</span>", z);
        Assert.Contains($"<span id=\"r-revenue\">{Web.Infrastructure.Money.Format(1000m)}</span>", z);

        var x = WebUtility.HtmlDecode(await admin.GetStringAsync($"/pos/shifts/{f.NightShift.Id}"));
        Assert.Contains("X-отчёт", x);
        Assert.Contains("26.11.2026 00:15", x);
        Assert.Contains("<span id=\"r-receipts\">1</span>", x);
        Assert.Contains($"<span id=\"r-revenue\">{Web.Infrastructure.Money.Format(2500m)}</span>", x);
    }
}
