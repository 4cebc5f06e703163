using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Warehouse.Stocks;

/// <summary>"Остатки" (with the Excel export) and "Движение товаров".</summary>
[Authorize(Roles = Roles.Stock), Route("warehouse")]
public sealed class StockController : Controller
{
    /// <summary>Content type of .xlsx files.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The list; an htmx "Показать ещё" gets only the next rows (and the next button).</summary>
    [HttpGet("stock")]
    public async Task<IActionResult> Stock([FromQuery] ListStockBalances.Input input, [FromServices] ListStockBalances list, CancellationToken ct)
    {
        var model = await list.HandleAsync(input, ct);
        return Request.IsHtmx() && input.After is not null ? PartialView("_StockRows", model) : View("Stock", model);
    }

    /// <summary>The totals row of the filtered list, loaded by the page after it is shown.</summary>
    [HttpGet("stock/totals")]
    public async Task<IActionResult> StockTotals([FromQuery] ListStockBalances.Input input, [FromServices] ListStockBalances list, CancellationToken ct) =>
        await list.TotalsAsync(input, ct) is { } totals ? PartialView("_StockTotals", totals) : NotFound();

    [HttpGet("stock/export")]
    public async Task<IActionResult> Export([FromQuery] ListStockBalances.Input input, [FromServices] ExportStockBalances export, CancellationToken ct) =>
        await export.HandleAsync(input, ct) is { } file ? File(file.Content, XlsxContentType, file.FileName) : NotFound();

    /// <summary>The journal; an htmx "Показать ещё" gets only the next rows (and the next button).</summary>
    [HttpGet("movements")]
    public async Task<IActionResult> Movements([FromQuery] ListStockMovements.Input input, [FromServices] ListStockMovements list, CancellationToken ct)
    {
        var model = await list.HandleAsync(input, ct);
        return Request.IsHtmx() && input.Before is not null ? PartialView("_MovementRows", model) : View("Movements", model);
    }

    [HttpGet("movements/export.xlsx")]
    public async Task<IActionResult> MovementsExport([FromQuery] ListStockMovements.Input input, [FromServices] ExportStockMovements export, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(input, ct);
        return File(content, XlsxContentType, name);
    }
}
