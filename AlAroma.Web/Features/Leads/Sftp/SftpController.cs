using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Admin.Jobs;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Sftp;

/// <summary>
/// «SFTP-серверы» (hosts, their key check and pinning) and a project's «SFTP» page (schedules and their run log); managers
/// and administrators. Refusals (<see cref="BusinessRuleException"/>) reach the page through <c>BusinessRuleFilter</c>.
/// </summary>
[Authorize(Roles = Roles.BackOffice)]
public sealed class SftpController : Controller
{
    [HttpGet("leads/sftp")]
    public async Task<IActionResult> Hosts([FromServices] AppDbContext db, CancellationToken ct) =>
        View("SftpHosts", await db.SftpHosts.AsNoTracking().OrderBy(h => h.Name).ToListAsync(ct));

    [HttpGet("leads/sftp/new")]
    public IActionResult NewHost() => View("SftpHostForm", new SaveSftpHost.Input());

    [HttpGet("leads/sftp/{id:int}")]
    public async Task<IActionResult> EditHost(int id, [FromServices] SaveSftpHost save, CancellationToken ct) =>
        await save.FormAsync(id, ct) is { } m ? View("SftpHostForm", m) : NotFound();

    [HttpPost("leads/sftp/new")]
    public Task<IActionResult> CreateHost(SaveSftpHost.Input input, [FromServices] SaveSftpHost save, CancellationToken ct)
    {
        input.Id = null;
        return SaveHost(input, save, ct);
    }

    [HttpPost("leads/sftp/{id:int}")]
    public Task<IActionResult> UpdateHost(int id, SaveSftpHost.Input input, [FromServices] SaveSftpHost save, CancellationToken ct)
    {
        input.Id = id;
        return SaveHost(input, save, ct);
    }

    private async Task<IActionResult> SaveHost(SaveSftpHost.Input input, SaveSftpHost save, CancellationToken ct)
    {
        foreach (var (field, message) in input.Validate()) ModelState.AddModelError(field, message);
        if (ModelState.IsValid)
        {
            try
            {
                var id = await save.HandleAsync(input, ct);
                TempData["SuccessToast"] = $"Сервер «{input.Name!.Trim()}» сохранён. Проверьте соединение и закрепите ключ сервера.";
                return this.Navigate($"/leads/sftp/{id}");
            }
            catch (BusinessRuleException e) { ModelState.AddModelError("", e.Message); }
        }
        if (input.Id is { } existing && await save.FormAsync(existing, ct) is { } stored)
            (input.HasPassword, input.HasKey, input.HostKeyFingerprint) = (stored.HasPassword, stored.HasKey, stored.HostKeyFingerprint);
        return View("SftpHostForm", input);
    }

    [HttpPost("leads/sftp/{id:int}/check")]
    public async Task<IActionResult> Check(int id, [FromServices] CheckSftpHost check, CancellationToken ct) =>
        PartialView("_SftpCheck", (id, await check.HandleAsync(id, ct)));

    [HttpPost("leads/sftp/{id:int}/pin")]
    public async Task<IActionResult> Pin(int id, string? fingerprint, [FromServices] SaveSftpHost save, CancellationToken ct)
    {
        await save.PinAsync(id, fingerprint, ct);
        TempData["SuccessToast"] = "Ключ сервера закреплён: другой ключ будет отклонён.";
        return this.Navigate($"/leads/sftp/{id}");
    }

    [HttpGet("leads/projects/{projectId:int}/sftp")]
    public async Task<IActionResult> Project(int projectId, [FromServices] GetProjectSftp get, CancellationToken ct) =>
        await get.HandleAsync(projectId, ct) is { } m ? View("ProjectSftp", m) : NotFound();

    [HttpGet("leads/projects/{projectId:int}/sftp/new")]
    public async Task<IActionResult> NewSchedule(int projectId, SftpScheduleKind kind, [FromServices] SaveSftpSchedule save, CancellationToken ct)
    {
        if (await save.FormAsync(projectId, null, ct) is not { } m) return NotFound();
        m.Kind = kind;
        return View("SftpScheduleForm", m);
    }

    [HttpGet("leads/projects/{projectId:int}/sftp/{id:int}")]
    public async Task<IActionResult> EditSchedule(int projectId, int id, [FromServices] SaveSftpSchedule save, CancellationToken ct) =>
        await save.FormAsync(projectId, id, ct) is { } m ? View("SftpScheduleForm", m) : NotFound();

    [HttpPost("leads/projects/{projectId:int}/sftp/new")]
    public Task<IActionResult> CreateSchedule(int projectId, SaveSftpSchedule.Input input, [FromServices] SaveSftpSchedule save, CancellationToken ct)
    {
        (input.Id, input.ProjectId) = (null, projectId);
        return SaveSchedule(input, save, ct);
    }

    [HttpPost("leads/projects/{projectId:int}/sftp/{id:int}")]
    public Task<IActionResult> UpdateSchedule(int projectId, int id, SaveSftpSchedule.Input input, [FromServices] SaveSftpSchedule save, CancellationToken ct)
    {
        (input.Id, input.ProjectId) = (id, projectId);
        return SaveSchedule(input, save, ct);
    }

    private async Task<IActionResult> SaveSchedule(SaveSftpSchedule.Input input, SaveSftpSchedule save, CancellationToken ct)
    {
        foreach (var (field, message) in input.Validate()) ModelState.AddModelError(field, message);
        if (ModelState.IsValid)
        {
            try
            {
                await save.HandleAsync(input, ct);
                TempData["SuccessToast"] = "Расписание SFTP сохранено.";
                return this.Navigate($"/leads/projects/{input.ProjectId}/sftp");
            }
            catch (BusinessRuleException e) { ModelState.AddModelError("", e.Message); }
        }
        return View("SftpScheduleForm", await save.FillAsync(input, ct));
    }

    [HttpPost("leads/projects/{projectId:int}/sftp/{id:int}/delete")]
    public async Task<IActionResult> DeleteSchedule(int projectId, int id, [FromServices] SaveSftpSchedule save, CancellationToken ct)
    {
        await save.DeleteAsync(projectId, id, ct);
        TempData["SuccessToast"] = "Расписание SFTP удалено.";
        return this.Navigate($"/leads/projects/{projectId}/sftp");
    }

    /// <summary>«Запустить сейчас»: due at once, and the job is started on whichever node runs jobs.</summary>
    [HttpPost("leads/projects/{projectId:int}/sftp/{id:int}/run")]
    public async Task<IActionResult> RunNow(int projectId, int id, [FromServices] SaveSftpSchedule save, [FromServices] ControlJob jobs, [FromServices] ICurrentUser user, CancellationToken ct)
    {
        await save.RunSoonAsync(projectId, id, ct);
        await jobs.RunNowAsync(LeadsSetup.SftpJobKey, user.UserName, ct);
        TempData["SuccessToast"] = "Обмен запущен — результат появится в журнале ниже через несколько секунд (обновите страницу).";
        return this.Navigate($"/leads/projects/{projectId}/sftp");
    }
}
