using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Warehouse.Labels;

/// <summary>
/// Ценники: choose products (scan or search) and quantities, pick the label stock, open the print view.
/// Everything is GET: the choice lives in the query string (format, p, q, s — see <see cref="LabelRequest"/>).
/// </summary>
[Authorize(Roles = Roles.Stock)]
public sealed class LabelsController : Controller
{
    /// <summary>The labels page; <paramref name="withStock"/> adds every product on hand at the current location.</summary>
    [HttpGet("/warehouse/labels")]
    public async Task<IActionResult> Index([FromQuery] string? format, [FromQuery] int[]? p, [FromQuery] string?[]? q, [FromQuery] int[]? s,
        [FromQuery] bool withStock, [FromServices] GetLabelsPage handler, CancellationToken ct)
    {
        var model = await handler.HandleAsync(LabelRequest.Parse(format, p, q, s), withStock, null, ct);
        return View("Index", model);
    }

    /// <summary>Search results under the scan box (htmx fragment).</summary>
    [HttpGet("/warehouse/labels/search")]
    public async Task<IActionResult> Search([FromQuery] string? code, [FromServices] FindLabelProducts handler, CancellationToken ct)
    {
        ViewData["Term"] = code;
        return PartialView("_SearchResults", await handler.HandleAsync(code, ct));
    }

    /// <summary>
    /// A scan or a pick: a new row to append, or (already listed) the existing row with one more label, swapped out of band.
    /// </summary>
    [HttpGet("/warehouse/labels/add")]
    public async Task<IActionResult> Add([FromQuery] string? code, [FromQuery] int? productId, [FromQuery] string? format, [FromQuery] int[]? p,
        [FromQuery] string?[]? q, [FromQuery] int[]? s, [FromServices] AddLabelProduct handler, CancellationToken ct)
    {
        var current = LabelRequest.Parse(format, p, q, s);
        var added = await handler.HandleAsync(new AddLabelInput(code, productId, current), ct);
        if (!Request.IsHtmx())
        {
            var line = new LabelLine(added.Row.Product.Id, null, added.Row.QuantityText, added.Row.ByStock);
            List<LabelLine> lines = added.AlreadyListed ? current.Lines.Select(l => l.ProductId == line.ProductId ? line : l).ToList() : [.. current.Lines, line];
            return Redirect("/warehouse/labels?" + (current with { Lines = lines }).ToQueryString());
        }
        ViewData["Oob"] = added.AlreadyListed;
        return PartialView("_Row", added.Row);
    }

    /// <summary>The print view; a refused print goes back to the page with the same choice and the reasons.</summary>
    [HttpGet("/warehouse/labels/print")]
    public async Task<IActionResult> Print([FromQuery] string? format, [FromQuery] int[]? p, [FromQuery] string?[]? q, [FromQuery] int[]? s,
        [FromServices] BuildLabelSheet handler, [FromServices] GetLabelsPage page, CancellationToken ct)
    {
        var request = LabelRequest.Parse(format, p, q, s);
        var result = await handler.HandleAsync(request, ct);
        if (result.Sheet is not null) return View("Print", result.Sheet);
        return View("Index", await page.HandleAsync(request, false, result.Errors, ct));
    }
}
