using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.ExternalPos;

/// <summary>
/// A register's requests per minute, counted in PostgreSQL so that every instance behind the balancer agrees (the
/// in-memory limiter of <see cref="Infrastructure.RateLimits.PosApi"/> only cuts floods, K instances letting K × through).
/// One upsert per request into the register's row of the current UTC minute (a fixed window: a burst across a minute's
/// edge may reach twice the quota, which is what a fixed window allows); the first request of a minute drops the
/// register's older rows. <c>ExternalPos:RequestsPerMinute</c>, default <see cref="DefaultPerMinute"/>.
/// </summary>
public sealed class ExternalPosQuota(AppDbContext db, IConfiguration config)
{
    /// <summary>The default quota: a busy till does a lookup, a quote and a sale per receipt, a receipt every few seconds.</summary>
    public const int DefaultPerMinute = 300;

    /// <summary>Counts this request.</summary>
    /// <returns>Null when it is within the quota; else the seconds until the next minute (for Retry-After).</returns>
    public async Task<int?> TakeAsync(int registerId, DateTimeOffset now, CancellationToken ct)
    {
        var quota = Math.Max(1, config.GetValue("ExternalPos:RequestsPerMinute", DefaultPerMinute));
        var minute = new DateTime(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var count = (await db.Database.SqlQuery<int>($"""
            INSERT INTO external_pos_rate (register_id, minute_utc, requests) VALUES ({registerId}, {minute}, 1)
            ON CONFLICT (register_id, minute_utc) DO UPDATE SET requests = external_pos_rate.requests + 1
            RETURNING requests AS "Value"
            """).ToListAsync(ct))[0];
        if (count == 1)
            await db.Database.ExecuteSqlAsync($"DELETE FROM external_pos_rate WHERE register_id = {registerId} AND minute_utc < {minute}", ct);
        return count <= quota ? null : Math.Max(1, (int)Math.Ceiling((minute.AddMinutes(1) - now.UtcDateTime).TotalSeconds));
    }
}

/// <summary>One register's request count in one UTC minute (<see cref="ExternalPosQuota"/>).</summary>
[Infrastructure.Auditing.NotAudited]
public sealed class ExternalPosRate
{
    public int RegisterId { get; set; }

    /// <summary>The minute's start, UTC.</summary>
    public DateTime MinuteUtc { get; set; }
    public int Requests { get; set; }
}
