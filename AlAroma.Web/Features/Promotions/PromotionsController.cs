using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using AlAroma.Web.Features.Reports;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Promotions;

/// <summary>Back-office promotions (Акции): list, create/edit form with a type-specific fieldset, preview, pause/resume.</summary>
[Authorize(Roles = Roles.BackOffice), Route("promotions")]
public sealed class PromotionsController : Controller
{
    /// <summary>The list with filters; an htmx request (a filter changed) gets only the table.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] PromotionState? state, [FromQuery] PromotionType? type, [FromQuery] DateOnly? on,
        [FromQuery] int page, [FromQuery] string? sort, [FromServices] ListPromotions list, CancellationToken ct)
    {
        var model = await list.HandleAsync(new PromotionListQuery(state, type, on, Math.Max(page, 1), sort), ct);
        return Request.IsHtmx() ? PartialView("_List", model) : View(model);
    }

    /// <summary>"Экспорт в Excel" of the filtered list.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] PromotionState? state, [FromQuery] PromotionType? type, [FromQuery] DateOnly? on,
        [FromQuery] string? sort, [FromServices] ExportPromotions export, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(new PromotionListQuery(state, type, on, 1, sort), ct);
        return File(content, ExcelSheetWriter.ContentType, name);
    }

    /// <summary>Form of a new promotion.</summary>
    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] GetPromotionFormPage page, CancellationToken ct) =>
        View("Form", await page.NewAsync(ct));

    /// <summary>Form of promotion <paramref name="id"/>.</summary>
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, [FromServices] GetPromotionFormPage page, CancellationToken ct) =>
        await page.HandleAsync(id, ct) is { } model ? View("Form", model) : NotFound();

    /// <summary>Creates or saves; mistakes re-render the form (200) with messages next to the fields.</summary>
    [HttpPost("save")]
    public async Task<IActionResult> Save(PromotionForm form, [FromServices] SavePromotion save, [FromServices] GetPromotionFormPage page, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var (id, errors) = await save.HandleAsync(form, ct);
            if (id is not null)
            {
                TempData["SuccessToast"] = form.Id is null ? "Акция создана." : "Изменения сохранены.";
                return this.Navigate($"/promotions/{id}");
            }
            foreach (var (key, message) in errors) ModelState.AddModelError($"{nameof(form)}.{key}", message);
        }
        return View("Form", await page.ForFormAsync(form, ct));
    }

    /// <summary>The type-specific fieldset for the chosen type (htmx, when the type changes or "Добавить слот" is pressed).</summary>
    [HttpPost("type-fields")]
    public async Task<IActionResult> TypeFields(PromotionForm form, [FromForm] bool addSlot, [FromServices] GetPromotionFormPage page, CancellationToken ct)
    {
        if (addSlot) form.Slots.Add(new SlotInput());
        ModelState.Clear();
        return PartialView("_TypeFields", await page.ForFormAsync(form, ct));
    }

    /// <summary>The preview panel: the test cart priced with the promotion as typed plus the other active ones (htmx).</summary>
    [HttpPost("preview")]
    public async Task<IActionResult> Preview(PromotionForm form, PreviewInput preview, [FromServices] PreviewPromotion handler, CancellationToken ct)
    {
        ModelState.Clear();
        return PartialView("_Preview", await handler.HandleAsync(form, preview, ct));
    }

    /// <summary>Products for the preview cart by name, SKU or barcode (htmx).</summary>
    [HttpGet("products")]
    public async Task<IActionResult> Products([FromQuery] string? q, [FromServices] SearchPreviewProducts search, CancellationToken ct) =>
        PartialView("_ProductResults", await search.HandleAsync(q, ct));

    /// <summary>Pauses the promotion: the till stops applying it at once.</summary>
    [HttpPost("{id:int}/pause")]
    public async Task<IActionResult> Pause(int id, [FromServices] SetPromotionPaused handler, CancellationToken ct)
    {
        var name = await handler.HandleAsync(id, paused: true, ct);
        TempData["SuccessToast"] = $"Акция «{name}» на паузе.";
        return this.Navigate(BackUrl(id));
    }

    /// <summary>Resumes a paused promotion.</summary>
    [HttpPost("{id:int}/resume")]
    public async Task<IActionResult> Resume(int id, [FromServices] SetPromotionPaused handler, CancellationToken ct)
    {
        var name = await handler.HandleAsync(id, paused: false, ct);
        TempData["SuccessToast"] = $"Акция «{name}» снова действует в свои даты.";
        return this.Navigate(BackUrl(id));
    }

    /// <summary>Back to the list (with its filters) when the action came from there, else to the promotion.</summary>
    private string BackUrl(int id) =>
        Uri.TryCreate(Request.Headers.Referer.ToString(), UriKind.Absolute, out var back) && back.AbsolutePath == "/promotions"
            ? back.PathAndQuery : $"/promotions/{id}";
}
