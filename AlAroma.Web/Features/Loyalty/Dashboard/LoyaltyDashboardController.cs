using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure.Excel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Loyalty.Dashboard;

/// <summary>«Программа лояльности»: the programme's figures and their Excel (Manager, Admin — as the reports).</summary>
[Authorize(Roles = Roles.BackOffice)]
public sealed class LoyaltyDashboardController(GetLoyaltyDashboard get) : Controller
{
    [HttpGet("/loyalty/dashboard")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("LoyaltyDashboard", await get.HandleAsync(ct));

    [HttpGet("/loyalty/dashboard.xlsx")]
    public async Task<IActionResult> Export(CancellationToken ct)
    {
        var m = await get.HandleAsync(ct);
        using var wb = LoyaltyDashboardWorkbook.Build(m);
        return File(ExcelSheetWriter.ToBytes(wb), ExcelSheetWriter.ContentType, LoyaltyDashboardWorkbook.FileName(m));
    }
}
