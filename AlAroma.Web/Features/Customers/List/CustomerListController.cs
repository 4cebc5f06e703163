using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure.Excel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Customers.List;

/// <summary>
/// «Клиенты»: the list with filters, search, sort, pages and «Экспорт в Excel». Managers and admins only: a seller or
/// cashier looks a customer up at the till by the whole phone or the customer's code (DOMAIN.md).
/// </summary>
[Authorize(Roles = Roles.BackOffice)]
public sealed class CustomerListController : Controller
{
    /// <summary>The list; <paramref name="phone"/> is the older search parameter (links of the till era), read as <c>Q</c>.</summary>
    [HttpGet("/customers")]
    public async Task<IActionResult> Index([FromQuery] ListCustomers.Input input, string? phone, [FromServices] ListCustomers list,
        [FromServices] CustomerCardAudit audit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Q) && !string.IsNullOrWhiteSpace(phone)) input.Q = phone;
        var model = await list.HandleAsync(input, ct);
        // A card a manager sees is audited, like the till's lookups (CustomerCardAudit); browsing without a search too.
        await audit.WriteAsync(model.Rows.Select(r => r.Id).ToList(), new CustomerLookupPlace(CustomerLookupWay.Search, Query: input.Q), ct);
        return View("Customers", model);
    }

    /// <summary>«Экспорт в Excel» of the filtered, sorted list.</summary>
    [HttpGet("/customers/export")]
    public async Task<IActionResult> Export([FromQuery] ListCustomers.Input input, [FromServices] ExportCustomers export, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(input, ct);
        return File(content, ExcelSheetWriter.ContentType, name);
    }
}
