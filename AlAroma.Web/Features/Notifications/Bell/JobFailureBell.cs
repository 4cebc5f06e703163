using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure.Jobs;

namespace AlAroma.Web.Features.Notifications.Bell;

/// <summary>Rings every admin's bell when a scheduled job fails, linking to «Задания» where the error text is.</summary>
public sealed class JobFailureBell(AppDbContext db) : IJobFailureNotifier
{
    /// <inheritdoc />
    public Task JobFailedAsync(string jobKey, string error, DateTime nowUtc, CancellationToken ct) =>
        UserNotifications.NotifyAdminsAsync(db, $"Задание «{jobKey}» завершилось ошибкой", error, "/admin/jobs", nowUtc, ct);
}
