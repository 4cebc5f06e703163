using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Catalog;

/// <summary>The catalog list and the product card (create, edit, price history). Back office only.</summary>
[Authorize(Roles = Roles.BackOffice)]
[Route("catalog")]
public sealed class CatalogController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListProducts.Query query, [FromServices] ListProducts list, CancellationToken ct)
    {
        var model = await list.HandleAsync(query, ct);
        return Request.IsHtmx() && Request.Headers["HX-Target"] == "catalog-table" ? PartialView("_Table", model) : View(model);
    }

    /// <summary>"Экспорт в Excel": the filtered list as .xlsx.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] ListProducts.Query query, [FromServices] ExportProducts export, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(query, ct);
        return File(content, ExcelSheetWriter.ContentType, name);
    }

    [HttpGet("new")]
    public IActionResult New() => View("Edit", SaveProduct.New());

    [HttpPost("new")]
    public Task<IActionResult> Create(SaveProduct.Input input, [FromServices] SaveProduct save, CancellationToken ct) => Save(null, input, save, ct);

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveProduct save, CancellationToken ct) =>
        await save.GetAsync(id, ct) is { } model ? View(model) : NotFound();

    [HttpPost("{id:int}")]
    public Task<IActionResult> Update(int id, SaveProduct.Input input, [FromServices] SaveProduct save, CancellationToken ct) => Save(id, input, save, ct);

    /// <summary>An empty barcode line for the form's "Добавить штрихкод" button.</summary>
    [HttpGet("barcode-row")]
    public IActionResult BarcodeRow(int index) => PartialView("_BarcodeRow", (index, "", false, (string?)null));

    private async Task<IActionResult> Save(int? id, SaveProduct.Input input, SaveProduct save, CancellationToken ct)
    {
        var (savedId, invalid) = await save.HandleAsync(id, input, ct);
        if (invalid is not null) return Request.IsHtmx() ? PartialView("_Form", invalid) : View("Edit", invalid);
        var message = id is null ? "Товар создан." : "Изменения сохранены.";
        if (Request.IsHtmx()) Response.Toast(message);
        else TempData["SuccessToast"] = message;
        return this.Navigate($"/catalog/{savedId}");
    }
}
