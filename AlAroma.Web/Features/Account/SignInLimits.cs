using System.Threading.RateLimiting;
using AlAroma.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace AlAroma.Web.Features.Account;

/// <summary>
/// How many password attempts are allowed, bound to the "Security:SignIn" section of the configuration
/// (e.g. <c>Security__SignIn__AttemptsPerIp=40</c>). Each limit is a token bucket: a burst of N attempts, then one
/// attempt more every window / N. The defaults are far above what a person or a shop at shift change needs.
/// </summary>
public sealed class SignInLimitOptions
{
    /// <summary>Login form posts from one IP address per <see cref="IpWindow"/>.</summary>
    public int AttemptsPerIp { get; set; } = 20;
    public TimeSpan IpWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Password checks of one e-mail (existing or not, login page and till alike) per <see cref="AccountWindow"/>.</summary>
    public int AttemptsPerAccount { get; set; } = 10;
    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Manager confirmations typed at one register per <see cref="RegisterWindow"/>.</summary>
    public int ManagerChecksPerRegister { get; set; } = 10;
    public TimeSpan RegisterWindow { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// The attempt counters of sign-in: per IP (login form), per account (every password check) and per register
/// (manager confirmation at the till). Built on System.Threading.RateLimiting, the limiter library under ASP.NET
/// Core's rate-limiting middleware; the middleware itself is not used because the account key is inside the posted
/// form and the register key is found from the shift in the database, and because a refusal must show the login
/// form or the till with a Russian message rather than a bare 429.
/// <para>
/// The counters live in this process's memory. With two or more app instances behind a balancer each instance
/// counts on its own, so the effective limit is N × the configured one (still a hard cap on guessing speed). The
/// account lockout (5 failures, 15 minutes) is stored in PostgreSQL and shared by every instance, so it stays exact.
/// Per-IP counting sees the client's address only when forwarded headers are applied behind a proxy.
/// </para>
/// </summary>
public sealed class SignInLimits : IDisposable
{
    private readonly Limiter perIp, perAccount, perRegister;

    public SignInLimits(IOptions<SignInLimitOptions> options)
    {
        var o = options.Value;
        perIp = new Limiter(o.AttemptsPerIp, o.IpWindow);
        perAccount = new Limiter(o.AttemptsPerAccount, o.AccountWindow);
        perRegister = new Limiter(o.ManagerChecksPerRegister, o.RegisterWindow);
    }

    /// <summary>Counts a login post from <paramref name="ip"/> (null when unknown: all such share one counter).</summary>
    /// <returns>Null when the attempt may go ahead, else how long to wait.</returns>
    public TimeSpan? TryIp(string? ip) => perIp.TryAttempt(ip ?? "");

    /// <summary>Counts a password check of <paramref name="email"/> (compared case-insensitively, trimmed).</summary>
    /// <returns>Null when the attempt may go ahead, else how long to wait.</returns>
    public TimeSpan? TryAccount(string email) => perAccount.TryAttempt(email.Trim().ToUpperInvariant());

    /// <summary>Counts a manager confirmation typed at register <paramref name="registerId"/>.</summary>
    /// <returns>Null when the attempt may go ahead, else how long to wait.</returns>
    public TimeSpan? TryRegister(int registerId) => perRegister.TryAttempt(registerId.ToString());

    /// <summary>"Подождите 3 минуты" for a wait: whole minutes, or seconds under a minute.</summary>
    public static string WaitText(TimeSpan wait)
    {
        if (wait < TimeSpan.FromMinutes(1))
        {
            var s = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            return $"Подождите {s} {Plural.Of(s, "секунду", "секунды", "секунд")}";
        }
        var m = (int)Math.Ceiling(wait.TotalMinutes);
        return $"Подождите {m} {Plural.Of(m, "минуту", "минуты", "минут")}";
    }

    public void Dispose()
    {
        perIp.Dispose();
        perAccount.Dispose();
        perRegister.Dispose();
    }

    private sealed class Limiter(int attempts, TimeSpan window) : IDisposable
    {
        private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, attempts),
                TokensPerPeriod = 1,
                ReplenishmentPeriod = window / Math.Max(1, attempts),
                QueueLimit = 0,
                AutoReplenishment = false, // the partitioned limiter replenishes its buckets itself
            }));

        public TimeSpan? TryAttempt(string key)
        {
            using var lease = limiter.AttemptAcquire(key);
            if (lease.IsAcquired) return null;
            return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
        }

        public void Dispose() => limiter.Dispose();
    }
}
