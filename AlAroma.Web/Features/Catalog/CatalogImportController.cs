using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Catalog;

/// <summary>Catalog import in steps: upload → column mapping → preview → import with a per-row result. Back office only.</summary>
[Authorize(Roles = Roles.BackOffice)]
[Route("catalog/import")]
public sealed class CatalogImportController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Upload([FromServices] GetCatalogImport get, CancellationToken ct) =>
        View("ImportUpload", await get.RecentAsync(10, ct));

    [HttpPost("")]
    [RequestSizeLimit(UploadCatalogImport.MaxBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadCatalogImport.MaxBytes + 1024 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, [FromServices] UploadCatalogImport upload, CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw new BusinessRuleException("Выберите файл каталога (CSV или XLSX).");
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        var id = await upload.HandleAsync(file.FileName, ms.ToArray(), ct);
        return this.Navigate($"/catalog/import/{id}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Mapping(Guid id, string? encoding, string? delimiter, [FromServices] MapCatalogImport map, CancellationToken ct)
    {
        var model = await map.GetAsync(id, encoding, delimiter, ct);
        return Request.IsHtmx() ? PartialView("_ImportMappingForm", model) : View("ImportMapping", model);
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Mapping(Guid id, MapCatalogImport.Input input, [FromServices] MapCatalogImport map, CancellationToken ct)
    {
        var invalid = await map.SaveAsync(id, input, ct);
        if (invalid is not null) return Request.IsHtmx() ? PartialView("_ImportMappingForm", invalid) : View("ImportMapping", invalid);
        return this.Navigate($"/catalog/import/{id}/preview");
    }

    [HttpGet("{id:guid}/preview")]
    public async Task<IActionResult> Preview(Guid id, [FromServices] PreviewCatalogImport preview, CancellationToken ct) =>
        View("ImportPreview", await preview.HandleAsync(id, ct));

    /// <summary>"Исправить кодировку" / "Вернуть как в файле" on the preview.</summary>
    [HttpPost("{id:guid}/repair")]
    public async Task<IActionResult> Repair(Guid id, bool repair, [FromServices] RepairImportText repairText, CancellationToken ct)
    {
        await repairText.HandleAsync(id, repair, ct);
        TempData["SuccessToast"] = repair ? "Кодировка исправлена. Проверьте строки и запустите импорт." : "Текст снова как в файле.";
        return this.Navigate($"/catalog/import/{id}/preview");
    }

    /// <summary>The progress line of a running import, polled by catalog-import.js.</summary>
    [HttpGet("{id:guid}/progress")]
    public IActionResult Progress(Guid id, [FromServices] ImportProgress progress) => PartialView("_ImportProgress", progress.Of(id));

    [HttpPost("{id:guid}/run")]
    public async Task<IActionResult> Run(Guid id, [FromServices] RunCatalogImport run, CancellationToken ct)
    {
        var r = await run.HandleAsync(id, ct);
        var message = $"Импорт выполнен: создано {r.Created}, обновлено {r.Updated}, отклонено {r.Rejected}.";
        // Both an htmx and a plain post end on a new page (HX-Redirect / 302): a toast header would be lost with the
        // redirect, so the message travels in TempData to the result page.
        TempData["SuccessToast"] = message;
        return this.Navigate($"/catalog/import/{id}/result");
    }

    [HttpGet("{id:guid}/result")]
    public async Task<IActionResult> Result(Guid id, [FromServices] GetCatalogImport get, CancellationToken ct) =>
        View("ImportResult", await get.HandleAsync(id, ct));

    [HttpGet("{id:guid}/rejected")]
    public async Task<IActionResult> Rejected(Guid id, [FromServices] GetCatalogImport get, CancellationToken ct) =>
        await get.RejectedFileAsync(id, ct) is { } f ? File(f.Content, "text/csv; charset=utf-8", f.FileName) : NotFound();
}
