using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Warehouse;

/// <summary>Navigation after a document action: a 302 for a normal form post, HX-Redirect for htmx (never a 302 to htmx).</summary>
public static class ControllerNavigation
{
    /// <summary>Sends the browser to <paramref name="url"/> the way the request expects.</summary>
    public static IActionResult GoTo(this Controller c, string url) => c.Navigate(url);
}
