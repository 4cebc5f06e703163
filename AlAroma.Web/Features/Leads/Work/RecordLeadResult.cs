using AlAroma.Web.Data;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Work;

/// <summary>
/// A result button of the operator's card: success, refused, no answer, busy, call back at…, wrong number, do not call —
/// with a comment. Counts the attempt, sets when the number is due again (no answer: in <see cref="NoAnswerRetry"/>;
/// busy: in <see cref="BusyRetry"/>; call back: the agreed time), keeps the call in the history, frees the number. «Не
/// звонить» also puts the number on the project's do-not-call list.
/// </summary>
public sealed class RecordLeadResult(AppDbContext db, TimeProvider clock, ICurrentUser user)
{
    /// <summary>Pause before a number that did not answer is given out again.</summary>
    public static readonly TimeSpan NoAnswerRetry = TimeSpan.FromHours(2);

    /// <summary>Pause before a busy number is given out again.</summary>
    public static readonly TimeSpan BusyRetry = TimeSpan.FromMinutes(30);

    /// <summary>The result as posted. <see cref="CallBackAt"/> is the operator's local time (Moscow) of a callback.</summary>
    public sealed class Input
    {
        public LeadStatus Result { get; set; }
        public DateTime? CallBackAt { get; set; }
        public string? Comment { get; set; }
    }

    /// <summary>Records the result of <paramref name="leadId"/> by <paramref name="userId"/>.</summary>
    /// <exception cref="BusinessRuleException">
    /// The number is unknown, is held by another operator, the result is "new", or a callback has no time or one in the past.
    /// </exception>
    public async Task HandleAsync(long leadId, string userId, Input input, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (input.Result == LeadStatus.New || !Enum.IsDefined(input.Result)) throw new BusinessRuleException("Выберите результат звонка.");
        DateTime? callBackUtc = null;
        if (input.Result == LeadStatus.CallBack)
        {
            if (input.CallBackAt is not { } local) throw new BusinessRuleException("Укажите, когда перезвонить.");
            callBackUtc = Infrastructure.Time.LocalTime.ToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
            if (callBackUtc <= now) throw new BusinessRuleException("Время «Перезвонить» уже прошло — укажите время в будущем.");
        }
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim()[..Math.Min(input.Comment.Trim().Length, 2000)];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var lead = (await db.Leads.FromSql($"SELECT * FROM leads WHERE id = {leadId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault()
            ?? throw new BusinessRuleException("Номер не найден — возьмите следующий.");
        if (lead.TakenBy != userId && lead.TakenBy is not null && lead.TakenUntilUtc > now)
            throw new BusinessRuleException("Этот номер сейчас у другого оператора. Возьмите следующий номер.");
        // A PBX webhook may have counted this call already (its end event came while the operator held the number).
        var countedByPbx = lead.TakenBy == userId && lead.TakenUntilUtc is { } until && lead.LastCallAtUtc >= until - NextLead.HoldFor;
        lead.Status = input.Result;
        if (!countedByPbx) lead.Attempts++;
        lead.LastCallAtUtc = now;
        lead.LastOperatorId = userId;
        if (comment is not null) lead.Comment = comment;
        lead.QueueAtUtc = input.Result switch
        {
            LeadStatus.NoAnswer => now + NoAnswerRetry,
            LeadStatus.Busy => now + BusyRetry,
            LeadStatus.CallBack => callBackUtc!.Value,
            _ => lead.QueueAtUtc,
        };
        lead.TakenBy = null;
        lead.TakenUntilUtc = null;
        db.LeadCalls.Add(new LeadCall { LeadId = lead.Id, ProjectId = lead.ProjectId, AtUtc = now, Result = input.Result, OperatorId = userId, Comment = comment });
        if (input.Result == LeadStatus.DoNotCall && !await db.DoNotCall.AnyAsync(d => d.Phone == lead.Phone && d.ProjectId == lead.ProjectId, ct))
            db.DoNotCall.Add(new DoNotCallEntry { Phone = lead.Phone, ProjectId = lead.ProjectId, Reason = comment ?? "Попросил не звонить", AddedAtUtc = now, AddedBy = user.UserName });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Gives a held number back to the queue unchanged (the operator could not call it now).</summary>
    public Task ReleaseAsync(long leadId, string userId, CancellationToken ct) =>
        db.Leads.Where(l => l.Id == leadId && l.TakenBy == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.TakenBy, (string?)null).SetProperty(l => l.TakenUntilUtc, (DateTime?)null), ct);
}
