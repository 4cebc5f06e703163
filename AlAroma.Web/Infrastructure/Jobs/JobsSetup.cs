using AlAroma.Web.Infrastructure.Time;
using Quartz;

namespace AlAroma.Web.Infrastructure.Jobs;

/// <summary>
/// Quartz.NET on the app's PostgreSQL: the ADO job store in schema <c>quartz</c> (tables <c>quartz.qrtz_*</c>,
/// created by the migration <c>QuartzStoreAndJobRuns</c>), clustered (every instance of the app runs the same
/// scheduler; a trigger fires on exactly one node; instance ids are generated per node), job data as
/// System.Text.Json. Settings: <c>Jobs:Enabled</c> (default true: this instance runs jobs; false: it still shows the
/// «Задания» page and queues «Запустить сейчас» for the nodes that run jobs), <c>Jobs:TimeZone</c> (IANA id the cron
/// expressions are read in; default the chain's Europe/Moscow), <c>Jobs:PollSeconds</c> (how often an idle node looks
/// for triggers stored by other nodes; default 10), <c>Jobs:Schedules:&lt;name&gt;</c> (a job's cron).
/// </summary>
public static class JobsSetup
{
    /// <summary>Quartz table prefix: a schema of its own keeps Quartz's tables apart from the app's.</summary>
    public const string TablePrefix = "quartz.qrtz_";

    /// <summary>Who a job's ledger entries and changes are written as.</summary>
    public const string SystemUserName = "Система (задание)";

    /// <summary>Scheduler name shared by every node of the cluster (the <c>sched_name</c> column).</summary>
    public const string SchedulerName = "AlAroma";

    /// <summary>
    /// Registers a job a feature runs on a schedule. Call from the feature's <c>AddX</c> (before
    /// <see cref="AddJobs"/>). The job is a scoped <typeparamref name="TJob"/> (usually a <see cref="ScheduledJob"/>
    /// wrapping a use case); it runs on one node at a time and its runs land in <c>job_runs</c>.
    /// </summary>
    /// <param name="key">Job name, unique, Latin (e.g. <c>certificate-expiry</c>): the Quartz job key and the run history's key.</param>
    /// <param name="russianDescription">What the job does, as the «Задания» page shows it («Сгорание сертификатов через 12 месяцев»).</param>
    /// <param name="cronSettingKey">Name under <c>Jobs:Schedules</c> whose value overrides <paramref name="defaultCron"/>.</param>
    /// <param name="defaultCron">Quartz cron (seconds first), read in <c>Jobs:TimeZone</c>: <c>0 0 3 * * ?</c> = daily at 03:00.</param>
    /// <exception cref="InvalidOperationException">The cron expression is not valid, the key is taken, or <see cref="AddJobs"/> already ran.</exception>
    public static void AddScheduledJob<TJob>(this WebApplicationBuilder builder, string key, string russianDescription, string cronSettingKey, string defaultCron)
        where TJob : class, IJob
    {
        var catalog = Catalog(builder.Services);
        if (catalog.Sealed) throw new InvalidOperationException($"Job {key} is registered after AddJobs(): register jobs from the feature's AddX, before AddJobs.");
        var cron = builder.Configuration[$"Jobs:Schedules:{cronSettingKey}"] is { Length: > 0 } c ? c.Trim() : defaultCron;
        if (!CronExpression.TryParse(cron, out _))
            throw new InvalidOperationException($"Jobs:Schedules:{cronSettingKey} = \"{cron}\" is not a Quartz cron expression (seconds minutes hours day month weekday).");
        if (catalog.Jobs.Any(j => j.Key == key)) throw new InvalidOperationException($"Job {key} is registered twice.");
        catalog.Jobs.Add(new ScheduledJobDefinition(typeof(TJob), key, russianDescription, cron));
    }

    /// <summary>
    /// Starts Quartz with every job registered through <see cref="AddScheduledJob{TJob}"/>. Call once in
    /// Program.cs after the features and <c>AddData</c> (it reads the final <c>ConnectionStrings:Default</c>).
    /// </summary>
    public static void AddJobs(this WebApplicationBuilder builder)
    {
        var catalog = Catalog(builder.Services);
        catalog.Sealed = true;
        var cs = builder.Configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(cs)) throw new InvalidOperationException("AddJobs() needs ConnectionStrings:Default: call it after AddData().");
        var zone = LocalTime.Zone(builder.Configuration["Jobs:TimeZone"]);
        var pollSeconds = Math.Max(1, builder.Configuration.GetValue("Jobs:PollSeconds", 10));
        builder.Services.AddSingleton<JobRunRecorder>();
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = SchedulerName;
                // How soon an idle node notices a trigger another node stored («Запустить сейчас» pressed on an instance that runs no jobs).
                o.IdleWaitTime = TimeSpan.FromSeconds(pollSeconds);
            });
            q.UsePersistentStore(s =>
            {
                s.UsePostgres(cs);
                s.UseSystemTextJsonSerializer();
                s.UseClustering();
                s.ConfigureStore(o => o.TablePrefix = TablePrefix);
            });
            q.AddJobListener(sp => sp.GetRequiredService<JobRunRecorder>());
            foreach (var job in catalog.Jobs)
            {
                q.AddJob(job.Type, j => j.WithIdentity(job.Key).WithDescription(job.Description).StoreDurably());
                q.AddTrigger<IJob>(t => t.WithIdentity(job.Key + ScheduleSuffix).ForJob(job.Key)
                    // A node that was down at the hour runs a missed nightly job once when it is back: jobs are idempotent.
                    .WithCronSchedule(job.Cron, x => x.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
        });
        if (builder.Configuration.GetValue("Jobs:Enabled", true))
            builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    /// <summary>Suffix of the name of a job's schedule trigger (<c>certificate-expiry.schedule</c>).</summary>
    public const string ScheduleSuffix = ".schedule";

    private static JobCatalog Catalog(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(JobCatalog))?.ImplementationInstance is JobCatalog c) return c;
        var catalog = new JobCatalog();
        services.AddSingleton(catalog);
        return catalog;
    }
}

/// <summary>A job as a feature registered it (<see cref="JobsSetup.AddScheduledJob{TJob}"/>).</summary>
public sealed record ScheduledJobDefinition(Type Type, string Key, string Description, string Cron);

/// <summary>Every job registered in this app, in registration order.</summary>
public sealed class JobCatalog
{
    /// <summary>The registered jobs.</summary>
    public List<ScheduledJobDefinition> Jobs { get; } = [];

    internal bool Sealed { get; set; }
}
