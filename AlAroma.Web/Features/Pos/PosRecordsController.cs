using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Pos;

/// <summary>Receipts and shifts of the till: lists, the 80 mm receipt, X/Z-reports and closing a shift.</summary>
[Authorize(Roles = Roles.Till)]
public sealed class PosRecordsController : Controller
{
    [HttpGet("/pos/sales")]
    public async Task<IActionResult> Sales([FromQuery] SalesFilter filter, [FromServices] ListSales list, CancellationToken ct) =>
        View("Sales", await list.HandleAsync(filter, ct));

    /// <summary>"Экспорт в Excel" of the filtered receipts list.</summary>
    [HttpGet("/pos/sales/export")]
    public async Task<IActionResult> ExportSales([FromQuery] SalesFilter filter, [FromServices] ExportSales export, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(filter, ct);
        return File(content, ExcelSheetWriter.ContentType, name);
    }

    [HttpGet("/pos/sales/{id:long}")]
    public async Task<IActionResult> Receipt(long id, [FromServices] GetReceipt receipt, CancellationToken ct) =>
        await receipt.HandleAsync(id, ct) is { } model ? View("Receipt", model) : NotFound();

    /// <summary>"Отправить копию на e-mail" on the receipt page: queues it on the outbox (htmx: a toast either way, the page stays).</summary>
    [HttpPost("/pos/sales/{id:long}/email")]
    public async Task<IActionResult> Email(long id, string? email, [FromServices] GetReceipt receipt, [FromServices] EmailReceipt send, CancellationToken ct)
    {
        if (await receipt.HandleAsync(id, ct) is not { } model) return NotFound();
        var html = await this.RenderPartialToStringAsync("_ReceiptPaper", model);
        var to = await send.HandleAsync(model, email ?? "", html, ct);
        Response.Toast($"Чек будет отправлен на {to}. Копия чека {model.Sale.Number} в очереди отправки.");
        return NoContent();
    }

    /// <summary>«Отправить код получателю» beside a certificate sold on the receipt: queues the code letter (htmx: a toast either way).</summary>
    [HttpPost("/pos/sales/{id:long}/certificate-email")]
    public async Task<IActionResult> CertificateEmail(long id, string? code, string? email, [FromServices] GetReceipt receipt,
        [FromServices] GiftCards.EmailCertificateCode send, CancellationToken ct)
    {
        // Only a certificate this receipt sold: the till does not mail out codes of other sales.
        if (await receipt.HandleAsync(id, ct) is not { } model || model.Sale.Lines.All(l => l.CertificateCode != code)) return NotFound();
        var to = await send.HandleAsync(code!, email ?? "", ct);
        Response.Toast($"Код сертификата {GiftCards.CertificateCode.Format(code!)} будет отправлен на {to}.");
        return NoContent();
    }

    [HttpGet("/pos/shifts")]
    public async Task<IActionResult> Shifts(int? locationId, [FromServices] ListShifts list, int page = 1, string? sort = null, CancellationToken ct = default) =>
        View("Shifts", await list.HandleAsync(locationId, page, ct, sort));

    /// <summary>"Экспорт в Excel" of the shifts list.</summary>
    [HttpGet("/pos/shifts/export")]
    public async Task<IActionResult> ExportShifts(int? locationId, string? sort, [FromServices] ExportShifts export, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(locationId, sort, ct);
        return File(content, ExcelSheetWriter.ContentType, name);
    }

    [HttpGet("/pos/shifts/{id:long}")]
    public async Task<IActionResult> Shift(long id, [FromServices] GetShiftReport report, CancellationToken ct) =>
        await report.HandleAsync(id, ct) is { } model ? View("ShiftReport", model) : NotFound();

    [HttpPost("/pos/shifts/{id:long}/close")]
    public async Task<IActionResult> Close(long id, string? countedCash, string? managerEmail, string? managerPassword, [FromServices] CloseShift close, CancellationToken ct)
    {
        await close.HandleAsync(id, PosController.ParseAmount(countedCash, "Наличные в кассе"), ct, new ManagerConfirmation(managerEmail, managerPassword));
        TempData["SuccessToast"] = "Смена закрыта. Z-отчёт ниже.";
        return Redirect($"/pos/shifts/{id}");
    }
}
