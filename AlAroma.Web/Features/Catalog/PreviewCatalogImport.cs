using AlAroma.Web.Infrastructure.Import;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Catalog;

/// <summary>Step 3 of the import: what would happen to each row, with the totals, before anything is written.</summary>
public sealed class PreviewCatalogImport(AppDbContext db, CatalogImportPlanner planner)
{
    /// <summary>Rows listed on the preview (the totals count all).</summary>
    public const int ShownRows = 100;

    /// <summary>
    /// The preview screen: totals and the first rows, rejected rows first; how the encoding reads the file
    /// (<see cref="CanRun"/> is false while that would write garbage) and, when rows would create products, the
    /// columns new products need that are not mapped.
    /// </summary>
    public sealed record Model(Guid Id, string FileName, ImportMapping Mapping, int TotalRows, int ToCreate, int ToUpdate, int ToReject, IReadOnlyList<PlannedRow> Rows,
        EncodingNotice? Encoding, IReadOnlyList<string> Missing, IReadOnlyList<(int Row, string Garbled, string Repaired)> Garbled)
    {
        /// <summary>Numbers of the rows whose text the file brought garbled (marked in the table).</summary>
        public IReadOnlySet<int> GarbledRows { get; } = Garbled.Select(g => g.Row).ToHashSet();

        /// <summary>True when the import may run: something to write and no blocking encoding problem.</summary>
        public bool CanRun => ToCreate + ToUpdate > 0 && Encoding is not { Blocks: true };
    }

    /// <exception cref="BusinessRuleException">Unknown import, or its mapping is not confirmed yet.</exception>
    public async Task<Model> HandleAsync(Guid id, CancellationToken ct)
    {
        var import = await db.CatalogImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new BusinessRuleException("Импорт не найден. Загрузите файл заново.");
        if (import.Status == CatalogImportStatus.Uploaded) throw new BusinessRuleException("Сначала подтвердите сопоставление столбцов.");
        var mapping = import.Mapping();
        var (table, plan, garbled) = await planner.PlanAsync(import, mapping, ct);
        var shown = plan.Where(r => r.Action == RowAction.Reject).Concat(plan.Where(r => r.Action != RowAction.Reject)).Take(ShownRows).ToList();
        var toCreate = plan.Count(r => r.Action == RowAction.Create);
        return new Model(import.Id, import.FileName, mapping, table.Rows.Count,
            toCreate, plan.Count(r => r.Action == RowAction.Update), plan.Count(r => r.Action == RowAction.Reject), shown,
            import.EncodingNotice(mapping), toCreate > 0 ? CatalogImportPlan.MissingForNewProducts(mapping) : [], garbled);
    }
}
