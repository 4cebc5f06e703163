using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Warehouse.TransferRequests;

/// <summary>"Заявки на перемещение": a shop drafts and sends a request; the warehouse turns it into a transfer or rejects it.</summary>
[Authorize(Roles = Roles.Stock), Route("warehouse/requests")]
public sealed class TransferRequestsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListTransferRequests.Input input, [FromServices] ListTransferRequests list, CancellationToken ct) =>
        View("TransferRequests", await list.HandleAsync(input, ct));

    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] CreateTransferRequest create, CancellationToken ct) =>
        View("NewTransferRequest", await create.FormAsync(null, ct));

    [HttpPost("new")]
    public async Task<IActionResult> Create(CreateTransferRequest.Input input, [FromServices] CreateTransferRequest create, CancellationToken ct)
    {
        foreach (var (field, message) in input.Validate()) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return View("NewTransferRequest", await create.FormAsync(input, ct));
        var id = await create.HandleAsync(input, ct);
        return this.GoTo($"/warehouse/requests/{id}");
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, [FromServices] GetTransferRequest get, CancellationToken ct) =>
        await get.HandleAsync(id, ct) is { } m ? View("TransferRequest", m) : NotFound();

    [HttpGet("{id:long}/print")]
    public async Task<IActionResult> Print(long id, [FromServices] GetTransferRequest get, CancellationToken ct) =>
        await get.HandleAsync(id, ct) is { } m ? View("TransferRequestPrint", m) : NotFound();

    [HttpGet("{id:long}/products")]
    public async Task<IActionResult> Products(long id, string? q, [FromServices] GetTransferRequest get, [FromServices] FindProducts find, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } m) return NotFound();
        var hits = await find.SearchAsync(q, m.SupplyingLocationId, 15, ct);
        return PartialView("_ProductHits", new ProductHitsModel($"/warehouse/requests/{id}/lines", WithPrice: false, "На складе", q, hits));
    }

    [HttpPost("{id:long}/scan")]
    public async Task<IActionResult> Scan(long id, string? barcode, [FromServices] EditTransferRequestLines edit, CancellationToken ct) =>
        Lines(await edit.ScanAsync(id, barcode, ct));

    [HttpPost("{id:long}/lines")]
    public async Task<IActionResult> AddLine(long id, int productId, int quantity, [FromServices] EditTransferRequestLines edit, CancellationToken ct) =>
        Lines(await edit.AddAsync(id, productId, quantity, ct));

    [HttpPost("{id:long}/lines/{lineId:long}")]
    public async Task<IActionResult> ChangeLine(long id, long lineId, int quantity, [FromServices] EditTransferRequestLines edit, CancellationToken ct) =>
        Lines(await edit.ChangeAsync(id, lineId, quantity, ct));

    [HttpPost("{id:long}/lines/{lineId:long}/remove")]
    public async Task<IActionResult> RemoveLine(long id, long lineId, [FromServices] EditTransferRequestLines edit, CancellationToken ct) =>
        Lines(await edit.RemoveAsync(id, lineId, ct));

    [HttpPost("{id:long}/submit")]
    public async Task<IActionResult> Submit(long id, [FromServices] DecideTransferRequest decide, CancellationToken ct)
    {
        var number = await decide.SubmitAsync(id, ct);
        TempData["SuccessToast"] = $"Заявка {number} отправлена на склад.";
        return this.GoTo($"/warehouse/requests/{id}");
    }

    [HttpPost("{id:long}/transfer")]
    public async Task<IActionResult> ToTransfer(long id, [FromServices] DecideTransferRequest decide, CancellationToken ct)
    {
        var transferId = await decide.ToTransferAsync(id, ct);
        TempData["SuccessToast"] = "По заявке создан черновик перемещения — проверьте количество и отгрузите.";
        return this.GoTo($"/warehouse/transfers/{transferId}");
    }

    [HttpPost("{id:long}/reject")]
    public async Task<IActionResult> Reject(long id, string? reason, [FromServices] DecideTransferRequest decide, CancellationToken ct)
    {
        var number = await decide.RejectAsync(id, reason, ct);
        TempData["SuccessToast"] = $"Заявка {number} отклонена.";
        return this.GoTo($"/warehouse/requests/{id}");
    }

    private IActionResult Lines(GetTransferRequest.Model m) =>
        Request.IsHtmx() ? PartialView("_TransferRequestLines", m) : Redirect($"/warehouse/requests/{m.Id}");
}
