using AlAroma.Web.Infrastructure.Import;
using System.Globalization;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Catalog;

/// <summary>
/// The import itself: every row of a mapped <see cref="CatalogImport"/> is created, updated or rejected, in one
/// transaction (all or nothing), with batched saves so thousands of rows take seconds. New products without a SKU get
/// "AA-000001"…, without a barcode an in-store EAN-13 (2xx). Rejected rows go to a downloadable CSV with the reason.
/// </summary>
public sealed class RunCatalogImport(AppDbContext db, CatalogImportPlanner planner, ImportProgress progress, TimeProvider clock, ICurrentUser user)
{
    /// <summary>Counter keys in <c>document_counters</c>.</summary>
    public const string SkuCounter = "catalog-sku", InStoreEanCounter = "instore-ean";

    private const int BatchSize = 500;

    /// <summary>What the import did.</summary>
    public sealed record Result(Guid ImportId, int TotalRows, int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<(int Row, string Reason)> RejectedRows);

    /// <summary>Runs the import <paramref name="importId"/>.</summary>
    /// <exception cref="BusinessRuleException">
    /// The import is unknown, has no confirmed mapping, already ran, its encoding would garble text (<see cref="CsvEncodingCheck"/>),
    /// or the catalog changed meanwhile.
    /// </exception>
    public async Task<Result> HandleAsync(Guid importId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The row lock makes a second click wait for the first import, then find it done.
        var import = (await db.CatalogImports.FromSql($"SELECT * FROM catalog_imports WHERE id = {importId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault()
            ?? throw new BusinessRuleException("Импорт не найден. Загрузите файл заново.");
        if (import.Status != CatalogImportStatus.Mapped)
            throw new BusinessRuleException(import.Status == CatalogImportStatus.Done
                ? "Этот импорт уже выполнен. Чтобы загрузить файл ещё раз, начните новый импорт."
                : "Сначала подтвердите сопоставление столбцов.");

        var mapping = import.Mapping();
        if (import.EncodingNotice(mapping) is { Blocks: true } notice) throw new BusinessRuleException("Импорт не выполнен. " + notice.Message);
        progress.Report(importId, 0, 0);
        var (table, plan, _) = await planner.PlanAsync(import, mapping, ct);

        var creates = plan.Where(r => r.Action == RowAction.Create).ToList();
        var skus = await NewCodesAsync(SkuCounter, creates.Count(r => r.Product!.Sku is null), n => $"AA-{n:D6}",
            c => db.Products.Where(p => c.Contains(p.Sku)).Select(p => p.Sku), ct);
        var eans = await NewCodesAsync(InStoreEanCounter, creates.Count(r => r.Product!.Barcodes.Count == 0), Ean.InStore,
            c => db.Barcodes.Where(b => c.Contains(b.Code)).Select(b => b.Code), ct);

        int created = 0, updated = 0, unchanged = 0, pending = 0;
        var toWrite = plan.Count(r => r.Action != RowAction.Reject);
        try
        {
            foreach (var row in creates)
            {
                var p = new Product { Sku = row.Product!.Sku ?? skus.Dequeue() };
                if (row.Product.Barcodes.Count == 0) p.Barcodes.Add(new Barcode { Code = eans.Dequeue() });
                CatalogImportPlan.Apply(p, row.Product, mapping, now, user.UserName);
                db.Products.Add(p);
                created++;
                if (++pending % BatchSize == 0)
                {
                    await SaveAsync(ct);
                    progress.Report(importId, created, toWrite);
                }
            }
            await SaveAsync(ct);
            progress.Report(importId, created, toWrite);
            foreach (var chunk in plan.Where(r => r.Action == RowAction.Update).Chunk(BatchSize))
            {
                var ids = chunk.Select(r => r.ExistingId!.Value).ToList();
                var products = await db.Products.Include(p => p.Barcodes).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
                foreach (var row in chunk)
                {
                    if (CatalogImportPlan.Apply(products[row.ExistingId!.Value], row.Product!, mapping, now, user.UserName)) updated++;
                    else unchanged++;
                }
                await SaveAsync(ct);
                progress.Report(importId, created + updated + unchanged, toWrite);
            }

            var rejected = plan.Where(r => r.Action == RowAction.Reject).ToList();
            db.CatalogImports.Attach(import); // the batches cleared the change tracker
            import.Status = CatalogImportStatus.Done;
            import.TotalRows = table.Rows.Count;
            (import.Created, import.Updated, import.Unchanged, import.Rejected) = (created, updated, unchanged, rejected.Count);
            import.RejectedFile = rejected.Count == 0 ? null : RejectedRowsCsv(table.Headers, rejected);
            import.CompletedAtUtc = now;
            await SaveAsync(ct);
            await tx.CommitAsync(ct);
            progress.Report(importId, toWrite, toWrite, finished: true);
            Infrastructure.Observability.AppMetrics.ImportRows.Add(import.TotalRows, new KeyValuePair<string, object?>("kind", "catalog"));
            return new Result(import.Id, import.TotalRows, created, updated, unchanged, rejected.Count, rejected.Select(r => (r.Row.Number, r.Reason!)).ToList());
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            progress.Forget(importId);
            throw new BusinessRuleException("Пока шёл импорт, каталог изменили (артикул или штрихкод занят другим товаром). Ничего не записано: запустите импорт ещё раз.");
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    // Reserves numbers from the counter in one go and skips codes someone already typed by hand.
    private async Task<Queue<string>> NewCodesAsync(string counter, int count, Func<long, string> format,
        Func<List<string>, IQueryable<string>> taken, CancellationToken ct)
    {
        var codes = new Queue<string>();
        while (codes.Count < count)
        {
            var need = count - codes.Count;
            var first = await DocumentNumbers.ReserveAsync(db, counter, need, ct);
            var candidates = Enumerable.Range(0, need).Select(i => format(first + i)).ToList();
            var used = (await taken(candidates).ToListAsync(ct)).ToHashSet();
            foreach (var c in candidates.Where(c => !used.Contains(c))) codes.Enqueue(c);
        }
        return codes;
    }

    /// <summary>The rejected rows as CSV with the reason (<see cref="ImportSource.RejectedRowsCsv"/>).</summary>
    public static byte[] RejectedRowsCsv(IReadOnlyList<string> headers, IEnumerable<PlannedRow> rejected) =>
        ImportSource.RejectedRowsCsv(headers, rejected.Select(r => (r.Row, r.Reason!)));
}
