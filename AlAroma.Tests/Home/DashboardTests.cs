using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Reports;
using AlAroma.Web.Features.Home;
using AlAroma.Web.Features.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Home;

/// <summary>The home dashboards: the manager's sales figures follow the daily report's revenue; a storekeeper sees documents, not sales.</summary>
public sealed class DashboardTests(SalesReportFixture f) : IClassFixture<SalesReportFixture>
{
    /// <summary>A clock stopped at 18:00 Moscow time on <paramref name="day"/>.</summary>
    private sealed class FixedClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
    }

    private async Task<GetDashboard.Model> DashboardAsync(string email, bool forManager, DateOnly day)
    {
        await using var factory = f.App.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(day))));
        var principal = await f.App.PrincipalAsync(email);
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
        return await scope.ServiceProvider.GetRequiredService<GetDashboard>().HandleAsync(forManager, CancellationToken.None);
    }

    [Fact]
    public async Task Sales_today_is_goods_sold_minus_returns_without_certificates_as_in_the_daily_report()
    {
        // 20.11.2026 at S1: 5 000 ₽ (2 000 goods + 3 000 certificate) and a 1 000 ₽ certificate; 1 000 ₽ of goods returned.
        var m = await DashboardAsync("manager@alaroma.local", forManager: true, SalesReportFixture.ReturnsDay);

        var sales = Assert.IsType<GetDashboard.SalesPart>(m.Sales);
        Assert.Equal(1000m, sales.Today.Revenue);
        Assert.Equal(1000m, sales.Today.Shops.Single(s => s.Code == "S1").Revenue);
        Assert.Equal(4000m, sales.Today.Certificates);
        // The chart speaks the same revenue: today's hours and today's day bar add up to it.
        Assert.Equal(1000m, sales.Chart.TodayByHour.Sum());
        Assert.Equal(1000m, sales.Chart.ByDay[^1]);
        Assert.Equal(SalesChart.DayCount, sales.Chart.Days.Count);
        Assert.Equal(SalesReportFixture.ReturnsDay.ToString("dd.MM"), sales.Chart.Days[^1]);
        Assert.Empty(m.Drafts);
    }

    [Fact]
    public async Task The_week_before_line_is_the_same_weekday_seven_days_earlier()
    {
        var m = await DashboardAsync("manager@alaroma.local", forManager: true, SalesReportFixture.ReturnsDay.AddDays(7));
        var chart = m.Sales!.Chart;
        Assert.Equal(1000m, chart.WeekBeforeByDay[^1]);
        Assert.Equal(1000m, chart.WeekAgoByHour.Sum());
        Assert.Equal(1000m, chart.ByDay[^8]);
        Assert.Equal(0m, chart.TodayByHour.Sum());
    }

    [Fact]
    public async Task A_storekeeper_gets_documents_to_process_not_sales()
    {
        var m = await DashboardAsync("storekeeper@alaroma.local", forManager: false, SalesReportFixture.Day);
        Assert.False(m.ForManager);
        Assert.Null(m.Sales);
        Assert.Empty(m.WriteOffsToApprove);
    }

    [Fact]
    public async Task Home_page_of_a_storekeeper_lists_documents_and_no_sales()
    {
        using var client = await f.App.ClientAsync("storekeeper@alaroma.local");
        var html = await client.GetStringAsync("/");
        Assert.Contains("Черновики", html);
        Assert.Contains("Заявки магазинов", html);
        Assert.DoesNotContain("Продажи сегодня", html);

        using var manager = await f.App.ClientAsync("manager@alaroma.local");
        var home = await manager.GetStringAsync("/");
        Assert.Contains("Продажи сегодня", home);
        Assert.Contains("Списания на утверждение", home);
        Assert.Contains("Расхождения при приёмке", home);
        Assert.Contains("data-chart=", home);
    }
}
