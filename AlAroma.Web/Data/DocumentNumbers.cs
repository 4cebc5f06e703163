using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Data;

/// <summary>
/// Gap-free counters for document and receipt numbers. The counter row is locked by the UPDATE until the
/// caller's transaction ends, so a rolled-back document gives its number back and numbers never repeat.
/// </summary>
public static class DocumentNumbers
{
    /// <summary>Next value of the counter named <paramref name="key"/> (1, 2, 3…). Run inside the document's transaction.</summary>
    public static async Task<long> NextAsync(AppDbContext db, string key, CancellationToken ct) =>
        await ReserveAsync(db, key, 1, ct);

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive values of the counter named <paramref name="key"/> in one round trip
    /// and returns the first (an import of thousands of products takes its numbers at once). Run inside the transaction.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public static async Task<long> ReserveAsync(AppDbContext db, string key, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var r = await db.Database.SqlQuery<long>($"""
            INSERT INTO document_counters AS c (key, last_value) VALUES ({key}, {count})
            ON CONFLICT (key) DO UPDATE SET last_value = c.last_value + {count}
            RETURNING last_value AS "Value"
            """).ToListAsync(ct);
        return r[0] - count + 1;
    }

    /// <summary>"ПР-2026-000042": a warehouse document number per type prefix and year.</summary>
    public static async Task<string> NextDocumentAsync(AppDbContext db, string prefix, int year, CancellationToken ct) =>
        $"{prefix}-{year}-{await NextAsync(db, $"{prefix}-{year}", ct):D6}";
}

/// <summary>A named counter row (see <see cref="DocumentNumbers"/>).</summary>
[AlAroma.Web.Infrastructure.Auditing.AuditName("Счётчик номеров")]
public class DocumentCounter
{
    public string Key { get; set; } = "";
    public long LastValue { get; set; }
}
