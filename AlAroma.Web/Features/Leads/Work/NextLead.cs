using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Leads.Import;
using AlAroma.Web.Features.Leads.Numbering;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Features.Leads.Projects;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlAroma.Web.Features.Leads.Work;

/// <summary>
/// «Следующий номер»: gives an operator the next number of their active projects that is due (new, no answer or busy after
/// the retry pause, a callback whose time has come), under the project's attempt limit, not on a do-not-call list, and
/// within the project's calling days and hours in the number's own time zone, from the project's regions and suppliers
/// when it names some. The row is taken with
/// <c>FOR UPDATE SKIP LOCKED</c> and marked as the operator's for <see cref="HoldFor"/>, so two operators never get the same
/// number, even at the same instant; an operator who reloads the page gets back the number they hold.
/// </summary>
public sealed class NextLead(AppDbContext db, TimeProvider clock)
{
    /// <summary>How long a given number stays the operator's without a result (then it returns to the queue).</summary>
    public static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(15);

    // Every zone a number can carry: the plan's regions and the default.
    private static readonly Lazy<string[]> Zones = new(() =>
        RussianNumberingPlan.Default.Regions.Select(r => r.TimeZoneId).Append(RunLeadImport.DefaultZone).Distinct().ToArray());

    // A project limited to some regions only has numbers in those regions' zones (a region's number carries its zone).
    private static IReadOnlyCollection<string> ZonesOf(LeadProject project) => project.Regions.Count == 0
        ? Zones.Value
        : project.Regions.Select(r => RegionNames.TimeZoneOf(r) ?? RunLeadImport.DefaultZone).Distinct().ToArray();

    /// <summary>The number the operator holds now, or null.</summary>
    public Task<Lead?> HeldAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Leads.AsNoTracking().Where(l => l.TakenBy == userId && l.TakenUntilUtc > now).OrderBy(l => l.TakenUntilUtc).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// The projects the user calls: those they are an operator of; an Admin or Manager who is no operator anywhere gets every
    /// live active project (to check the queue). One query either way.
    /// </summary>
    public async Task<List<LeadProject>> ProjectsAsync(string userId, bool backOffice, CancellationToken ct)
    {
        var live = await db.LeadProjects.AsNoTracking()
            .Where(p => p.DeletedAtUtc == null && p.PurgeRequestedAtUtc == null && p.Status == LeadProjectStatus.Active)
            .Select(p => new { Project = p, Mine = db.LeadProjectMembers.Any(m => m.ProjectId == p.Id && m.UserId == userId && m.Role == LeadProjectRole.Operator) })
            .OrderBy(p => p.Project.Name).ToListAsync(ct);
        var mine = live.Where(p => p.Mine).Select(p => p.Project).ToList();
        return mine.Count > 0 || !backOffice ? mine : live.Select(p => p.Project).ToList();
    }

    /// <summary>
    /// Gives the user a number (the one they hold, else the next due one); null when nothing is due now. Two round trips
    /// for an operator of one project: the projects, then one autocommit statement that returns the held number or takes
    /// the next one (locked rows are skipped, so the lock lasts that statement only).
    /// </summary>
    public async Task<Lead?> TakeAsync(string userId, bool backOffice, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + HoldFor;
        var projects = await ProjectsAsync(userId, backOffice, ct);
        var asked = false;
        foreach (var project in projects)
        {
            var open = project.Window.OpenZones(now, ZonesOf(project));
            if (open.Count == 0) continue;
            asked = true;
            var regions = project.Regions.ToArray();
            var suppliers = project.SupplierIds.ToArray();
            // One candidate per open zone (each from the queue index), the earliest of them; not looked for at all when the
            // user already holds a number (the held CTE gates the pick as a one-time filter).
            var rows = await db.Leads.FromSql($"""
                WITH held AS (
                    SELECT h.* FROM leads h WHERE h.taken_by = {userId} AND h.taken_until_utc > {now}
                    ORDER BY h.taken_until_utc LIMIT 1
                ), pick AS (
                    SELECT c.id FROM unnest({open.ToArray()}) AS z(tz)
                    CROSS JOIN LATERAL (
                        SELECT l.id, l.queue_at_utc FROM leads l
                        WHERE l.project_id = {project.Id} AND l.time_zone_id = z.tz AND l.status <= 3 AND l.queue_at_utc <= {now}
                          AND l.attempts < {project.MaxAttempts} AND (l.taken_until_utc IS NULL OR l.taken_until_utc < {now})
                          AND (cardinality({regions}) = 0 OR l.region = ANY({regions}))
                          AND (cardinality({suppliers}) = 0 OR l.supplier_id = ANY({suppliers}))
                          AND NOT EXISTS (SELECT 1 FROM lead_do_not_call d WHERE d.phone = l.phone AND (d.project_id IS NULL OR d.project_id = l.project_id))
                        ORDER BY l.queue_at_utc
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED
                    ) c
                    WHERE NOT EXISTS (SELECT 1 FROM held)
                    ORDER BY c.queue_at_utc
                    LIMIT 1
                ), taken AS (
                    UPDATE leads t SET taken_by = {userId}, taken_until_utc = {until}
                    FROM pick WHERE t.id = pick.id
                    RETURNING t.*
                )
                SELECT * FROM held UNION ALL SELECT * FROM taken
                """).AsNoTracking().ToListAsync(ct);
            if (rows.Count > 0) return rows[0];
        }
        // No project open now: the number the user took before still is theirs until its hold runs out.
        return asked ? null : await HeldAsync(userId, ct);
    }
}
