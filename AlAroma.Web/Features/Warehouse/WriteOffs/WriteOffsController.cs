using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Warehouse.WriteOffs;

/// <summary>"Списания": list with filters and Excel, new draft, document with line entry, submit, approve/reject (managers), print.</summary>
[Authorize(Roles = Roles.Stock), Route("warehouse/writeoffs")]
public sealed class WriteOffsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListWriteOffs.Input input, [FromServices] ListWriteOffs list, CancellationToken ct) =>
        View("WriteOffs", await list.HandleAsync(input, ct));

    /// <summary>"Экспорт в Excel" of the filtered, sorted list (the report by reason is export.xlsx).</summary>
    [HttpGet("export")]
    public async Task<IActionResult> ExportList([FromQuery] ListWriteOffs.Input input, [FromServices] ExportWriteOffList export, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(input, ct);
        return File(content, ExcelSheetWriter.ContentType, name);
    }

    [HttpGet("export.xlsx")]
    public async Task<IActionResult> Export([FromQuery] ListWriteOffs.Input input, [FromServices] ExportWriteOffs export, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(input, ct);
        return File(content, ExcelSheetWriter.ContentType, name);
    }

    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] CreateWriteOff create, CancellationToken ct) =>
        View("NewWriteOff", await create.FormAsync(null, ct));

    [HttpPost("new")]
    public async Task<IActionResult> Create(CreateWriteOff.Input input, [FromServices] CreateWriteOff create, CancellationToken ct)
    {
        foreach (var (field, message) in input.Validate()) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return View("NewWriteOff", await create.FormAsync(input, ct));
        var id = await create.HandleAsync(input, ct);
        return this.GoTo($"/warehouse/writeoffs/{id}");
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, [FromServices] GetWriteOff get, CancellationToken ct) =>
        await get.HandleAsync(id, ct) is { } m ? View("WriteOff", m) : NotFound();

    [HttpGet("{id:long}/print")]
    public async Task<IActionResult> Print(long id, [FromServices] GetWriteOff get, CancellationToken ct) =>
        await get.HandleAsync(id, ct) is { } m ? View("WriteOffPrint", m) : NotFound();

    [HttpGet("{id:long}/products")]
    public async Task<IActionResult> Products(long id, string? q, [FromServices] GetWriteOff get, [FromServices] FindProducts find, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } m) return NotFound();
        var hits = await find.SearchAsync(q, m.LocationId, 15, ct);
        return PartialView("_ProductHits", new ProductHitsModel($"/warehouse/writeoffs/{id}/lines", WithPrice: false, "На точке", q, hits));
    }

    [HttpPost("{id:long}/scan")]
    public async Task<IActionResult> Scan(long id, string? barcode, [FromServices] EditWriteOffLines edit, CancellationToken ct) =>
        Lines(await edit.ScanAsync(id, barcode, ct));

    [HttpPost("{id:long}/lines")]
    public async Task<IActionResult> AddLine(long id, int productId, int quantity, [FromServices] EditWriteOffLines edit, CancellationToken ct) =>
        Lines(await edit.AddAsync(id, productId, quantity, ct));

    [HttpPost("{id:long}/lines/{lineId:long}")]
    public async Task<IActionResult> ChangeLine(long id, long lineId, int quantity, [FromServices] EditWriteOffLines edit, CancellationToken ct) =>
        Lines(await edit.ChangeAsync(id, lineId, quantity, ct));

    [HttpPost("{id:long}/lines/{lineId:long}/remove")]
    public async Task<IActionResult> RemoveLine(long id, long lineId, [FromServices] EditWriteOffLines edit, CancellationToken ct) =>
        Lines(await edit.RemoveAsync(id, lineId, ct));

    [HttpPost("{id:long}/submit")]
    public async Task<IActionResult> Submit(long id, [FromServices] SubmitWriteOff submit, CancellationToken ct)
    {
        var number = await submit.HandleAsync(id, ct);
        TempData["SuccessToast"] = $"Списание {number} отправлено на утверждение менеджеру.";
        return this.GoTo($"/warehouse/writeoffs/{id}");
    }

    [HttpPost("{id:long}/approve")]
    public async Task<IActionResult> Approve(long id, [FromServices] ApproveWriteOff approve, CancellationToken ct)
    {
        var number = await approve.HandleAsync(id, ct);
        TempData["SuccessToast"] = $"Списание {number} утверждено и проведено: товар снят с остатков.";
        return this.GoTo($"/warehouse/writeoffs/{id}");
    }

    [HttpPost("{id:long}/reject")]
    public async Task<IActionResult> Reject(long id, string? reason, [FromServices] RejectWriteOff reject, CancellationToken ct)
    {
        var number = await reject.HandleAsync(id, reason, ct);
        TempData["SuccessToast"] = $"Списание {number} отклонено.";
        return this.GoTo($"/warehouse/writeoffs/{id}");
    }

    private IActionResult Lines(GetWriteOff.Model m) =>
        Request.IsHtmx() ? PartialView("_WriteOffLines", m) : Redirect($"/warehouse/writeoffs/{m.Id}");
}
