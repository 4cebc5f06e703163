using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Customers.Import;

/// <summary>«Импорт клиентов» from CSV/XLSX: upload → columns (encoding, delimiter, mapping) → result with the rejected rows (managers and admins).</summary>
[Authorize(Roles = Roles.BackOffice)]
public sealed class CustomerImportController(GetCustomerImport get) : Controller
{
    [HttpGet("/customers/import")]
    public IActionResult Index() => View("ImportUpload", (string?)null);

    [HttpPost("/customers/import"), RequestSizeLimit(UploadCustomerImport.MaxBytes + 1024 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, [FromServices] UploadCustomerImport upload, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return View("ImportUpload", "Выберите файл со списком клиентов (CSV или XLSX).");
        if (file.Length > UploadCustomerImport.MaxBytes) return View("ImportUpload", "Файл больше 20 МБ. Разделите список клиентов на несколько файлов.");
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        try { return Redirect($"/customers/import/{await upload.HandleAsync(file.FileName, ms.ToArray(), ct)}"); }
        catch (BusinessRuleException e) { return View("ImportUpload", e.Message); }
    }

    [HttpGet("/customers/import/{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken ct) =>
        await get.HandleAsync(id, null, ct) is { } m ? View("ImportMapping", m) : NotFound();

    /// <summary>«Перечитать файл» (another encoding or delimiter) shows the columns again; «Импортировать» runs the import.</summary>
    [HttpPost("/customers/import/{id:long}")]
    public async Task<IActionResult> Run(long id, string? encoding, string? delimiter, string? reread, [FromServices] RunCustomerImport run, CancellationToken ct)
    {
        var mapping = new CustomerImportMapping { Encoding = encoding ?? "utf-8", Delimiter = delimiter ?? "semicolon" };
        foreach (var f in Enum.GetValues<CustomerImportField>())
            if (int.TryParse(Request.Form[f.ToString()], out var column) && column >= 0) mapping.Columns[f] = column;
        if (reread is not null) return await get.HandleAsync(id, mapping, ct) is { } again ? View("ImportMapping", again) : NotFound();
        try
        {
            var r = await run.HandleAsync(id, mapping, ct);
            TempData["SuccessToast"] = $"Импорт выполнен: новых клиентов {r.Created}, обновлено {r.Updated}, отклонено строк {r.Rejected}.";
            return Redirect($"/customers/import/{id}");
        }
        catch (BusinessRuleException e)
        {
            var m = await get.HandleAsync(id, mapping, ct);
            return m is null ? NotFound() : View("ImportMapping", m with { Error = e.Message });
        }
    }

    [HttpGet("/customers/import/{id:long}/rejected")]
    public async Task<IActionResult> Rejected(long id, CancellationToken ct) =>
        await get.RejectedFileAsync(id, ct) is { } f ? File(f.Content, "text/csv; charset=utf-8", f.FileName) : NotFound();
}
