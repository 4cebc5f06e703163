using AlAroma.Web.Data;
using AlAroma.Web.Features.Leads.Numbering;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Features.Leads.Projects;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Telephony;

/// <summary>
/// Applies a checked call event to the number it concerns, once per (provider, call, event): the number is found by E.164
/// in the live active projects (the one an operator holds, else the one called last); an end event counts the attempt and
/// sets the last call and its talk time, a no-answer or busy end also the status and the retry time (as the operator's
/// button would); a recording event sets the recording link. Every call is kept in the number's history (one row per
/// call id). An unknown number is logged and stored, not an error: the PBX also carries calls that are not leads.
/// </summary>
public sealed class ApplyCallEvent(AppDbContext db, TimeProvider clock, ILogger<ApplyCallEvent> log)
{
    /// <summary>What happened to the event.</summary>
    public enum Outcome { Applied, Duplicate, UnknownNumber }

    /// <summary>Applies <paramref name="e"/>.</summary>
    public async Task<Outcome> HandleAsync(CallEvent e, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var phone = LeadPhone.Normalize(e.ClientPhone);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO lead_call_events (provider, call_id, event_key, received_at_utc, phone, kind)
            VALUES ({e.Provider}, {e.CallId}, {e.EventKey}, {now}, {phone}, {e.Kind.ToString()}) ON CONFLICT DO NOTHING
            """, ct);
        if (inserted == 0) return Outcome.Duplicate;
        // A recording event names no number (Zadarma's NOTIFY_RECORD): the call's earlier event found it.
        var earlier = phone is not null ? null : await db.Database.SqlQuery<long?>(
            $"SELECT lead_id AS \"Value\" FROM lead_call_events WHERE provider = {e.Provider} AND call_id = {e.CallId} AND lead_id IS NOT NULL LIMIT 1").FirstOrDefaultAsync(ct);
        var lead = earlier is { } leadId ? await db.Leads.FromSql($"SELECT * FROM leads WHERE id = {leadId} FOR UPDATE").SingleOrDefaultAsync(ct)
            : phone is null ? null : (await db.Leads.FromSql($"""
            SELECT l.* FROM leads l JOIN lead_projects p ON p.id = l.project_id
            WHERE l.phone = {phone} AND p.deleted_at_utc IS NULL AND p.status = {LeadProjectStatus.Active.ToString()}
            ORDER BY (l.taken_until_utc > {now}) DESC NULLS LAST, l.last_call_at_utc DESC NULLS LAST, l.id DESC
            LIMIT 1 FOR UPDATE OF l
            """).ToListAsync(ct)).SingleOrDefault();
        if (lead is null)
        {
            log.LogInformation("Call event {Provider} {CallId} {Event}: number {Phone} is in no active project", e.Provider, e.CallId, e.EventKey, e.ClientPhone);
            await tx.CommitAsync(ct);
            return Outcome.UnknownNumber;
        }
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE lead_call_events SET lead_id = {lead.Id} WHERE provider = {e.Provider} AND call_id = {e.CallId} AND event_key = {e.EventKey}", ct);
        var call = await db.LeadCalls.FirstOrDefaultAsync(c => c.LeadId == lead.Id && c.Source == e.Provider && c.ProviderCallId == e.CallId, ct);
        if (call is null)
        {
            call = new LeadCall { LeadId = lead.Id, ProjectId = lead.ProjectId, AtUtc = now, Source = e.Provider, ProviderCallId = e.CallId };
            db.LeadCalls.Add(call);
        }
        switch (e.Kind)
        {
            case CallEventKind.Ended:
                lead.Attempts++;
                lead.LastCallAtUtc = now;
                lead.LastDurationSeconds = e.DurationSeconds;
                call.DurationSeconds = e.DurationSeconds;
                if (e.Result is { } result && LeadStatuses.Due.Contains(lead.Status))
                {
                    lead.Status = result;
                    lead.QueueAtUtc = now + (result == LeadStatus.Busy ? Work.RecordLeadResult.BusyRetry : Work.RecordLeadResult.NoAnswerRetry);
                    call.Result = result;
                }
                break;
            case CallEventKind.Recording:
                lead.RecordingUrl = e.RecordingUrl;
                call.RecordingUrl = e.RecordingUrl;
                break;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Applied;
    }
}
