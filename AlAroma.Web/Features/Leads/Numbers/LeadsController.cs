using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Leads.Numbers;

/// <summary>«Номера»: the filtered list of numbers and its export.</summary>
[Authorize(Roles = Roles.BackOffice), Route("leads/numbers")]
public sealed class LeadsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListLeads.Input input, [FromServices] ListLeads list, CancellationToken ct) =>
        View("Numbers", await list.HandleAsync(input, ct));

    /// <summary>The filter as CSV, streamed to the browser.</summary>
    [HttpGet("export.csv")]
    public async Task Export([FromQuery] ListLeads.Input input, [FromServices] ExportLeads export, CancellationToken ct)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"leads-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv\"";
        await export.WriteCsvAsync(input, Response.Body, ct);
    }
}
