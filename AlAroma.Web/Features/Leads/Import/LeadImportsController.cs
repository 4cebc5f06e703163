using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Import;

/// <summary>«Загрузка баз»: upload → column mapping and duplicate checks → the background load with its progress bar → the result.</summary>
[Authorize(Roles = Roles.BackOffice), Route("leads/imports")]
public sealed class LeadImportsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? project, [FromServices] GetLeadImport get, [FromServices] AppDbContext db, CancellationToken ct)
    {
        ViewBag.Projects = await db.LeadProjects.AsNoTracking().Where(p => p.DeletedAtUtc == null).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        ViewBag.Project = project;
        return View("LeadImports", await get.RecentAsync(project, 20, ct));
    }

    [HttpPost("")]
    [RequestSizeLimit(UploadLeadImport.MaxBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLeadImport.MaxBytes + 1024 * 1024)]
    public async Task<IActionResult> Upload(int? project, IFormFile? file, [FromServices] UploadLeadImport upload, CancellationToken ct)
    {
        if (project is null) throw new BusinessRuleException("Выберите проект, в который загрузить базу.");
        if (file is null || file.Length == 0) throw new BusinessRuleException("Выберите файл базы (CSV или XLSX).");
        await using var stream = file.OpenReadStream();
        var id = await upload.HandleAsync(project.Value, file.FileName, stream, ct);
        return this.Navigate($"/leads/imports/{id}/mapping");
    }

    [HttpGet("{id:guid}/mapping")]
    public async Task<IActionResult> Mapping(Guid id, string? encoding, string? delimiter, [FromServices] MapLeadImport map, CancellationToken ct)
    {
        var model = await map.GetAsync(id, null, null, ct, encoding, delimiter);
        if (model is null) return NotFound();
        if (model.Import.Status is not (LeadImportStatus.Uploaded or LeadImportStatus.Failed)) return Redirect($"/leads/imports/{id}");
        return Request.IsHtmx() ? PartialView("_LeadImportMappingForm", model) : View("LeadImportMapping", model);
    }

    [HttpPost("{id:guid}/mapping")]
    public async Task<IActionResult> Mapping(Guid id, MapLeadImport.Input input, [FromServices] MapLeadImport map, CancellationToken ct)
    {
        var error = await map.QueueAsync(id, input, ct);
        if (error is not null) return View("LeadImportMapping", await map.GetAsync(id, error, input, ct));
        TempData["SuccessToast"] = "Загрузка запущена. Можно уйти со страницы — она продолжится сама.";
        return this.Navigate($"/leads/imports/{id}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, [FromServices] GetLeadImport get, CancellationToken ct)
    {
        var model = await get.HandleAsync(id, ct);
        if (model is null) return NotFound();
        if (model.Import.Status == LeadImportStatus.Uploaded) return Redirect($"/leads/imports/{id}/mapping");
        return Request.IsHtmx() ? PartialView("_LeadImportProgress", model) : View("LeadImport", model);
    }

    [HttpPost("{id:guid}/cancel")]
    public async Task<IActionResult> Cancel(Guid id, [FromServices] MapLeadImport map, CancellationToken ct)
    {
        await map.CancelAsync(id, ct);
        TempData["SuccessToast"] = "Загрузка остановится в течение секунды. Ни один номер из неё не будет записан.";
        return this.Navigate($"/leads/imports/{id}");
    }

    /// <summary>The rejected rows with their reasons, as CSV.</summary>
    [HttpGet("{id:guid}/rejected.csv")]
    public async Task<IActionResult> Rejected(Guid id, [FromServices] AppDbContext db, CancellationToken ct)
    {
        var i = await db.LeadImports.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.RejectedPath, x.FileName }).SingleOrDefaultAsync(ct);
        if (i?.RejectedPath is null || !System.IO.File.Exists(i.RejectedPath)) return NotFound();
        return PhysicalFile(i.RejectedPath, "text/csv; charset=utf-8", Path.GetFileNameWithoutExtension(i.FileName) + " — отклонённые.csv");
    }
}
