using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Jobs;

/// <summary>The two e-mail jobs are on the «Задания» page with Russian descriptions and their morning schedules.</summary>
public sealed class EmailJobsRegistrationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("daily-report-email", "ежедневно в 07:00", "Ежедневный отчёт о продажах")]
    [InlineData("low-stock-digest", "ежедневно в 08:00", "ниже минимального остатка")]
    public void The_job_is_registered_with_its_description_and_schedule(string key, string schedule, string description)
    {
        var job = Assert.Single(app.Factory.Services.GetRequiredService<JobCatalog>().Jobs, j => j.Key == key);
        Assert.Equal(schedule, CronWords.Describe(job.Cron));
        Assert.Contains(description, job.Description);
    }
}
