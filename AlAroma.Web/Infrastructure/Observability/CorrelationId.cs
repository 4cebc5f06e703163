using System.Diagnostics;
using Serilog.Context;

namespace AlAroma.Web.Infrastructure.Observability;

/// <summary>
/// One id per piece of work in every log line it writes (Serilog property <c>CorrelationId</c>): an HTTP request takes
/// the caller's <c>X-Correlation-Id</c> when it is a sane token (a proxy or a till that logs its own), else its trace id,
/// and answers it in the same header; a scheduled job or a bot update gets an activity of its own (<see cref="Begin"/>),
/// so its lines — and the SQL it runs, in traces — hang together as well.
/// </summary>
public static class CorrelationId
{
    /// <summary>The header read and answered.</summary>
    public const string Header = "X-Correlation-Id";

    /// <summary>The log property.</summary>
    public const string Property = "CorrelationId";

    /// <summary>Before the request logging, so its summary line carries the id too.</summary>
    public static void UseCorrelationId(this WebApplication app) => app.Use(async (http, next) =>
    {
        var given = http.Request.Headers[Header].ToString();
        var id = IsSane(given) ? given : (Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom()).ToString();
        http.Response.Headers[Header] = id;
        using (LogContext.PushProperty(Property, id))
            await next(http);
    });

    /// <summary>
    /// Starts the activity and the log scope of work outside a request: <paramref name="name"/> like <c>job points-expiry</c>
    /// or <c>telegram client</c>; the id is the activity's trace id. Dispose both at the end.
    /// </summary>
    public static (Activity? Activity, IDisposable Scope) Begin(string name)
    {
        var activity = AppMetrics.Activities.StartActivity(name, ActivityKind.Internal);
        var id = activity?.TraceId.ToString() ?? ActivityTraceId.CreateRandom().ToString();
        return (activity, LogContext.PushProperty(Property, id));
    }

    /// <summary>1–64 characters of letters, digits, '-', '_' and '.': nothing a log reader could be fooled by.</summary>
    public static bool IsSane(string? value) =>
        value is { Length: > 0 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
