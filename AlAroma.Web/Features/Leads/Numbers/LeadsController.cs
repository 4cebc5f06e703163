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

    /// <summary>The filter as XLSX, streamed; past 1 048 575 numbers it continues on the next sheet.</summary>
    [HttpGet("export.xlsx")]
    public async Task ExportXlsx([FromQuery] ListLeads.Input input, [FromServices] ExportLeads export, CancellationToken ct)
    {
        Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        Response.Headers.ContentDisposition = $"attachment; filename=\"leads-{DateTime.UtcNow:yyyyMMdd-HHmm}.xlsx\"";
        // SpreadCheetah finishes the package with synchronous writes, which a response refuses: the file is built in a
        // temporary file (deleted on close; memory stays flat) and then streamed.
        await using var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await export.WriteXlsxAsync(input, temp, ct);
        temp.Position = 0;
        await temp.CopyToAsync(Response.Body, ct);
    }
}
