using AlAroma.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Infrastructure.Jobs;

/// <summary>
/// One run of a scheduled job on some node of the cluster (table <c>job_runs</c>), written by
/// <see cref="JobRunRecorder"/> for every job, kept <see cref="JobRunRecorder.KeepDays"/> days.
/// </summary>
[NotAudited]
public class JobRun
{
    public long Id { get; set; }

    /// <summary>Quartz job name (the key given to <c>AddScheduledJob</c>).</summary>
    public string JobKey { get; set; } = "";

    /// <summary>Quartz instance id of the node that ran it.</summary>
    public string InstanceId { get; set; } = "";
    public DateTime StartedAtUtc { get; set; }
    public DateTime FinishedAtUtc { get; set; }
    public bool Succeeded { get; set; }

    /// <summary>Who pressed «Запустить сейчас»; null when the schedule started it.</summary>
    public string? StartedBy { get; set; }

    /// <summary>Rows the run changed (<see cref="JobOutcome.Rows"/>).</summary>
    public int Rows { get; set; }

    /// <summary>Short Russian summary of what it did (<see cref="JobOutcome.Summary"/>).</summary>
    public string? Summary { get; set; }

    /// <summary>The exception of a failed run: type and message, then the stack, cut to 4 000 characters.</summary>
    public string? Error { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("job_runs");
        b.Property(x => x.JobKey).HasMaxLength(200);
        b.Property(x => x.InstanceId).HasMaxLength(200);
        b.Property(x => x.StartedBy).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(500);
        b.Property(x => x.Error).HasMaxLength(4000);
        b.HasIndex(x => new { x.JobKey, x.StartedAtUtc });
        b.HasIndex(x => x.StartedAtUtc);
    }
}
