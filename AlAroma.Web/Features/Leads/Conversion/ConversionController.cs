using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Leads.Conversion;

/// <summary>«Конверсия»: the call centre's results by project, supplier, region or day, the chart, the bridge to the shops, the Excel file.</summary>
[Authorize(Roles = Roles.BackOffice), Route("leads/conversion")]
public sealed class ConversionController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] GetConversion.Input input, [FromServices] GetConversion get, CancellationToken ct) =>
        View("Conversion", await get.HandleAsync(input, ct));

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] GetConversion.Input input, [FromServices] GetConversion get, CancellationToken ct)
    {
        var m = await get.HandleAsync(input, ct);
        using var wb = ConversionWorkbook.Build(m);
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ConversionWorkbook.FileName(m));
    }
}
