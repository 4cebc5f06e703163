using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Infrastructure.Auditing;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Admin.Audit;

/// <summary>Audit log filter. Dates are local calendar days of the chain default zone (<see cref="LocalTime.DefaultZone"/>: the log spans every location), inclusive.</summary>
public sealed record AuditFilter(DateOnly? From, DateOnly? To, string? User, string? Entity, string? Key, string? Action, long? Before);

/// <summary>Finds audit entries newest first, 50 per page with keyset paging on the id (fast at any depth).</summary>
public sealed class SearchAudit(AppDbContext db, AuditReader reader, AuditVocabulary words)
{
    public const int PageSize = 50;

    /// <summary>A page of the log: rows in people's words, the id to page on from, the entities in the log (code name, Russian name).</summary>
    public sealed record Page(IReadOnlyList<AuditRow> Rows, long? NextBefore, IReadOnlyList<(string Value, string Label)> Entities);

    public IQueryable<AuditEntry> Query(AuditFilter f)
    {
        var q = db.AuditEntries.AsNoTracking();
        var (fromUtc, toUtc) = LocalTime.Period(f.From, f.To);
        if (fromUtc is { } start) q = q.Where(a => a.AtUtc >= start);
        if (toUtc is { } end) q = q.Where(a => a.AtUtc < end);
        if (!string.IsNullOrWhiteSpace(f.User)) {
            var user = SqlLike.Contains(f.User);
            q = q.Where(a => EF.Functions.ILike(a.UserName, user, SqlLike.Escape));
        }
        if (!string.IsNullOrWhiteSpace(f.Entity)) q = q.Where(a => a.Entity == f.Entity);
        if (!string.IsNullOrWhiteSpace(f.Key)) q = q.Where(a => a.Key == f.Key.Trim());
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(a => a.Action == f.Action);
        return q;
    }

    public async Task<Page> HandleAsync(AuditFilter f, CancellationToken ct)
    {
        var q = Query(f);
        if (f.Before is { } before) q = q.Where(a => a.Id < before);
        var rows = await q.OrderByDescending(a => a.Id).Take(PageSize + 1).ToListAsync(ct);
        long? next = rows.Count > PageSize ? rows[PageSize - 1].Id : null;
        var entities = await db.AuditEntries.Select(a => a.Entity).Distinct().ToListAsync(ct);
        return new Page(await reader.ReadAsync(rows.Take(PageSize).ToList(), ct), next,
            entities.Select(e => (e, words.EntityName(e))).OrderBy(e => e.Item2, StringComparer.Create(Infrastructure.Money.Ru, true)).ToList());
    }

    /// <summary>Local time of the entry for display, in the chain default zone (the log spans every location).</summary>
    public static DateTime Local(DateTime utc) => LocalTime.ToLocal(utc);

    /// <summary>Russian label of an action.</summary>
    public static string ActionLabel(string a) => a switch
    {
        "Create" => "Создание",
        "Update" => "Изменение",
        "Delete" => "Удаление",
        "System" => "Системная задача",
        "View" => "Просмотр",
        "SignIn" => "Вход",
        "SignInFailed" => "Неудачный вход",
        "Lockout" => "Блокировка входа",
        "SignOut" => "Выход",
        _ => a,
    };
}
