using AlAroma.Web.Data;
using AlAroma.Web.Features.Leads.Numbering;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.DoNotCall;

/// <summary>
/// «Не звонить»: the entries of the system-wide list («Общий») and of the projects' own lists, newest first, filtered by
/// phone (a whole number in any usual spelling, or a run of at least 3 digits) and by list; keyset pages of
/// <see cref="PageSize"/>. Dates are shown in the chain's default zone (Europe/Moscow): the list is chain-wide.
/// </summary>
public sealed class ListDoNotCall(AppDbContext db)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>The <see cref="Input.List"/> value of the system-wide list.</summary>
    public const string SystemList = "system";

    /// <summary>Columns the list sorts by: when added (default, newest first) and phone.</summary>
    public static readonly SortColumns<DoNotCallEntry> Sorts = new SortColumns<DoNotCallEntry>("added", defaultDescending: true)
        .Add("added", d => d.AddedAtUtc).Add("phone", d => d.Phone);

    /// <summary>Filters from the query string; empty fields do not filter.</summary>
    public sealed class Input
    {
        /// <summary>A phone ("8 916 123-45-67") or part of its digits.</summary>
        public string? Phone { get; set; }

        /// <summary>Empty: every list; <see cref="SystemList"/>: the system-wide one; a project id: that project's list.</summary>
        public string? List { get; set; }

        /// <summary>Column key of <see cref="Sorts"/>, "-" in front for descending.</summary>
        public string? Sort { get; set; }

        /// <summary>Keyset cursor of «Следующая».</summary>
        public string? After { get; set; }

        /// <summary>Keyset cursor of «Предыдущая».</summary>
        public string? Before { get; set; }
    }

    /// <summary>An entry; <paramref name="ListName"/> is «Общий» or the project's name; <paramref name="AddedBy"/> is a login.</summary>
    public sealed record Row(long Id, long Phone, int? ProjectId, string ListName, string Reason, DateTime AddedAtUtc, string? AddedBy);

    /// <summary>A list to choose in the filters and the forms: a live project.</summary>
    public sealed record ProjectChoice(int Id, string Name);

    /// <summary>The page and the live projects for the list choosers.</summary>
    public sealed record Model(Input Filter, IReadOnlyList<Row> Rows, KeysetPage Page, int Count, ListSort Sort, IReadOnlyList<ProjectChoice> Projects);

    /// <summary>One page of the list.</summary>
    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var q = db.DoNotCall.AsNoTracking();
        if (input.List == SystemList) q = q.Where(d => d.ProjectId == null);
        else if (int.TryParse(input.List, out var projectId)) q = q.Where(d => d.ProjectId == projectId);
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            if (LeadPhone.Normalize(input.Phone) is { } phone) q = q.Where(d => d.Phone == phone);
            else
            {
                var digits = new string(input.Phone.Where(char.IsAsciiDigit).ToArray());
                q = digits.Length >= 3 ? q.Where(d => d.Phone.ToString().Contains(digits)) : q.Where(d => false);
            }
        }
        var sort = Sorts.Parse(input.Sort);
        var page = await Sorts.PageAsync(q, sort, d => d.Id, input.After, input.Before, PageSize, ct);
        var ids = page.Ids.ToList();
        var entries = await q.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        var projectIds = entries.Where(e => e.ProjectId != null).Select(e => e.ProjectId!.Value).Distinct().ToList();
        var names = await db.LeadProjects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var rows = entries.Select(e => new Row(e.Id, e.Phone, e.ProjectId,
            e.ProjectId is { } p ? names.GetValueOrDefault(p, $"Проект {p}") : "Общий", e.Reason, e.AddedAtUtc, e.AddedBy)).ToList();
        return new Model(input, page.InOrder(rows, r => r.Id), page, await q.CountAsync(ct), sort, await ProjectsAsync(db, ct));
    }

    /// <summary>Live projects by name, for the list choosers.</summary>
    public static Task<List<ProjectChoice>> ProjectsAsync(AppDbContext db, CancellationToken ct) =>
        db.LeadProjects.AsNoTracking().Where(p => p.DeletedAtUtc == null).OrderBy(p => p.Name).Select(p => new ProjectChoice(p.Id, p.Name)).ToListAsync(ct);
}
