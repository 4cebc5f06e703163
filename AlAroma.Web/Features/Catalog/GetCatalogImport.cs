using AlAroma.Web.Infrastructure.Import;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Catalog;

/// <summary>An import's header for the result screen and the list of recent imports, and its rejected-rows file.</summary>
public sealed class GetCatalogImport(AppDbContext db)
{
    /// <summary>An import without its file.</summary>
    public sealed record Summary(Guid Id, string FileName, CatalogImportStatus Status, int TotalRows, int Created, int Updated, int Unchanged, int Rejected,
        string CreatedBy, DateTime CreatedAtUtc, DateTime? CompletedAtUtc);

    /// <summary>The result screen: the summary and the rejected rows (row number, reason) read back from the file.</summary>
    public sealed record Model(Summary Import, IReadOnlyList<(string Row, string Reason)> Rejected);

    private static IQueryable<Summary> Summaries(IQueryable<CatalogImport> q) => q.AsNoTracking().Select(i => new Summary(i.Id, i.FileName, i.Status,
        i.TotalRows, i.Created, i.Updated, i.Unchanged, i.Rejected, i.CreatedBy, i.CreatedAtUtc, i.CompletedAtUtc));

    /// <summary>The last imports, newest first.</summary>
    public Task<List<Summary>> RecentAsync(int count, CancellationToken ct) =>
        Summaries(db.CatalogImports.OrderByDescending(i => i.CreatedAtUtc).Take(count)).ToListAsync(ct);

    /// <exception cref="BusinessRuleException">Unknown import.</exception>
    public async Task<Model> HandleAsync(Guid id, CancellationToken ct)
    {
        var summary = await Summaries(db.CatalogImports.Where(i => i.Id == id)).FirstOrDefaultAsync(ct)
            ?? throw new BusinessRuleException("Импорт не найден. Загрузите файл заново.");
        var file = await RejectedFileAsync(id, ct);
        var rejected = new List<(string, string)>();
        if (file is not null)
        {
            // Our own file: the source's columns plus "Строка" and "Причина".
            var table = ImportFile.Read(file.Value.Content, "utf-8", "semicolon", ImportFile.MaxColumns + 2);
            rejected.AddRange(table.Rows.Select(r => (r.Cells[0], r.Cells[^1])));
        }
        return new Model(summary, rejected);
    }

    /// <summary>The rejected-rows CSV and a download name for it; null when the import rejected nothing.</summary>
    public async Task<(byte[] Content, string FileName)?> RejectedFileAsync(Guid id, CancellationToken ct)
    {
        var r = await db.CatalogImports.AsNoTracking().Where(i => i.Id == id && i.RejectedFile != null)
            .Select(i => new { i.FileName, i.RejectedFile }).FirstOrDefaultAsync(ct);
        return r is null ? null : (r.RejectedFile!, Path.GetFileNameWithoutExtension(r.FileName) + "-отклонённые.csv");
    }
}
