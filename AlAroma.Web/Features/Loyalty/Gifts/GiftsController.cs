using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Loyalty.Gifts;

/// <summary>«Программа лояльности → Подарки»: the catalogue of gift types and the gifts issued (Manager, Admin).</summary>
[Authorize(Roles = Roles.BackOffice), Route("loyalty/gifts")]
public sealed class GiftsController(GetGiftCatalogue page) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? edit, CancellationToken ct)
    {
        var model = await page.HandleAsync(null, ct);
        if (edit is { } id && model.Types.FirstOrDefault(t => t.Type.Id == id) is { } row) model = model with { Form = row.Type };
        return View("Gifts", model);
    }

    /// <summary>Saves a type; mistakes re-render the form next to the fields.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Save([Bind(Prefix = "Form")] GiftType form, [FromServices] SaveGiftType save, CancellationToken ct)
    {
        var mistakes = await save.HandleAsync(form, ct);
        if (mistakes.Count == 0)
        {
            TempData["SuccessToast"] = $"Подарок «{form.Name}» сохранён.";
            return this.Navigate("/loyalty/gifts");
        }
        foreach (var (field, message) in mistakes) ModelState.AddModelError($"Form.{field}", message);
        return View("Gifts", await page.HandleAsync(form, ct));
    }
}
