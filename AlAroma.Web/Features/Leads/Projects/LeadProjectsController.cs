using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Leads.Projects;

/// <summary>
/// «Проекты обзвона» (managers and administrators): the list, a new project and the edit form; delete into
/// «Удалённые проекты», restore from there, or purge for good with a progress bar.
/// </summary>
[Authorize(Roles = Roles.BackOffice), Route("leads/projects")]
public sealed class LeadProjectsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListLeadProjects list, CancellationToken ct) =>
        View("LeadProjects", await list.HandleAsync(ct));

    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] SaveLeadProject save, CancellationToken ct) =>
        View("LeadProjectForm", await save.FormAsync((int?)null, ct));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveLeadProject save, CancellationToken ct) =>
        await save.FormAsync(id, ct) is { } m ? View("LeadProjectForm", m) : NotFound();

    [HttpPost("new")]
    public Task<IActionResult> Create(SaveLeadProject.Input input, [FromServices] SaveLeadProject save, CancellationToken ct)
    {
        input.Id = null;
        return Save(input, save, ct);
    }

    [HttpPost("{id:int}")]
    public Task<IActionResult> Update(int id, SaveLeadProject.Input input, [FromServices] SaveLeadProject save, CancellationToken ct)
    {
        input.Id = id;
        return Save(input, save, ct);
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, [FromServices] DeleteLeadProject delete, CancellationToken ct)
    {
        var name = await delete.HandleAsync(id, ct);
        TempData["SuccessToast"] = $"Проект «{name}» перенесён в «Удалённые проекты». Его можно восстановить оттуда.";
        return this.Navigate("/leads/projects");
    }

    [HttpGet("deleted")]
    public async Task<IActionResult> Deleted([FromServices] ListDeletedProjects list, CancellationToken ct) =>
        View("DeletedProjects", await list.HandleAsync(ct));

    [HttpPost("{id:int}/restore")]
    public async Task<IActionResult> Restore(int id, [FromServices] RestoreLeadProject restore, CancellationToken ct)
    {
        var name = await restore.HandleAsync(id, ct);
        TempData["SuccessToast"] = $"Проект «{name}» восстановлен.";
        return this.Navigate($"/leads/projects/{id}");
    }

    [HttpPost("{id:int}/purge")]
    public async Task<IActionResult> Purge(int id, [FromServices] RequestProjectPurge purge, CancellationToken ct)
    {
        var name = await purge.HandleAsync(id, ct);
        TempData["SuccessToast"] = $"Проект «{name}» удаляется навсегда: номера удаляются частями в фоне, прогресс — в списке.";
        return this.Navigate("/leads/projects/deleted");
    }

    /// <summary>The progress bar of a purge (polled every 2 s by «Удалённые проекты»).</summary>
    [HttpGet("{id:int}/purge-progress")]
    public async Task<IActionResult> PurgeProgress(int id, [FromServices] ListDeletedProjects list, CancellationToken ct) =>
        PartialView("_PurgeProgress", await list.ProgressAsync(id, ct));

    private async Task<IActionResult> Save(SaveLeadProject.Input input, SaveLeadProject save, CancellationToken ct)
    {
        foreach (var (field, message) in input.Validate().Concat(await save.CheckAsync(input, ct))) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return View("LeadProjectForm", await save.FormAsync(input, ct));
        var id = await save.HandleAsync(input, ct);
        TempData["SuccessToast"] = $"Проект «{input.Name!.Trim()}» сохранён.";
        return this.Navigate(input.Id is null ? $"/leads/projects/{id}" : "/leads/projects");
    }
}
