using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Excel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Warehouse.GoodsReceipts;

/// <summary>"Приход товара": list, new draft, document page with line entry, posting, cancelling, print view.</summary>
[Authorize(Roles = Roles.Stock), Route("warehouse/receipts")]
public sealed class GoodsReceiptsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListGoodsReceipts.Input input, [FromServices] ListGoodsReceipts list, CancellationToken ct) =>
        View("GoodsReceipts", await list.HandleAsync(input, ct));

    /// <summary>"Экспорт в Excel" of the filtered, sorted list.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] ListGoodsReceipts.Input input, [FromServices] ExportGoodsReceipts export, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(input, ct);
        return File(content, ExcelSheetWriter.ContentType, name);
    }

    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] CreateGoodsReceipt create, CancellationToken ct) =>
        View("NewGoodsReceipt", await create.FormAsync(null, ct));

    [HttpPost("new")]
    public async Task<IActionResult> Create(CreateGoodsReceipt.Input input, [FromServices] CreateGoodsReceipt create, CancellationToken ct)
    {
        foreach (var (field, message) in input.Validate()) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return View("NewGoodsReceipt", await create.FormAsync(input, ct));
        var id = await create.HandleAsync(input, ct);
        return this.GoTo($"/warehouse/receipts/{id}");
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, [FromServices] GetGoodsReceipt get, CancellationToken ct) =>
        await get.HandleAsync(id, ct) is { } m ? View("GoodsReceipt", m) : NotFound();

    [HttpGet("{id:long}/print")]
    public async Task<IActionResult> Print(long id, [FromServices] GetGoodsReceipt get, CancellationToken ct) =>
        await get.HandleAsync(id, ct) is { } m ? View("GoodsReceiptPrint", m) : NotFound();

    [HttpGet("{id:long}/products")]
    public async Task<IActionResult> Products(long id, string? q, [FromServices] GetGoodsReceipt get, [FromServices] FindProducts find, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } m) return NotFound();
        var hits = await find.SearchAsync(q, m.LocationId, 15, ct);
        return PartialView("_ProductHits", new ProductHitsModel($"/warehouse/receipts/{id}/lines", WithPrice: true, "На точке", q, hits));
    }

    [HttpPost("{id:long}/scan")]
    public async Task<IActionResult> Scan(long id, string? barcode, [FromServices] EditGoodsReceiptLines edit, CancellationToken ct) =>
        Lines(await edit.ScanAsync(id, barcode, ct));

    [HttpPost("{id:long}/lines")]
    public async Task<IActionResult> AddLine(long id, int productId, int quantity, string? price, [FromServices] EditGoodsReceiptLines edit, CancellationToken ct) =>
        Lines(await edit.AddAsync(id, productId, quantity, price, ct));

    [HttpPost("{id:long}/lines/{lineId:long}")]
    public async Task<IActionResult> ChangeLine(long id, long lineId, int quantity, string? price, [FromServices] EditGoodsReceiptLines edit, CancellationToken ct) =>
        Lines(await edit.ChangeAsync(id, lineId, quantity, price, ct));

    [HttpPost("{id:long}/lines/{lineId:long}/remove")]
    public async Task<IActionResult> RemoveLine(long id, long lineId, [FromServices] EditGoodsReceiptLines edit, CancellationToken ct) =>
        Lines(await edit.RemoveAsync(id, lineId, ct));

    [HttpPost("{id:long}/post")]
    public async Task<IActionResult> Post(long id, bool freeLinesConfirmed, [FromServices] PostGoodsReceipt post, CancellationToken ct)
    {
        var number = await post.HandleAsync(id, freeLinesConfirmed, ct);
        TempData["SuccessToast"] = $"Приход {number} проведён: товар поступил на остатки.";
        return this.GoTo($"/warehouse/receipts/{id}");
    }

    [HttpPost("{id:long}/cancel")]
    public async Task<IActionResult> Cancel(long id, [FromServices] CancelGoodsReceipt cancel, CancellationToken ct)
    {
        var number = await cancel.HandleAsync(id, ct);
        TempData["SuccessToast"] = $"Приход {number} отменён.";
        return this.GoTo($"/warehouse/receipts/{id}");
    }

    private IActionResult Lines(GetGoodsReceipt.Model m) =>
        Request.IsHtmx() ? PartialView("_GoodsReceiptLines", m) : Redirect($"/warehouse/receipts/{m.Id}");
}
