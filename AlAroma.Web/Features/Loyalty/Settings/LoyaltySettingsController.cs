using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Loyalty.Settings;

/// <summary>«Программа лояльности → Условия»: the terms in force, a new dated version, the history (Manager, Admin).</summary>
[Authorize(Roles = Roles.BackOffice), Route("loyalty/settings")]
public sealed class LoyaltySettingsController(GetLoyaltySettings page) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("LoyaltySettings", await page.HandleAsync(null, ct));

    /// <summary>Saves a version; mistakes re-render the form next to the fields.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Save([Bind(Prefix = "Form")] LoyaltyTerms form, [FromServices] SaveLoyaltyTerms save, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var mistakes = await save.HandleAsync(form, ct);
            if (mistakes.Count == 0)
            {
                TempData["SuccessToast"] = $"Новые условия сохранены: они действуют для продаж с {form.EffectiveFrom:dd.MM.yyyy}.";
                return this.Navigate("/loyalty/settings");
            }
            foreach (var (field, message) in mistakes) ModelState.AddModelError($"Form.{field}", message);
        }
        return View("LoyaltySettings", await page.HandleAsync(form, ct));
    }

    /// <summary>Withdraws a version that has not started.</summary>
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, [FromServices] DeleteLoyaltyTerms delete, CancellationToken ct)
    {
        await delete.HandleAsync(id, ct);
        TempData["SuccessToast"] = "Запланированные условия отменены.";
        return this.Navigate("/loyalty/settings");
    }
}
