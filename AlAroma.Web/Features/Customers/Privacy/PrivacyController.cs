using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Customers.Privacy;

/// <summary>A customer's personal data on request (152-ФЗ): download everything stored, or erase it (managers and admins).</summary>
[Authorize(Roles = Roles.BackOffice)]
public sealed class PrivacyController : Controller
{
    /// <summary>The JSON document of <see cref="ExportCustomerData"/> as a download.</summary>
    [HttpGet("/customers/{id:long}/personal-data/export")]
    public async Task<IActionResult> Export(long id, [FromServices] ExportCustomerData export, CancellationToken ct) =>
        await export.HandleAsync(id, ct) is { } json
            ? File(json, "application/json; charset=utf-8", $"customer-{id}-personal-data.json")
            : NotFound();

    /// <summary>The confirmation page: what goes, what stays, the reason to give.</summary>
    [HttpGet("/customers/{id:long}/erase")]
    public async Task<IActionResult> Erase(long id, [FromServices] Data.AppDbContext db, CancellationToken ct)
    {
        var c = await db.Customers.FindAsync([id], ct);
        if (c is null) return NotFound();
        return View("Erase", new EraseModel(c, null, null));
    }

    /// <summary>Erases, then shows the anonymous card; a refusal shows the page again with the reason.</summary>
    [HttpPost("/customers/{id:long}/erase")]
    public async Task<IActionResult> Erase(long id, string? reason, [FromServices] EraseCustomerData erase, [FromServices] Data.AppDbContext db, CancellationToken ct)
    {
        try
        {
            if (await erase.HandleAsync(id, reason, ct) is null) return NotFound();
        }
        catch (BusinessRuleException e)
        {
            var c = await db.Customers.FindAsync([id], ct);
            return c is null ? NotFound() : View("Erase", new EraseModel(c, reason, e.Message));
        }
        TempData["SuccessToast"] = "Персональные данные клиента удалены.";
        return Redirect($"/customers/{id}");
    }

    /// <summary>The page: the card, the reason typed, the refusal.</summary>
    public sealed record EraseModel(Customer Customer, string? Reason, string? Error);
}
