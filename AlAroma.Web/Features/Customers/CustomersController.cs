using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Customers;

/// <summary>
/// Клиенты: the manager's list (search by the phone or its last digits) and "Получить код" for the till.
/// Back office only: a cashier or seller finds a customer at the till by the full number or the customer's code,
/// and only the customer (the bot) or a manager issues a code.
/// </summary>
[Authorize(Roles = Roles.BackOffice)]
public sealed class CustomersController(CustomerLookup lookup) : Controller
{
    [HttpGet("/customers")]
    public async Task<IActionResult> Index(string? phone, CancellationToken ct) => View("Customers", await lookup.SearchAsync(phone, ct));

    [HttpPost("/customers/{id:long}/code")]
    public async Task<IActionResult> Code(long id, CancellationToken ct) => View("Customers", await lookup.IssueCodeAsync(id, ct));
}
