using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AlAroma.Web.Infrastructure.Observability;

/// <summary>
/// The app's own telemetry names: one <see cref="Meter"/> for the business figures an operator watches (Prometheus turns
/// the counters into rates: sales per minute, import rows per second) and one <see cref="ActivitySource"/> for work that
/// does not start with an HTTP request (jobs, bot updates), so their logs carry a trace id of their own.
/// </summary>
public static class AppMetrics
{
    /// <summary>The meter and activity source name ("AlAroma").</summary>
    public const string Name = "AlAroma";

    public static readonly Meter Meter = new(Name, "1.0");

    public static readonly ActivitySource Activities = new(Name);

    /// <summary>Completed sales at our tills (a retried checkout that found its sale is not counted again); tag <c>location</c>.</summary>
    public static readonly Counter<long> Sales = Meter.CreateCounter<long>("alaroma.sales", "{sale}", "Completed sales at the tills");

    /// <summary>How long a checkout took from the request to the commit, seconds.</summary>
    public static readonly Histogram<double> CheckoutDuration = Meter.CreateHistogram<double>("alaroma.checkout.duration", "s", "Checkout: request to commit",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    /// <summary>Failed runs of scheduled jobs; tag <c>job</c>.</summary>
    public static readonly Counter<long> JobFailures = Meter.CreateCounter<long>("alaroma.job.failures", "{run}", "Failed runs of scheduled jobs");

    /// <summary>Rows read by imports; tag <c>kind</c> (<c>leads</c>, <c>catalog</c>). Its rate is the import's rows per second.</summary>
    public static readonly Counter<long> ImportRows = Meter.CreateCounter<long>("alaroma.import.rows", "{row}", "Rows read by imports");
}
