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
        return View(await dashboard.HandleAsync(User.IsInRole(Roles.Manager) || User.IsInRole(Roles.Admin), ct));
    }

    /// <summary>
    /// The error page for status code pages and the exception handler. Any method: both re-execute the original
    /// request, so a refused POST renders this page too. It binds nothing (the code comes from the route values):
    /// binding would read the refused request's form — a 60 MB body once more, or a field named "code" instead of
    /// the route's. Its view needs no database (bare layout), so it still renders while PostgreSQL is down.
    /// </summary>
    [AllowAnonymous, IgnoreAntiforgeryToken, Route("/error/{code:int}")]
    public IActionResult Error()
    {
        var code = ErrorStatus.Of(HttpContext, int.TryParse(RouteData.Values["code"]?.ToString(), out var routed) ? routed : 404);
        Response.StatusCode = code;
        ViewData["Code"] = code;
        return View("Error");
    }
}
