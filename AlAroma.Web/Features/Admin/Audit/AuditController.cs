using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Admin.Audit;

[Authorize(Roles = Roles.Admin), Route("admin/audit")]
public sealed class AuditController(SearchAudit search, ExportAudit export) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        ViewData["Filter"] = filter;
        var page = await search.HandleAsync(filter, ct);
        return Request.IsHtmx() && filter.Before is not null ? PartialView("_AuditRows", page) : View("Audit", page);
    }

    [HttpGet("export.xlsx")]
    public async Task<IActionResult> Export([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(filter, ct);
        return File(content, Infrastructure.Excel.ExcelSheetWriter.ContentType, name);
    }
}
