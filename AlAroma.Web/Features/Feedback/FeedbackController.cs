using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure.Excel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Feedback;

/// <summary>«Отзывы и обращения»: the inbox, the page of one feedback, its status and the reply (managers and admins).</summary>
[Authorize(Roles = Roles.BackOffice), Route("feedback")]
public sealed class FeedbackController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListFeedback.Input input, [FromServices] ListFeedback list, CancellationToken ct) =>
        View("Inbox", await list.HandleAsync(input, ct));

    /// <summary>«Экспорт в Excel» of the filtered, sorted list.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] ListFeedback.Input input, [FromServices] ExportFeedback export, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(input, ct);
        return File(content, ExcelSheetWriter.ContentType, name);
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, [FromServices] GetFeedback get, CancellationToken ct) =>
        await get.HandleAsync(id, ct) is { } m ? View("Feedback", m) : NotFound();

    /// <summary>«Ответить»: the answer goes to the customer's Telegram chat; the feedback becomes «отвечен».</summary>
    [HttpPost("{id:long}/reply")]
    public async Task<IActionResult> Reply(long id, string? text, [FromServices] ReplyToFeedback reply, CancellationToken ct)
    {
        await reply.HandleAsync(id, text, ct);
        TempData["SuccessToast"] = "Ответ поставлен в очередь на отправку в Telegram.";
        return Redirect($"/feedback/{id}");
    }

    /// <summary>The status chosen by hand.</summary>
    [HttpPost("{id:long}/status")]
    public async Task<IActionResult> Status(long id, FeedbackStatus status, [FromServices] SetFeedbackStatus set, CancellationToken ct)
    {
        await set.HandleAsync(id, status, ct);
        TempData["SuccessToast"] = $"Статус: {Feedback.StatusLabel(status)}.";
        return Redirect($"/feedback/{id}");
    }
}
