using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Leads.Projects;

/// <summary>«Поставщики баз»: the list, a new supplier and the edit form (managers and administrators).</summary>
[Authorize(Roles = Roles.BackOffice), Route("leads/suppliers")]
public sealed class LeadSuppliersController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListLeadSuppliers.Input input, [FromServices] ListLeadSuppliers list, CancellationToken ct) =>
        View("LeadSuppliers", await list.HandleAsync(input, ct));

    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] SaveLeadSupplier save, CancellationToken ct) =>
        View("LeadSupplierForm", await save.FormAsync(null, ct));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveLeadSupplier save, CancellationToken ct) =>
        await save.FormAsync(id, ct) is { } m ? View("LeadSupplierForm", m) : NotFound();

    [HttpPost("new")]
    public Task<IActionResult> Create(SaveLeadSupplier.Input input, [FromServices] SaveLeadSupplier save, CancellationToken ct)
    {
        input.Id = null;
        return Save(input, save, ct);
    }

    [HttpPost("{id:int}")]
    public Task<IActionResult> Update(int id, SaveLeadSupplier.Input input, [FromServices] SaveLeadSupplier save, CancellationToken ct)
    {
        input.Id = id;
        return Save(input, save, ct);
    }

    private async Task<IActionResult> Save(SaveLeadSupplier.Input input, SaveLeadSupplier save, CancellationToken ct)
    {
        foreach (var (field, message) in input.Validate().Concat(await save.CheckAsync(input, ct))) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return View("LeadSupplierForm", input);
        await save.HandleAsync(input, ct);
        TempData["SuccessToast"] = $"Поставщик базы «{input.Name!.Trim()}» сохранён.";
        return this.Navigate("/leads/suppliers");
    }
}
