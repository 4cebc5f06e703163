using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.ExternalPos;

/// <summary>«Внешние кассы»: the external POS API's registers (administrators only: a key lets a program move points).</summary>
[Authorize(Roles = Roles.Admin), Route("admin/external-registers")]
public sealed class ExternalRegistersController(ManageExternalRegisters manage) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("ExternalRegisters", await manage.ListAsync(ct));

    [HttpPost("")]
    public async Task<IActionResult> Create(string? name, CancellationToken ct)
    {
        try
        {
            // Rendered, not redirected: the secret must not travel through TempData or the browser history.
            Response.Headers.CacheControl = "no-store";
            return View("ExternalRegisters", await manage.ListAsync(ct, await manage.CreateAsync(name, ct)));
        }
        catch (BusinessRuleException e)
        {
            return View("ExternalRegisters", await manage.ListAsync(ct, error: e.Message, name: name));
        }
    }

    [HttpPost("{id:int}/secret")]
    public async Task<IActionResult> NewSecret(int id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        return View("ExternalRegisters", await manage.ListAsync(ct, await manage.NewSecretAsync(id, ct)));
    }

    [HttpPost("{id:int}/active")]
    public async Task<IActionResult> SetActive(int id, bool active, CancellationToken ct)
    {
        var name = await manage.SetActiveAsync(id, active, ct);
        TempData["SuccessToast"] = active ? $"Касса «{name}» снова принимается." : $"Касса «{name}» отключена: её запросы получают 401.";
        return this.Navigate("/admin/external-registers");
    }
}
