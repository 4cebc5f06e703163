using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Warehouse;

/// <summary>"Остатки" (with the Excel export) and "Движение товаров".</summary>
[Authorize(Roles = Roles.Stock), Route("warehouse")]
public sealed class StockController : Controller
{
    /// <summary>Content type of .xlsx files.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet("stock")]
    public async Task<IActionResult> Stock([FromQuery] ListStockBalances.Input input, [FromServices] ListStockBalances list, CancellationToken ct) =>
        View("Stock", await list.HandleAsync(input, ct));

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
