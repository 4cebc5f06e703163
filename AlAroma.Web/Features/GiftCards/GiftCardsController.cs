using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Features.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.GiftCards;

/// <summary>Back office: certificates sold, each one's activity ledger, and the outstanding liability.</summary>
[Authorize(Roles = Roles.BackOffice), Route("giftcards")]
public sealed class GiftCardsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? sort, [FromServices] GetCertificateLiability liability, CancellationToken ct)
    {
        ViewData["q"] = q;
        return View("GiftCards", await liability.HandleAsync(q, ct, sort));
    }

    /// <summary>"Экспорт в Excel" of the filtered certificate list.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> ExportList(string? q, string? sort, [FromServices] ExportCertificates export, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(q, sort, ct);
        return File(content, ExcelSheetWriter.ContentType, name);
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Card(long id, [FromServices] GetCertificate get, CancellationToken ct) =>
        await get.HandleAsync(id, ct) is { } c ? View("Certificate", c) : NotFound();

    /// <summary>«Отправить код на e-mail» on the certificate's page: queues the code letter (htmx: a toast either way, the page stays).</summary>
    [HttpPost("{id:long}/email")]
    public async Task<IActionResult> Email(long id, string? email, [FromServices] GetCertificate get, [FromServices] EmailCertificateCode send, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } c) return NotFound();
        var to = await send.HandleAsync(c.Code, email ?? "", ct);
        Response.Toast($"Код сертификата {CertificateCode.Format(c.Code)} будет отправлен на {to}.");
        return NoContent();
    }

    [HttpGet("liability.xlsx")]
    public async Task<IActionResult> Export([FromServices] ExportCertificateLiability export, CancellationToken ct)
    {
        var (content, fileName) = await export.HandleAsync(ct);
        return File(content, ExcelSheetWriter.ContentType, fileName);
    }
}
