using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Customers.Card;

/// <summary>The customer's card and its edit form (managers and admins). The card of a merged duplicate redirects to the kept one.</summary>
[Authorize(Roles = Roles.BackOffice)]
public sealed class CustomerCardController(GetCustomerCard get, CustomerCardAudit audit) : Controller
{
    [HttpGet("/customers/{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        var m = await get.HandleAsync(id, ct);
        if (m is null) return NotFound();
        if (m.MergedIntoId is { } kept) return Redirect($"/customers/{kept}");
        await audit.WriteAsync([id], new CustomerLookupPlace(CustomerLookupWay.Search, Query: $"карта №{id}"), ct);
        return View("CustomerCard", m);
    }

    [HttpGet("/customers/{id:long}/edit")]
    public async Task<IActionResult> Edit(long id, CancellationToken ct)
    {
        var m = await get.HandleAsync(id, ct);
        if (m is null) return NotFound();
        if (m.MergedIntoId is { } kept) return Redirect($"/customers/{kept}/edit");
        if (m.Customer.ErasedAtUtc is not null) return Redirect($"/customers/{id}"); // nothing personal left to edit
        return View("CustomerEdit", new EditModel(m, SaveCustomer.Input.Of(m.Customer)));
    }

    [HttpPost("/customers/{id:long}/edit")]
    public async Task<IActionResult> Update(long id, SaveCustomer.Input input, [FromServices] SaveCustomer save, CancellationToken ct)
    {
        foreach (var (field, message) in input.Validate(save.Today)) ModelState.AddModelError(field, message);
        var m = await get.HandleAsync(id, ct);
        if (m is null) return NotFound();
        if (m.Customer.ErasedAtUtc is not null) return Redirect($"/customers/{id}");
        if (!ModelState.IsValid) return View("CustomerEdit", new EditModel(m, input));
        try { await save.HandleAsync(id, input, ct); }
        catch (Infrastructure.BusinessRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View("CustomerEdit", new EditModel(m, input));
        }
        TempData["SuccessToast"] = "Карта клиента сохранена.";
        return Redirect($"/customers/{id}");
    }

    /// <summary>The edit page: the card (for its header and shops) and the form as filled.</summary>
    public sealed record EditModel(GetCustomerCard.Model Card, SaveCustomer.Input Input);
}
