using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Campaigns;

/// <summary>«Рассылки» (Manager/Admin, DOMAIN.md): the list, the edit form with its preview, sending and the live progress.</summary>
[Authorize(Roles = Roles.BackOffice), Route("campaigns")]
public sealed class CampaignsController : Controller
{
    /// <summary>The list, newest first.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListCampaigns list, CancellationToken ct) => View("Index", await list.HandleAsync(ct));

    /// <summary>The form of a new campaign.</summary>
    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] GetCampaignForm page, CancellationToken ct) => View("Form", await page.NewAsync(ct));

    /// <summary>A draft or scheduled campaign opens in its form; a sent or cancelled one shows its progress and results.</summary>
    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, [FromServices] GetCampaignForm page, [FromServices] GetCampaignProgress progress, CancellationToken ct)
    {
        var model = await progress.HandleAsync(id, ct);
        if (model is null) return NotFound();
        if (model.Campaign.Editable) return View("Form", await page.HandleAsync(id, ct));
        return View("Campaign", model);
    }

    /// <summary>
    /// «Сохранить» (<paramref name="go"/> empty), «Отправить сейчас» ("send") or «Запланировать» ("schedule"): saves the
    /// form, then sends or schedules it. Mistakes re-render the form with messages next to the fields.
    /// </summary>
    [HttpPost("save")]
    public async Task<IActionResult> Save(CampaignForm form, [FromForm] string? go, [FromServices] SaveCampaign save, [FromServices] StartCampaign start,
        [FromServices] ScheduleCampaign schedule, [FromServices] GetCampaignForm page, CancellationToken ct)
    {
        var (id, errors) = await save.HandleAsync(form, ct);
        if (id is not { } saved)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
            return View("Form", await page.ForFormAsync(form, null, null, ct));
        }
        try
        {
            switch (go)
            {
                case "send":
                    var queued = await start.HandleAsync(saved, ct);
                    TempData["SuccessToast"] = queued == 0 ? "Получателей нет: рассылка завершена без сообщений." : $"Рассылка запущена: {queued} {Plural.Of(queued, "сообщение", "сообщения", "сообщений")} в очереди.";
                    break;
                case "schedule":
                    await schedule.HandleAsync(saved, form.ScheduleAt, ct);
                    TempData["SuccessToast"] = $"Рассылка запланирована на {form.ScheduleAt:dd.MM.yyyy HH:mm} (Москва).";
                    break;
                default:
                    TempData["SuccessToast"] = "Рассылка сохранена.";
                    break;
            }
        }
        catch (BusinessRuleException e)
        {
            TempData[BusinessRuleFilter.ErrorKey] = e.Message;
        }
        return this.Navigate($"/campaigns/{saved}");
    }

    /// <summary>The preview panel for the form as it is now (htmx, on every change).</summary>
    [HttpPost("preview")]
    public async Task<IActionResult> Preview(CampaignForm form, [FromServices] PreviewCampaign preview, CancellationToken ct)
    {
        ModelState.Clear();
        return PartialView("_Preview", await preview.HandleAsync(form, ct));
    }

    /// <summary>The progress bar and results (htmx, polled every second while sending).</summary>
    [HttpGet("{id:long}/progress")]
    public async Task<IActionResult> Progress(long id, [FromServices] GetCampaignProgress progress, CancellationToken ct) =>
        await progress.HandleAsync(id, ct) is { } model ? PartialView("_Progress", model) : NotFound();

    /// <summary>«Отменить»: not sent / stopped; messages not yet sent are cancelled.</summary>
    [HttpPost("{id:long}/cancel")]
    public async Task<IActionResult> Cancel(long id, [FromServices] CancelCampaign cancel, CancellationToken ct)
    {
        var n = await cancel.HandleAsync(id, ct);
        TempData["SuccessToast"] = n > 0 ? $"Рассылка отменена, не отправлено: {n}." : "Рассылка отменена.";
        return this.Navigate($"/campaigns/{id}");
    }
}
