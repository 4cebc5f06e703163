using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>
/// "Инвентаризация": list, new stocktake, the blind counting screen (scan / search with quantity / own corrections),
/// the review with differences, posting, count sheet print view and Excel export.
/// </summary>
[Authorize(Roles = Roles.Stock), Route("warehouse/stocktakes")]
public sealed class StocktakesController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListStocktakes.Input input, [FromServices] ListStocktakes list, CancellationToken ct) =>
        View("Index", await list.HandleAsync(input, ct));

    /// <summary>"Экспорт в Excel" of the filtered, sorted list.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> ExportList([FromQuery] ListStocktakes.Input input, [FromServices] ExportStocktakes export, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(input, ct);
        return File(content, ExcelSheetWriter.ContentType, name);
    }

    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] CreateStocktake create, CancellationToken ct) =>
        View("New", await create.FormAsync(null, ct));

    [HttpPost("new")]
    public async Task<IActionResult> Create(CreateStocktake.Input input, [FromServices] CreateStocktake create, CancellationToken ct)
    {
        foreach (var (field, message) in input.Validate()) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return View("New", await create.FormAsync(input, ct));
        var id = await create.HandleAsync(input, ct);
        return this.GoTo($"/warehouse/stocktakes/{id}");
    }

    /// <summary>While counting: the blind counting screen; afterwards: the review.</summary>
    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, [FromServices] GetCounting counting, [FromServices] GetStocktakeReview review, CancellationToken ct)
    {
        if (await review.HandleAsync(id, ct) is { } r) return View("Review", r);
        return await counting.HandleAsync(id, ct) is { } c ? View("Count", c) : NotFound();
    }

    [HttpGet("{id:long}/products")]
    public async Task<IActionResult> Products(long id, string? q, [FromServices] RecordCount record, CancellationToken ct) =>
        await record.SearchAsync(id, q, ct) is { } m ? PartialView("_CountHits", m) : NotFound();

    [HttpPost("{id:long}/scan")]
    public async Task<IActionResult> Scan(long id, string? barcode, int? quantity, [FromServices] RecordCount record, CancellationToken ct) =>
        CountLines(await record.ScanAsync(id, barcode, quantity, ct));

    [HttpPost("{id:long}/count")]
    public async Task<IActionResult> Count(long id, int productId, int quantity, [FromServices] RecordCount record, CancellationToken ct) =>
        CountLines(await record.AddAsync(id, productId, quantity, ct));

    [HttpPost("{id:long}/mine/{productId:int}")]
    public async Task<IActionResult> SetMine(long id, int productId, int quantity, [FromServices] RecordCount record, CancellationToken ct) =>
        CountLines(await record.SetMineAsync(id, productId, quantity, ct));

    [HttpPost("{id:long}/submit")]
    public async Task<IActionResult> Submit(long id, [FromServices] SubmitStocktake submit, CancellationToken ct) =>
        Done(id, $"Подсчёт по {await submit.HandleAsync(id, ct)} завершён: проверьте расхождения и проведите.");

    [HttpPost("{id:long}/reopen")]
    public async Task<IActionResult> Reopen(long id, [FromServices] ReopenStocktake reopen, CancellationToken ct) =>
        Done(id, $"Инвентаризация {await reopen.HandleAsync(id, ct)} возвращена на подсчёт.");

    [HttpPost("{id:long}/cancel")]
    public async Task<IActionResult> Cancel(long id, [FromServices] CancelStocktake cancel, CancellationToken ct) =>
        Done(id, $"Инвентаризация {await cancel.HandleAsync(id, ct)} отменена, остатки не изменились.");

    [HttpPost("{id:long}/post")]
    public async Task<IActionResult> Post(long id, [FromServices] PostStocktake post, CancellationToken ct) =>
        Done(id, $"Инвентаризация {await post.HandleAsync(id, ct)} проведена: расхождения записаны в остатки.");

    [HttpPost("{id:long}/exclude/{productId:int}")]
    public async Task<IActionResult> Exclude(long id, int productId, bool exclude, [FromServices] ExcludeStocktakeProduct handler,
        [FromServices] GetStocktakeReview review, CancellationToken ct)
    {
        await handler.HandleAsync(id, productId, exclude, ct);
        if (!Request.IsHtmx()) return Redirect($"/warehouse/stocktakes/{id}");
        return await review.HandleAsync(id, ct) is { } m ? PartialView("_ReviewLines", m) : NotFound();
    }

    /// <summary>The result on A4 (сличительная ведомость); none while counting (blind).</summary>
    [HttpGet("{id:long}/print")]
    public async Task<IActionResult> Print(long id, [FromServices] GetStocktakeReview review, CancellationToken ct) =>
        await review.HandleAsync(id, ct) is { } r ? View("Print", r) : NotFound();

    [HttpGet("{id:long}/sheet")]
    public async Task<IActionResult> Sheet(long id, [FromServices] GetCountSheet sheet, CancellationToken ct) =>
        await sheet.HandleAsync(id, ct) is { } m ? View("Sheet", m) : NotFound();

    /// <summary>The blind count sheet as a workbook (for counting in a spreadsheet or printing from it): no book quantities.</summary>
    [HttpGet("{id:long}/sheet.xlsx")]
    public async Task<IActionResult> SheetExcel(long id, [FromServices] ExportCountSheet export, CancellationToken ct) =>
        await export.HandleAsync(id, ct) is { } f ? File(f.Content, ExcelSheetWriter.ContentType, f.FileName) : NotFound();

    [HttpGet("{id:long}/export")]
    public async Task<IActionResult> Export(long id, [FromServices] ExportStocktake export, CancellationToken ct) =>
        await export.HandleAsync(id, ct) is { } f ? File(f.Content, ExcelSheetWriter.ContentType, f.FileName) : NotFound();

    private IActionResult CountLines(GetCounting.Model m) =>
        Request.IsHtmx() ? PartialView("_CountLines", m) : Redirect($"/warehouse/stocktakes/{m.Header.Id}");

    private IActionResult Done(long id, string message)
    {
        TempData["SuccessToast"] = message;
        return this.GoTo($"/warehouse/stocktakes/{id}");
    }
}
