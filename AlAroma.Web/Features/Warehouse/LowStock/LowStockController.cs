using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Warehouse.LowStock;

/// <summary>Low-stock thresholds, "К заказу" and the "Мало товара" alerts.</summary>
[Authorize(Roles = Roles.Stock), Route("warehouse")]
public sealed class LowStockController : Controller
{
    /// <summary>The threshold cell of the stock page (htmx swaps it in place).</summary>
    public const string MinCellView = "/Features/Warehouse/LowStock/_MinCell.cshtml";

    [HttpPost("stock/min")]
    public async Task<IActionResult> SetMin([FromForm] SetMinQuantity.Input input, [FromServices] SetMinQuantity handler, CancellationToken ct)
    {
        var cell = await handler.HandleAsync(input, ct);
        if (!Request.IsHtmx()) return Redirect($"/warehouse/stock?LocationId={input.LocationId}");
        if (cell.Error is null) Response.Toast(cell.MinQuantity is null ? "Порог убран" : $"Мин. остаток: {cell.MinQuantity} шт.", "success");
        return PartialView(MinCellView, cell);
    }

    [HttpGet("reorder")]
    public async Task<IActionResult> Reorder([FromQuery] ListReorder.Input input, [FromServices] ListReorder list, CancellationToken ct) =>
        View("Reorder", await list.HandleAsync(input, ct));

    [HttpGet("reorder/export.xlsx")]
    public async Task<IActionResult> ReorderExport([FromQuery] ListReorder.Input input, [FromServices] ExportReorder export, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(input, ct);
        return File(content, ExcelSheetWriter.ContentType, name);
    }

    [HttpGet("alerts")]
    public async Task<IActionResult> Alerts([FromServices] ListLowStockAlerts list, CancellationToken ct) =>
        View("Alerts", await list.HandleAsync(ct));

    [HttpGet("alerts/badge")]
    public async Task<IActionResult> Badge([FromServices] ListLowStockAlerts list, CancellationToken ct) =>
        PartialView("_AlertBadge", await list.CountAsync(ct));

    [HttpPost("alerts/{id:long}/ack")]
    public async Task<IActionResult> Acknowledge(long id, [FromServices] AcknowledgeLowStockAlert handler, CancellationToken ct)
    {
        await handler.HandleAsync(id, ct);
        if (!Request.IsHtmx()) return Redirect("/warehouse/alerts");
        Response.Toast("Уведомление принято", "success");
        return Content("");
    }
}
