using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Home;

/// <summary>The status an error page answers with: what went wrong, not where the pipeline noticed it.</summary>
public static class ErrorStatus
{
    /// <summary>
    /// The status for the error page of <paramref name="http"/>: from the exception the exception handler caught
    /// (<see cref="OfException"/>), else the re-executed status code (<paramref name="routed"/>; outside 400–599
    /// it is treated as 404). A body longer than the endpoint allows is 413 even when antiforgery, which reads the
    /// form first, reported it as a plain 400.
    /// </summary>
    public static int Of(HttpContext http, int routed)
    {
        if (http.Features.Get<IExceptionHandlerFeature>()?.Error is { } e) return OfException(e);
        if (http.Request.ContentLength > http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize) return 413;
        return routed is >= 400 and <= 599 ? routed : 404;
    }

    /// <summary>
    /// 413/400… for a request Kestrel refused while it was read (too large, malformed), 503 while PostgreSQL cannot
    /// be reached (the page can say "try again in a minute"), 500 for anything else.
    /// </summary>
    public static int OfException(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is BadHttpRequestException bad) return bad.StatusCode;
        return e.IsDatabaseUnreachable() ? 503 : 500;
    }
}
