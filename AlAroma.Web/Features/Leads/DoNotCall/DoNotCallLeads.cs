using AlAroma.Web.Data;
using AlAroma.Web.Features.Leads.Numbers;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AlAroma.Web.Features.Leads.DoNotCall;

/// <summary>
/// What a do-not-call entry does to the numbers already loaded: their status becomes <see cref="LeadStatus.DoNotCall"/>,
/// so the queue stops giving them out — a system-wide entry in every project, a project's entry in that project only.
/// A number that already ended in a sale keeps <see cref="LeadStatus.Success"/> (the conversion counts it; it is not
/// called again anyway).
/// </summary>
public static class DoNotCallLeads
{
    /// <summary>Marks the leads of <paramref name="phones"/> (7XXXXXXXXXX) in project <paramref name="projectId"/>, or in every project when null; one UPDATE. Returns the leads changed.</summary>
    public static Task<int> MarkAsync(AppDbContext db, long[] phones, int? projectId, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("""
            UPDATE leads SET status = @dnc
            WHERE phone = ANY(@phones) AND (@project IS NULL OR project_id = @project) AND status NOT IN (@dnc, @success)
            """,
            [
                new NpgsqlParameter("phones", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = phones },
                new NpgsqlParameter("project", NpgsqlDbType.Integer) { Value = (object?)projectId ?? DBNull.Value },
                new NpgsqlParameter("dnc", NpgsqlDbType.Smallint) { Value = (short)LeadStatus.DoNotCall },
                new NpgsqlParameter("success", NpgsqlDbType.Smallint) { Value = (short)LeadStatus.Success },
            ], ct);
}
