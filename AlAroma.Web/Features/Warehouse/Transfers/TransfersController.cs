using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Warehouse.Transfers;

/// <summary>"Перемещение": list, new draft, document page with line entry, shipping, receiving, cancelling, print view.</summary>
[Authorize(Roles = Roles.Stock), Route("warehouse/transfers")]
public sealed class TransfersController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListTransfers.Input input, [FromServices] ListTransfers list, CancellationToken ct) =>
        View("Transfers", await list.HandleAsync(input, ct));

    /// <summary>"Экспорт в Excel" of the filtered, sorted list.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] ListTransfers.Input input, [FromServices] ExportTransfers export, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(input, ct);
        return File(content, ExcelSheetWriter.ContentType, name);
    }

    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] CreateTransfer create, CancellationToken ct) =>
        View("NewTransfer", await create.FormAsync(null, ct));

    [HttpPost("new")]
    public async Task<IActionResult> Create(CreateTransfer.Input input, [FromServices] CreateTransfer create, CancellationToken ct)
    {
        foreach (var (field, message) in input.Validate()) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return View("NewTransfer", await create.FormAsync(input, ct));
        var id = await create.HandleAsync(input, ct);
        return this.GoTo($"/warehouse/transfers/{id}");
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, [FromServices] GetTransfer get, CancellationToken ct) =>
        await get.HandleAsync(id, ct) is { } m ? View("Transfer", m) : NotFound();

    [HttpGet("{id:long}/print")]
    public async Task<IActionResult> Print(long id, [FromServices] GetTransfer get, CancellationToken ct) =>
        await get.HandleAsync(id, ct) is { } m ? View("TransferPrint", m) : NotFound();

    [HttpGet("{id:long}/products")]
    public async Task<IActionResult> Products(long id, string? q, [FromServices] GetTransfer get, [FromServices] FindProducts find, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } m) return NotFound();
        var hits = await find.SearchAsync(q, m.FromLocationId, 15, ct);
        return PartialView("_ProductHits", new ProductHitsModel($"/warehouse/transfers/{id}/lines", WithPrice: false, "У отправителя", q, hits));
    }

    [HttpPost("{id:long}/scan")]
    public async Task<IActionResult> Scan(long id, string? barcode, [FromServices] EditTransferLines edit, CancellationToken ct) =>
        Lines(await edit.ScanAsync(id, barcode, ct));

    [HttpPost("{id:long}/lines")]
    public async Task<IActionResult> AddLine(long id, int productId, int quantity, [FromServices] EditTransferLines edit, CancellationToken ct) =>
        Lines(await edit.AddAsync(id, productId, quantity, ct));

    [HttpPost("{id:long}/lines/{lineId:long}")]
    public async Task<IActionResult> ChangeLine(long id, long lineId, int quantity, [FromServices] EditTransferLines edit, CancellationToken ct) =>
        Lines(await edit.ChangeAsync(id, lineId, quantity, ct));

    [HttpPost("{id:long}/lines/{lineId:long}/remove")]
    public async Task<IActionResult> RemoveLine(long id, long lineId, [FromServices] EditTransferLines edit, CancellationToken ct) =>
        Lines(await edit.RemoveAsync(id, lineId, ct));

    [HttpPost("{id:long}/ship")]
    public async Task<IActionResult> Ship(long id, [FromServices] ShipTransfer ship, CancellationToken ct)
    {
        var number = await ship.HandleAsync(id, ct);
        TempData["SuccessToast"] = $"Перемещение {number} отгружено: товар в пути.";
        return this.GoTo($"/warehouse/transfers/{id}");
    }

    /// <summary>Receives with the counted quantities: form fields <c>received[lineId]=units</c>.</summary>
    [HttpPost("{id:long}/receive")]
    public async Task<IActionResult> Receive(long id, [FromForm] Dictionary<long, int> received, [FromServices] ReceiveTransfer receive, CancellationToken ct)
    {
        if (!ModelState.IsValid) throw new BusinessRuleException("Принятое количество должно быть целым числом штук. Проверьте строки и повторите.");
        var (number, discrepancy) = await receive.HandleAsync(id, received, ct);
        TempData["SuccessToast"] = discrepancy
            ? $"Перемещение {number} принято с расхождением — оно отмечено в документе."
            : $"Перемещение {number} принято полностью.";
        return this.GoTo($"/warehouse/transfers/{id}");
    }

    /// <summary>Settles the transit discrepancy: form fields <c>how</c> (Loss | ReturnToSource) and <c>comment</c>.</summary>
    [HttpPost("{id:long}/resolve")]
    public async Task<IActionResult> Resolve(long id, DiscrepancyResolution how, string? comment, [FromServices] ResolveTransferDiscrepancy resolve, CancellationToken ct)
    {
        var number = await resolve.HandleAsync(id, how, comment, ct);
        TempData["SuccessToast"] = how == DiscrepancyResolution.ReturnToSource
            ? $"Расхождение по {number} разобрано: недостача возвращена на склад-источник."
            : $"Расхождение по {number} разобрано: недостача списана как потеря.";
        return this.GoTo($"/warehouse/transfers/{id}");
    }

    [HttpGet("in-transit.xlsx")]
    public async Task<IActionResult> InTransit([FromServices] ExportTransfersInTransit export, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(ct);
        return File(content, Infrastructure.Excel.ExcelSheetWriter.ContentType, name);
    }

    [HttpPost("{id:long}/cancel")]
    public async Task<IActionResult> Cancel(long id, [FromServices] CancelTransfer cancel, CancellationToken ct)
    {
        var number = await cancel.HandleAsync(id, ct);
        TempData["SuccessToast"] = $"Перемещение {number} отменено.";
        return this.GoTo($"/warehouse/transfers/{id}");
    }

    private IActionResult Lines(GetTransfer.Model m) =>
        Request.IsHtmx() ? PartialView("_TransferLines", m) : Redirect($"/warehouse/transfers/{m.Id}");
}
