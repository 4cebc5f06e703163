using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Reports;

/// <summary>Reports for the back office: the list with a daily sales preview, and the Excel downloads.</summary>
[Authorize(Roles = Roles.BackOffice)]
public sealed class ReportsController : Controller
{
    /// <summary>The report list; an htmx request (changing the day or the shop) gets only the preview.</summary>
    [HttpGet("/reports")]
    public async Task<IActionResult> Index([FromQuery] DateOnly? date, [FromQuery] int? locationId, [FromServices] GetReportsPage page, CancellationToken ct)
    {
        RejectBadDate();
        var model = await page.HandleAsync(new DailySalesQuery(date, locationId), ct);
        return Request.IsHtmx() ? PartialView("_DailyPreview", model.Daily) : View(model);
    }

    /// <summary>Daily sales workbook, e.g. /reports/daily-sales.xlsx?date=2026-11-23&amp;locationId=2.</summary>
    [HttpGet("/reports/daily-sales.xlsx")]
    public async Task<IActionResult> DailySalesXlsx([FromQuery] DateOnly? date, [FromQuery] int? locationId, [FromServices] GetDailySales handler, CancellationToken ct)
    {
        RejectBadDate();
        var report = await handler.HandleAsync(new DailySalesQuery(date, locationId), ct);
        using var wb = DailySalesWorkbook.Build(report);
        return File(ExcelSheetWriter.ToBytes(wb), ExcelSheetWriter.ContentType, DailySalesWorkbook.FileName(report));
    }

    /// <summary>Stock balances workbook of one location, or of all when locationId is empty.</summary>
    [HttpGet("/reports/stock-balances.xlsx")]
    public async Task<IActionResult> StockBalancesXlsx([FromQuery] int? locationId, [FromServices] GetStockBalances handler, CancellationToken ct)
    {
        var report = await handler.HandleAsync(new StockBalancesQuery(locationId), ct);
        using var wb = StockBalancesWorkbook.Build(report);
        return File(ExcelSheetWriter.ToBytes(wb), ExcelSheetWriter.ContentType, StockBalancesWorkbook.FileName(report));
    }

    private void RejectBadDate()
    {
        if (!ModelState.IsValid) throw new BusinessRuleException("Параметры отчёта указаны неверно: выберите день в календаре и магазин из списка.");
    }
}
