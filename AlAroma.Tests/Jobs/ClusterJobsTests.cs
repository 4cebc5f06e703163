using System.Collections.Concurrent;
using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Bell;
using AlAroma.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AlAroma.Tests.Jobs;

/// <summary>Counts its runs per job name (test-only job, stored in the shared Quartz tables by the test).</summary>
public sealed class CountingJob : IJob
{
    public static readonly ConcurrentDictionary<string, int> Runs = new();
    public static readonly ConcurrentDictionary<string, ConcurrentBag<string>> Instances = new();

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.JobDetail.Key.Name;
        Runs.AddOrUpdate(name, 1, (_, n) => n + 1);
        Instances.GetOrAdd(name, _ => []).Add(context.Scheduler.SchedulerInstanceId);
        context.Result = new JobOutcome(1, "Тестовое задание выполнено");
        return default;
    }
}

/// <summary>Always fails, as a job whose mail server is down would.</summary>
public sealed class FailingJob : IJob
{
    public const string Message = "Тестовый сбой: почтовый сервер не отвечает";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => throw new InvalidOperationException(Message);
}

/// <summary>Two app instances (two clustered Quartz schedulers, distinct instance ids) on one database.</summary>
public sealed class TwoNodesFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public WebApplicationFactory<Program> A { get; private set; } = null!;
    public WebApplicationFactory<Program> B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync("jobs");
        (A, B) = (Node(), Node());
        using (var scope = A.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<Seeder>().SeedDemoAsync(CancellationToken.None);
        _ = B.Services; // start the second node too
    }

    /// <summary>A further app instance on the same database (started on first use; the caller disposes it).</summary>
    public WebApplicationFactory<Program> Node() => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
    {
        b.UseEnvironment("Testing");
        b.UseSetting("ConnectionStrings:Default", ConnectionString);
        b.UseSetting("Demo:Seed", "false");
        b.UseSetting("Logging:PlainText", "true");
        b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        b.UseSetting("Jobs:Enabled", "true");
        b.UseSetting("Jobs:PollSeconds", "1");
        b.UseSetting("Security:TwoFactor:RequiredForRoles", ""); // AdminAsync signs in with the password alone
    });

    public static async Task<IScheduler> SchedulerOf(WebApplicationFactory<Program> node) =>
        await node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    /// <summary>Stores a durable test job in the shared store (through <paramref name="node"/>).</summary>
    public static async Task AddJobAsync<T>(WebApplicationFactory<Program> node, string name) where T : IJob =>
        await (await SchedulerOf(node)).AddJob(JobBuilder.Create<T>().WithIdentity(name).WithDescription("Тест: " + name).StoreDurably().Build(), new AddJobOptions { Replace = true });

    public async Task<HttpClient> AdminAsync(WebApplicationFactory<Program> node)
    {
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await AppFixture.FormTokenAsync(client, "/account/login");
        var resp = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "admin@alaroma.local", ["Password"] = Seeder.DemoPassword, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        return client;
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}

public sealed class ClusterJobsTests(TwoNodesFixture nodes) : IClassFixture<TwoNodesFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await done())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}");
            await Task.Delay(250);
        }
    }

    private async Task<List<JobRun>> RunsAsync(string job)
    {
        await using var db = TestPostgres.NewContext(nodes.ConnectionString);
        return await db.JobRuns.AsNoTracking().Where(r => r.JobKey == job).OrderBy(r => r.Id).ToListAsync();
    }

    private async Task PostAsync(WebApplicationFactory<Program> node, string url, Dictionary<string, string>? form = null)
    {
        var client = await nodes.AdminAsync(node);
        var fields = new Dictionary<string, string>(form ?? []) { ["__RequestVerificationToken"] = await AppFixture.FormTokenAsync(client, "/admin/jobs") };
        var resp = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
    }

    [Fact]
    public async Task The_two_nodes_have_distinct_instance_ids_and_both_take_part_in_the_cluster()
    {
        var (a, b) = (await TwoNodesFixture.SchedulerOf(nodes.A), await TwoNodesFixture.SchedulerOf(nodes.B));
        Assert.NotEqual(a.SchedulerInstanceId, b.SchedulerInstanceId);
        Assert.Equal(a.SchedulerName, b.SchedulerName);
        var ids = new[] { a.SchedulerInstanceId, b.SchedulerInstanceId };
        await WaitUntilAsync(async () =>
        {
            await using var db = TestPostgres.NewContext(nodes.ConnectionString);
            var checkedIn = await db.Database.SqlQuery<string>($"SELECT instance_name AS \"Value\" FROM quartz.qrtz_scheduler_state").ToListAsync();
            return ids.All(checkedIn.Contains);
        }, "both nodes to check in");
    }

    [Fact]
    public async Task A_job_due_once_fires_exactly_once_on_one_of_the_two_nodes()
    {
        const string job = "test-due-once";
        await TwoNodesFixture.AddJobAsync<CountingJob>(nodes.A, job);
        await (await TwoNodesFixture.SchedulerOf(nodes.B)).ScheduleJob(
            TriggerBuilder.Create().WithIdentity(job + ".once").ForJob(job).StartAt(DateTimeOffset.UtcNow.AddSeconds(2)).Build());

        await WaitUntilAsync(async () => (await RunsAsync(job)).Count > 0, "the one run");
        await Task.Delay(TimeSpan.FromSeconds(5)); // time enough for a second node to fire it wrongly

        Assert.Equal(1, CountingJob.Runs[job]);
        var run = Assert.Single(await RunsAsync(job));
        Assert.True(run.Succeeded);
        Assert.Equal((1, "Тестовое задание выполнено"), (run.Rows, run.Summary));
        Assert.Null(run.StartedBy);
        Assert.Equal(CountingJob.Instances[job].Single(), run.InstanceId);
    }

    [Fact]
    public async Task Run_now_pressed_on_either_node_runs_the_job_once_each_time()
    {
        const string job = "test-run-now";
        await TwoNodesFixture.AddJobAsync<CountingJob>(nodes.A, job);

        await PostAsync(nodes.A, $"/admin/jobs/{job}/run");
        await WaitUntilAsync(async () => (await RunsAsync(job)).Count == 1, "the run pressed on node A");
        await PostAsync(nodes.B, $"/admin/jobs/{job}/run");
        await WaitUntilAsync(async () => (await RunsAsync(job)).Count == 2, "the run pressed on node B");
        await Task.Delay(TimeSpan.FromSeconds(5));

        Assert.Equal(2, CountingJob.Runs[job]);
        var runs = await RunsAsync(job);
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal("Админов Алексей", r.StartedBy));
    }

    [Fact]
    public async Task A_failing_job_shows_its_error_on_the_jobs_page_of_the_other_node()
    {
        const string job = "test-failing";
        await TwoNodesFixture.AddJobAsync<FailingJob>(nodes.A, job);

        await PostAsync(nodes.B, $"/admin/jobs/{job}/run");
        await WaitUntilAsync(async () => (await RunsAsync(job)).Count == 1, "the failed run");

        var run = Assert.Single(await RunsAsync(job));
        Assert.False(run.Succeeded);
        Assert.Contains(FailingJob.Message, run.Error);
        var page = await (await nodes.AdminAsync(nodes.A)).GetStringAsync("/admin/jobs");
        var row = page[page.IndexOf($"data-job=\"{job}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("Ошибка", row);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(FailingJob.Message), row);
        Assert.Contains("вручную: Админов Алексей", row);

        // The admins hear of it on their bell, linking to the page with the error.
        UserNotification? notice = null;
        await WaitUntilAsync(async () =>
        {
            await using var db = TestPostgres.NewContext(nodes.ConnectionString);
            notice = await db.Set<UserNotification>().AsNoTracking().FirstOrDefaultAsync(n => n.Title.Contains(job));
            return notice is not null;
        }, "the admins' bell");
        Assert.NotNull(notice);
        Assert.Equal("/admin/jobs", notice.Link);
        Assert.Contains(FailingJob.Message, notice.Text);
        await using (var db = TestPostgres.NewContext(nodes.ConnectionString))
        {
            var admins = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == AlAroma.Web.Features.Account.Roles.Admin select ur.UserId).ToListAsync();
            var told = await db.Set<UserNotification>().Where(n => n.Title.Contains(job)).Select(n => n.UserId).ToListAsync();
            Assert.Equal(admins.Order(), told.Order());   // every admin once; no manager, storekeeper or seller
        }
    }

    [Fact]
    public async Task Pause_on_one_node_stops_the_schedule_for_every_node_until_resume()
    {
        const string job = "certificate-expiry"; // a real job with a nightly schedule
        await PostAsync(nodes.A, $"/admin/jobs/{job}/pause", new() { ["paused"] = "true" });

        var trigger = new TriggerKey(job + JobsSetup.ScheduleSuffix);
        Assert.Equal(TriggerState.Paused, await (await TwoNodesFixture.SchedulerOf(nodes.B)).GetTriggerState(trigger));
        var page = await (await nodes.AdminAsync(nodes.B)).GetStringAsync("/admin/jobs");
        var row = page[page.IndexOf($"data-job=\"{job}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("Приостановлено", row);
        Assert.Contains("Возобновить", row);
        Assert.Contains("ежедневно в 02:15", row);

        await PostAsync(nodes.B, $"/admin/jobs/{job}/pause", new() { ["paused"] = "false" });
        Assert.Equal(TriggerState.Normal, await (await TwoNodesFixture.SchedulerOf(nodes.A)).GetTriggerState(trigger));
    }

    [Fact]
    public async Task A_paused_job_stays_paused_when_an_instance_starts_again()
    {
        const string job = "loyalty-levels";
        var trigger = new TriggerKey(job + JobsSetup.ScheduleSuffix);
        await PostAsync(nodes.A, $"/admin/jobs/{job}/pause", new() { ["paused"] = "true" });
        try
        {
            // An instance starting (a restart, a deploy) registers every job and its schedule again from its settings;
            // this one comes back with a new time for the job: the time is taken, the pause is kept.
            await using (var restarted = nodes.Node().WithWebHostBuilder(b => b.UseSetting("Jobs:Schedules:LoyaltyLevels", "0 50 2 * * ?")))
            {
                var scheduler = await TwoNodesFixture.SchedulerOf(restarted);
                Assert.Equal("0 50 2 * * ?", Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(trigger)).CronExpressionString);
                Assert.Equal(TriggerState.Paused, await scheduler.GetTriggerState(trigger));
                var page = await (await nodes.AdminAsync(restarted)).GetStringAsync("/admin/jobs");
                var row = page[page.IndexOf($"data-job=\"{job}\"", StringComparison.Ordinal)..];
                row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
                Assert.Contains("Возобновить", row);
                Assert.Contains("ежедневно в 02:50", row);
            }
            Assert.Equal(TriggerState.Paused, await (await TwoNodesFixture.SchedulerOf(nodes.B)).GetTriggerState(trigger));
        }
        finally
        {
            await PostAsync(nodes.B, $"/admin/jobs/{job}/pause", new() { ["paused"] = "false" });
        }
        Assert.Equal(TriggerState.Normal, await (await TwoNodesFixture.SchedulerOf(nodes.A)).GetTriggerState(trigger));
    }
}
