using AlAroma.Web.Data;
using AlAroma.Web.Features.Leads.Numbering;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.DoNotCall;

/// <summary>
/// Puts one number on a do-not-call list — the system-wide one (no project) or a live project's — with a reason, and
/// marks the number's loaded leads <see cref="LeadStatus.DoNotCall"/> (<see cref="DoNotCallLeads"/>), in one
/// transaction. The entry is audited as the row it adds.
/// </summary>
public sealed class AddDoNotCall(AppDbContext db, TimeProvider clock, ICurrentUser user)
{
    /// <summary>The form «Добавить номер».</summary>
    public sealed class Input
    {
        /// <summary>The number in any usual spelling ("8 916 123-45-67", "+7(916)1234567").</summary>
        public string? Phone { get; set; }

        /// <summary>The project whose list it goes on; null = the system-wide list («Общий»).</summary>
        public int? ProjectId { get; set; }

        /// <summary>Why («просил не звонить», «жалоба»); required, up to 500 characters.</summary>
        public string? Reason { get; set; }

        /// <summary>Field errors (field name → Russian message) that need no database; empty when the form is fine.</summary>
        public IEnumerable<(string Field, string Message)> Validate()
        {
            var rejection = LeadPhone.Parse((Phone ?? "").AsSpan(), out _);
            if (rejection != PhoneRejection.None)
                yield return (nameof(Phone), $"{LeadPhone.Reason(rejection)}. Введите российский номер, например 8 916 123-45-67.");
            if (string.IsNullOrWhiteSpace(Reason)) yield return (nameof(Reason), "Укажите причину, например «просил не звонить».");
            else if (Reason.Trim().Length > 500) yield return (nameof(Reason), "Причина — не длиннее 500 символов.");
        }
    }

    /// <summary>The added entry and how many loaded leads became «Не звонить».</summary>
    public sealed record Result(long EntryId, long Phone, int LeadsMarked);

    /// <summary>Adds the entry and marks the leads.</summary>
    /// <exception cref="BusinessRuleException">An invalid form, an unknown or deleted project, or the number is on that list already.</exception>
    public async Task<Result> HandleAsync(Input input, CancellationToken ct)
    {
        if (input.Validate().FirstOrDefault() is { Message: { } error }) throw new BusinessRuleException(error);
        var phone = LeadPhone.Normalize(input.Phone)!.Value;
        string listName = "общем списке";
        if (input.ProjectId is { } pid)
        {
            listName = "списке проекта «" + (await db.LeadProjects.AsNoTracking().Where(p => p.Id == pid && p.DeletedAtUtc == null).Select(p => p.Name).FirstOrDefaultAsync(ct)
                ?? throw new BusinessRuleException("Проект не найден или удалён — выберите другой список.")) + "»";
        }
        if (await db.DoNotCall.AnyAsync(d => d.Phone == phone && d.ProjectId == input.ProjectId, ct))
            throw new BusinessRuleException(Already(phone, listName));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entry = new DoNotCallEntry
        {
            Phone = phone, ProjectId = input.ProjectId, Reason = input.Reason!.Trim(), AddedAtUtc = clock.GetUtcNow().UtcDateTime, AddedBy = user.UserName,
        };
        db.DoNotCall.Add(entry);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbExceptions.IsUniqueViolation(e)) { throw new BusinessRuleException(Already(phone, listName)); }
        var marked = await DoNotCallLeads.MarkAsync(db, [phone], input.ProjectId, ct);
        await tx.CommitAsync(ct);
        return new Result(entry.Id, phone, marked);
    }

    private static string Already(long phone, string list) => $"Номер {LeadPhone.Display(phone)} уже есть в {list}.";
}
