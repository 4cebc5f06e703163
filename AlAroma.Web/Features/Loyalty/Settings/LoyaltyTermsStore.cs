using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty.Settings;

/// <summary>
/// The loyalty terms in force on a day. All versions are read at once (a handful of rows) and kept for
/// <see cref="CacheSeconds"/> seconds, so a sale costs no extra query; a save on this instance drops the cache at
/// once, another instance sees it within the cache time (versions are normally dated ahead, so nothing is missed).
/// </summary>
public sealed class LoyaltyTermsStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>How long the versions are kept in memory, seconds.</summary>
    public const int CacheSeconds = 60;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTime LoadedAtUtc, IReadOnlyList<LoyaltyTerms> Versions)? _cache;

    /// <summary>The version in force on the local business day <paramref name="day"/>; the DOMAIN.md defaults before the first.</summary>
    public async Task<LoyaltyTerms> ForDayAsync(DateOnly day, CancellationToken ct) =>
        InForce(await VersionsAsync(ct), day);

    /// <summary>The version in force now at a location in <paramref name="timeZoneId"/> (the chain's zone when null).</summary>
    public Task<LoyaltyTerms> ForNowAsync(string? timeZoneId, CancellationToken ct) =>
        ForDayAsync(LocalTime.Today(clock.GetUtcNow(), timeZoneId), ct);

    /// <summary>All versions, oldest first.</summary>
    public async Task<IReadOnlyList<LoyaltyTerms>> VersionsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_cache is { } c && (now - c.LoadedAtUtc).TotalSeconds < CacheSeconds) return c.Versions;
        await _gate.WaitAsync(ct);
        try
        {
            if (_cache is { } again && (now - again.LoadedAtUtc).TotalSeconds < CacheSeconds) return again.Versions;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var versions = await db.Set<LoyaltyTerms>().AsNoTracking().OrderBy(t => t.EffectiveFrom).ToListAsync(ct);
            _cache = (now, versions);
            return versions;
        }
        finally { _gate.Release(); }
    }

    /// <summary>Forgets the cached versions (after a save or a delete).</summary>
    public void Invalidate() => _cache = null;

    /// <summary>The last of <paramref name="versions"/> (oldest first) that starts on or before <paramref name="day"/>.</summary>
    public static LoyaltyTerms InForce(IReadOnlyList<LoyaltyTerms> versions, DateOnly day) =>
        versions.LastOrDefault(v => v.EffectiveFrom <= day) ?? new LoyaltyTerms { EffectiveFrom = LoyaltyTerms.InitialDay, CreatedBy = "Система" };
}
