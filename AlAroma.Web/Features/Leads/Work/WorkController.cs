using System.Security.Claims;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Leads.Work;

/// <summary>The operator's screen «Следующий номер»: the held number's card with the result buttons, today's callbacks.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Manager + "," + Roles.Operator), Route("leads/work")]
public sealed class WorkController : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private bool BackOffice => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Manager);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] NextLead next, [FromServices] GetLeadCard get, [FromServices] CallThroughPbx pbx, CancellationToken ct)
    {
        var held = await next.HeldAsync(UserId, ct);
        var card = held is null ? null : await get.CardAsync(held.Id, ct);
        var projects = await next.ProjectsAsync(UserId, BackOffice, ct);
        return View("Work", new GetLeadCard.Model(card, await get.CallbacksAsync(UserId, ct), TempData["NothingDue"] is true, projects.Count,
            card is null ? null : await pbx.ExtensionAsync(UserId, ct)));
    }

    /// <summary>«Позвонить через АТС»: the PBX rings the operator's extension, then the held number.</summary>
    [HttpPost("{id:long}/pbx-call")]
    public async Task<IActionResult> PbxCall(long id, [FromServices] CallThroughPbx pbx, CancellationToken ct)
    {
        TempData["SuccessToast"] = await pbx.HandleAsync(id, UserId, ct);
        return this.Navigate("/leads/work");
    }

    [HttpPost("next")]
    public async Task<IActionResult> Next([FromServices] NextLead next, CancellationToken ct)
    {
        if (await next.TakeAsync(UserId, BackOffice, ct) is null) TempData["NothingDue"] = true;
        return this.Navigate("/leads/work");
    }

    [HttpPost("{id:long}/result")]
    public async Task<IActionResult> Result(long id, RecordLeadResult.Input input, bool takeNext, [FromServices] RecordLeadResult record,
        [FromServices] NextLead next, CancellationToken ct)
    {
        await record.HandleAsync(id, UserId, input, ct);
        TempData["SuccessToast"] = $"Записано: {Numbers.LeadStatuses.Label(input.Result)}.";
        if (takeNext && await next.TakeAsync(UserId, BackOffice, ct) is null) TempData["NothingDue"] = true;
        return this.Navigate("/leads/work");
    }

    [HttpPost("{id:long}/release")]
    public async Task<IActionResult> Release(long id, [FromServices] RecordLeadResult record, CancellationToken ct)
    {
        await record.ReleaseAsync(id, UserId, ct);
        return this.Navigate("/leads/work");
    }
}
