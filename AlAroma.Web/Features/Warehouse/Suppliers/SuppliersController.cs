using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Warehouse.Suppliers;

/// <summary>"Поставщики": everyone at the warehouse sees the directory; managers and administrators add and edit.</summary>
[Authorize(Roles = Roles.Stock), Route("warehouse/suppliers")]
public sealed class SuppliersController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListSuppliers.Input input, [FromServices] ListSuppliers list, CancellationToken ct) =>
        View("Suppliers", await list.HandleAsync(input, ct));

    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] SaveSupplier save, CancellationToken ct) =>
        View("SupplierForm", await save.FormAsync(null, ct));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveSupplier save, CancellationToken ct) =>
        await save.FormAsync(id, ct) is { } m ? View("SupplierForm", m) : NotFound();

    [HttpPost("new")]
    public Task<IActionResult> Create(SaveSupplier.Input input, [FromServices] SaveSupplier save, CancellationToken ct)
    {
        input.Id = null;
        return Save(input, save, ct);
    }

    [HttpPost("{id:int}")]
    public Task<IActionResult> Update(int id, SaveSupplier.Input input, [FromServices] SaveSupplier save, CancellationToken ct)
    {
        input.Id = id;
        return Save(input, save, ct);
    }

    private async Task<IActionResult> Save(SaveSupplier.Input input, SaveSupplier save, CancellationToken ct)
    {
        foreach (var (field, message) in input.Validate()) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return View("SupplierForm", save.Form(input));
        await save.HandleAsync(input, ct);
        TempData["SuccessToast"] = $"Поставщик «{input.Name!.Trim()}» сохранён.";
        return this.GoTo("/warehouse/suppliers");
    }
}
