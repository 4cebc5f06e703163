using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Customers;

/// <summary>Клиенты: search by phone and "Получить код" for the till.</summary>
[Authorize(Roles = Roles.Till)]
public sealed class CustomersController(CustomerLookup lookup) : Controller
{
    [HttpGet("/customers")]
    public async Task<IActionResult> Index(string? phone, CancellationToken ct) => View("Customers", await lookup.SearchAsync(phone, ct));

    [HttpPost("/customers/{id:long}/code")]
    public async Task<IActionResult> Code(long id, CancellationToken ct) => View("Customers", await lookup.IssueCodeAsync(id, ct));
}
