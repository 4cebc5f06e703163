using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Admin.Audit;

[Authorize(Roles = Roles.Admin), Route("admin/audit")]
public sealed class AuditController(SearchAudit search) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        ViewData["Filter"] = filter;
        var page = await search.HandleAsync(filter, ct);
        return Request.IsHtmx() && filter.Before is not null ? PartialView("_AuditRows", page) : View("Audit", page);
    }
}
