using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Home;

/// <summary>Home: cashiers and sellers go straight to their till; others see their dashboard.</summary>
public sealed class HomeController(GetDashboard dashboard) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if ((User.IsInRole(Roles.Cashier) || User.IsInRole(Roles.Seller)) && !User.IsInRole(Roles.Manager) && !User.IsInRole(Roles.Admin))
            return Redirect("/pos");
        return View(await dashboard.HandleAsync(ct));
    }

    // Any method: status code pages re-execute the original request (a refused POST renders this page too).
    [AllowAnonymous, IgnoreAntiforgeryToken, Route("/error/{code:int}")]
    public IActionResult Error(int code)
    {
        if (code is < 400 or > 599) code = 404;
        Response.StatusCode = code;
        ViewData["Code"] = code;
        return View("Error");
    }
}
