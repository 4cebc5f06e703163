using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Customers;

/// <summary>
/// "Получить код" for the till, issued by a manager from the customer's card (the list is <see cref="List.CustomerListController"/>).
/// Back office only: a cashier or seller finds a customer at the till by the full number or the customer's code,
/// and only the customer (the bot) or a manager issues a code.
/// </summary>
[Authorize(Roles = Roles.BackOffice)]
public sealed class CustomersController(CustomerLookup lookup) : Controller
{
    [HttpPost("/customers/{id:long}/code")]
    public async Task<IActionResult> Code(long id, CancellationToken ct) => View("IssuedCode", await lookup.IssueCodeAsync(id, ct));
}
