using Htmx;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Infrastructure;

/// <summary>
/// The one place that reads and writes htmx 2.x headers (https://htmx.org/reference/#headers), on top of the
/// Htmx.Net package: its trigger builder merges events, so a toast and any other event travel together in one
/// <c>HX-Trigger</c> header instead of the last one overwriting the rest.
/// </summary>
public static class Htmx
{
    /// <summary>
    /// True when htmx made the request (header <c>HX-Request</c>): answer with a fragment. A history-restore request
    /// (htmx lost its cached page) wants the whole page, so it counts as a plain request.
    /// </summary>
    public static bool IsHtmx(this HttpRequest request) =>
        HtmxHttpExtensions.IsHtmx(request) && !HtmxHttpExtensions.IsHtmxHistoryRestoreRequest(request);

    /// <summary>Client-side redirect for htmx requests (never a 302 to htmx, ARCHITECTURE.md).</summary>
    public static void HxRedirect(this HttpResponse response, string url) => response.Htmx(h => h.Redirect(url));

    /// <summary>Tells htmx not to swap the response in (the screen keeps what it shows).</summary>
    public static void HxNoSwap(this HttpResponse response) => response.Htmx(h => h.Reswap("none"));

    /// <summary>
    /// Shows a toast through the <c>HX-Trigger</c> header (event "toast", listened to by site.js); events already on
    /// the response are kept.
    /// </summary>
    /// <param name="kind">"success", "error" or "info".</param>
    public static void Toast(this HttpResponse response, string message, string kind = "success") =>
        response.Htmx(h => h.WithTrigger("toast", new { message, kind }));

    /// <summary>
    /// Sends the browser to <paramref name="url"/> the way the request expects: a 302 for a plain form post,
    /// <c>HX-Redirect</c> with an empty 200 for htmx (htmx would follow a 302 itself and swap the whole page in).
    /// </summary>
    public static IActionResult Navigate(this ControllerBase controller, string url)
    {
        if (!controller.Request.IsHtmx()) return controller.Redirect(url);
        controller.Response.HxRedirect(url);
        return controller.Ok();
    }
}
