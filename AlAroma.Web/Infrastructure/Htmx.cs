using System.Text.Json;

namespace AlAroma.Web.Infrastructure;

/// <summary>htmx 2.x request/response helpers (https://htmx.org/reference/#headers).</summary>
public static class Htmx
{
    /// <summary>True when htmx made the request (header <c>HX-Request: true</c>): answer with a fragment.</summary>
    public static bool IsHtmx(this HttpRequest request) =>
        request.Headers.TryGetValue("HX-Request", out var v) && v == "true" && !request.Headers.ContainsKey("HX-History-Restore-Request");

    /// <summary>Client-side redirect for htmx requests (never a 302 to htmx, ARCHITECTURE.md).</summary>
    public static void HxRedirect(this HttpResponse response, string url) => response.Headers["HX-Redirect"] = url;

    /// <summary>
    /// Shows a toast through the <c>HX-Trigger</c> header; the layout's script listens for the "toast" event.
    /// </summary>
    /// <param name="kind">"success", "error" or "info".</param>
    public static void Toast(this HttpResponse response, string message, string kind = "success")
    {
        var payload = JsonSerializer.Serialize(new { toast = new { message, kind } });
        response.Headers["HX-Trigger"] = payload;
    }
}
