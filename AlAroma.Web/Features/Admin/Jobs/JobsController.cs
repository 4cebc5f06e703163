using AlAroma.Web.Features.Account;
using System.Security.Claims;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Admin.Jobs;

[Authorize(Roles = Roles.Admin), Route("admin/jobs")]
public sealed class JobsController(ListJobs list, ControlJob control) : Controller
{
    /// <summary>The page; its table re-reads itself every few seconds through htmx (partial for htmx requests).</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var jobs = await list.HandleAsync(ct);
        return Request.IsHtmx() ? PartialView("_JobsTable", jobs) : View("Jobs", jobs);
    }

    [HttpPost("{key}/run")]
    public async Task<IActionResult> Run(string key, CancellationToken ct)
    {
        await control.RunNowAsync(key, User.FindFirstValue(StaffClaimsFactory.FullNameClaim) ?? User.Identity?.Name ?? "?", ct);
        TempData["SuccessToast"] = "Задание запущено: результат появится в строке задания.";
        return Redirect("/admin/jobs");
    }

    [HttpPost("{key}/pause")]
    public async Task<IActionResult> Pause(string key, bool paused, CancellationToken ct)
    {
        await control.SetPausedAsync(key, paused, ct);
        TempData["SuccessToast"] = paused ? "Задание приостановлено: по расписанию оно не запустится, пока его не возобновят." : "Задание возобновлено.";
        return Redirect("/admin/jobs");
    }
}
