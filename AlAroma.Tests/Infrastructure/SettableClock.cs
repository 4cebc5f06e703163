namespace AlAroma.Tests.Infrastructure;

/// <summary>A fake clock for the jobs' tests: the UTC instant the app sees until the test moves <see cref="Now"/>.</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
