using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Admin.Company;

/// <summary>"Реквизиты компании": what receipts and A4 documents print (admin only).</summary>
[Authorize(Roles = Roles.Admin), Route("admin/company")]
public sealed class CompanyController(SaveCompanyDetails save) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Company", await save.LoadAsync(ct));

    [HttpPost("")]
    public async Task<IActionResult> Save(CompanyForm form, CancellationToken ct)
    {
        var errors = await save.HandleAsync(form, ct);
        if (errors.Count == 0)
        {
            TempData["SuccessToast"] = "Реквизиты сохранены: они печатаются на чеках и документах.";
            return Redirect("/admin/company");
        }
        foreach (var (k, v) in errors) ModelState.AddModelError(k, v);
        var labels = (await save.LoadAsync(ct)).Addresses.ToDictionary(a => a.LocationId, a => a.Label);
        foreach (var a in form.Addresses) a.Label = labels.GetValueOrDefault(a.LocationId);
        return View("Company", form);
    }
}
