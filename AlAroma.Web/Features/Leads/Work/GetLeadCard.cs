using System.Text.Json;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Leads.Numbering;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Work;

/// <summary>The operator's card of a number: where and what it is, its local time now, the file's extra fields, its call history; and the operator's callbacks due today.</summary>
public sealed class GetLeadCard(AppDbContext db, TimeProvider clock)
{
    /// <summary>One call of the history, newest first.</summary>
    public sealed record Call(DateTime AtUtc, LeadStatus? Result, string? Operator, string? Comment, int? DurationSeconds, string Source, string? RecordingUrl);

    /// <summary>A callback of the operator due today (Moscow day).</summary>
    public sealed record Callback(long LeadId, long Phone, string Project, DateTime AtUtc, string? Comment);

    /// <summary>The card. <paramref name="LocalNow"/> is the time where the number is.</summary>
    public sealed record Card(Lead Lead, string Project, string? Supplier, string Region, DateTime LocalNow,
        IReadOnlyList<KeyValuePair<string, string>> Extra, IReadOnlyList<Call> History);

    /// <summary>
    /// The page: the card of the held number (null when none) and today's callbacks; <paramref name="PbxExtension"/> is the
    /// operator's extension when «Позвонить через АТС» is offered (<see cref="CallThroughPbx"/>).
    /// </summary>
    public sealed record Model(Card? Card, IReadOnlyList<Callback> Callbacks, bool NothingDue, int Projects, string? PbxExtension = null);

    /// <summary>The card of a number; null when unknown.</summary>
    public async Task<Card?> CardAsync(long leadId, CancellationToken ct)
    {
        var lead = await db.Leads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == leadId, ct);
        if (lead is null) return null;
        var project = await db.LeadProjects.Where(p => p.Id == lead.ProjectId).Select(p => p.Name).SingleAsync(ct);
        var supplier = await db.LeadSuppliers.Where(s => s.Id == lead.SupplierId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        var history = await (from c in db.LeadCalls.AsNoTracking()
                             where c.LeadId == leadId
                             orderby c.AtUtc descending, c.Id descending
                             select new Call(c.AtUtc, c.Result, db.Users.Where(u => u.Id == c.OperatorId).Select(u => u.UserName).FirstOrDefault(),
                                 c.Comment, c.DurationSeconds, c.Source, c.RecordingUrl)).Take(50).ToListAsync(ct);
        var extra = lead.Extra is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(lead.Extra)?.ToList() ?? [];
        var local = LocalTime.ToLocal(clock.GetUtcNow().UtcDateTime, lead.TimeZoneId);
        return new Card(lead, project, supplier, lead.Region is null ? "Регион не определён" : RegionNames.NameOf(lead.Region), local, extra, history);
    }

    /// <summary>The operator's callbacks due today (Moscow day), earliest first.</summary>
    public async Task<IReadOnlyList<Callback>> CallbacksAsync(string userId, CancellationToken ct)
    {
        var (dayStart, dayEnd) = LocalTime.UtcRange(LocalTime.Today(clock.GetUtcNow()));
        return await (from l in db.Leads.AsNoTracking()
                      join p in db.LeadProjects on l.ProjectId equals p.Id
                      where l.LastOperatorId == userId && l.Status == LeadStatus.CallBack && l.QueueAtUtc >= dayStart && l.QueueAtUtc < dayEnd && p.DeletedAtUtc == null
                      orderby l.QueueAtUtc
                      select new Callback(l.Id, l.Phone, p.Name, l.QueueAtUtc, l.Comment)).Take(100).ToListAsync(ct);
    }
}
