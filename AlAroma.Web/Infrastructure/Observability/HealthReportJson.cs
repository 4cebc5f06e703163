using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AlAroma.Web.Infrastructure.Observability;

/// <summary>
/// <c>/health/ready</c> as JSON: <c>{"status": "Healthy|Degraded|Unhealthy", "checks": {"postgresql": {"status", "description"}, …}}</c>.
/// The HTTP status stays ASP.NET Core's: 200 for Healthy and Degraded (an SMTP outage keeps the instance in the
/// balancer), 503 for Unhealthy (the database).
/// </summary>
public static class HealthReportJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description ?? e.Value.Exception?.GetBaseException().Message }),
        }, Json));
    }
}
