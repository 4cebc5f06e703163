using AlAroma.Web.Infrastructure.Jobs;

namespace AlAroma.Tests.Jobs;

public sealed class CronWordsTests
{
    [Theory]
    [InlineData("0 0 3 * * ?", "ежедневно в 03:00")]
    [InlineData("0 15 2 * * ?", "ежедневно в 02:15")]
    [InlineData("0 0/5 * * * ?", "каждые 5 минут")]
    [InlineData("0 */2 * * * ?", "каждые 2 минуты")]
    [InlineData("0 * * * * ?", "каждую минуту")]
    [InlineData("0 0/1 * * * ?", "каждую минуту")]
    [InlineData("0 0 * * * ?", "каждый час")]
    [InlineData("0 30 * * * ?", "каждый час в :30")]
    [InlineData("0 0 0/6 * * ?", "каждые 6 часов")]
    [InlineData("0 0 9 ? * MON", "по понедельникам в 09:00")]
    [InlineData("0 0 9 ? * mon", "по понедельникам в 09:00")]
    [InlineData("0 0 8 ? * MON-FRI", "по будням в 08:00")]
    [InlineData("0 0 10 ? * SAT,SUN", "по выходным в 10:00")]
    [InlineData("0 0 9 ? * MON,WED,FRI", "по понедельникам, средам и пятницам в 09:00")]
    [InlineData("0 0 9 ? * 1", "по воскресеньям в 09:00")]
    [InlineData("0 0 4 1 * ?", "1-го числа каждого месяца в 04:00")]
    public void Puts_the_app_schedules_in_words(string cron, string words) => Assert.Equal(words, CronWords.Describe(cron));

    [Theory]
    [InlineData("0 15 10 L * ?")]
    [InlineData("0 0 9 ? 1 MON")]
    [InlineData("30 0 3 * * ?")]
    [InlineData("0 0 3 * * ? 2027")]
    [InlineData("0 0 3-5 * * ?")]
    public void Shows_a_form_it_does_not_know_as_the_expression_itself(string cron) =>
        Assert.Equal($"по расписанию {cron}", CronWords.Describe(cron));

    [Fact]
    public void A_job_without_a_schedule_runs_by_hand() => Assert.Equal("вручную", CronWords.Describe(null));
}
