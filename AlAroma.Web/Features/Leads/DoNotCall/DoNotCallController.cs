using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Leads.Numbering;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Leads.DoNotCall;

/// <summary>«Не звонить» (managers and administrators): the list with its filters, add one number, remove one, load a file of numbers.</summary>
[Authorize(Roles = Roles.BackOffice), Route("leads/do-not-call")]
public sealed class DoNotCallController : Controller
{
    /// <summary>The list page, and the add form with what was typed and its errors.</summary>
    public sealed record Page(ListDoNotCall.Model List, AddDoNotCall.Input Add);

    /// <summary>The load page: the list choosers, an error, the result of the last load.</summary>
    public sealed record ImportPage(IReadOnlyList<ListDoNotCall.ProjectChoice> Projects, int? ProjectId, string? DefaultReason, string? Error, ImportDoNotCall.Result? Result);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListDoNotCall.Input input, [FromServices] ListDoNotCall list, CancellationToken ct) =>
        View("DoNotCall", new Page(await list.HandleAsync(input, ct), new AddDoNotCall.Input()));

    [HttpPost("")]
    public async Task<IActionResult> Add(AddDoNotCall.Input input, [FromServices] AddDoNotCall add, [FromServices] ListDoNotCall list, CancellationToken ct)
    {
        foreach (var (field, message) in input.Validate()) ModelState.AddModelError(field, message);
        if (ModelState.IsValid)
        {
            try
            {
                var r = await add.HandleAsync(input, ct);
                TempData["SuccessToast"] = $"Номер {LeadPhone.Display(r.Phone)} добавлен в «Не звонить»" + (r.LeadsMarked > 0 ? $", отмечено номеров в базах: {r.LeadsMarked}." : ".");
                return this.Navigate("/leads/do-not-call");
            }
            catch (BusinessRuleException e) { ModelState.AddModelError(nameof(input.Phone), e.Message); }
        }
        return View("DoNotCall", new Page(await list.HandleAsync(new ListDoNotCall.Input(), ct), input));
    }

    [HttpPost("{id:long}/remove")]
    public async Task<IActionResult> Remove(long id, [FromServices] RemoveDoNotCall remove, CancellationToken ct)
    {
        var phone = await remove.HandleAsync(id, ct);
        TempData["SuccessToast"] = $"Номер {LeadPhone.Display(phone)} убран из списка «Не звонить».";
        return this.Navigate("/leads/do-not-call");
    }

    [HttpGet("import")]
    public async Task<IActionResult> Import([FromServices] ImportDoNotCall import, CancellationToken ct) =>
        View("DoNotCallImport", new ImportPage(await import.ProjectsAsync(ct), null, null, null, null));

    [HttpPost("import"), RequestSizeLimit(ImportDoNotCall.MaxBytes + 1024 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, int? projectId, string? defaultReason, [FromServices] ImportDoNotCall import, CancellationToken ct)
    {
        var projects = await import.ProjectsAsync(ct);
        if (file is null || file.Length == 0)
            return View("DoNotCallImport", new ImportPage(projects, projectId, defaultReason, "Выберите файл с номерами (CSV или XLSX).", null));
        if (file.Length > ImportDoNotCall.MaxBytes)
            return View("DoNotCallImport", new ImportPage(projects, projectId, defaultReason, $"Файл больше {ImportDoNotCall.MaxBytes / 1024 / 1024} МБ. Разделите список на несколько файлов.", null));
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        try
        {
            var r = await import.HandleAsync(file.FileName, ms.ToArray(), projectId, defaultReason, ct);
            return View("DoNotCallImport", new ImportPage(projects, projectId, defaultReason, null, r));
        }
        catch (BusinessRuleException e) { return View("DoNotCallImport", new ImportPage(projects, projectId, defaultReason, e.Message, null)); }
    }

    [HttpGet("import/{id:guid}/rejected.csv")]
    public async Task<IActionResult> Rejected(Guid id, [FromServices] ImportDoNotCall import, CancellationToken ct) =>
        await import.RejectedFileAsync(id, ct) is { } bytes ? File(bytes, "text/csv; charset=utf-8", "не-звонить-отклонённые.csv") : NotFound();
}
