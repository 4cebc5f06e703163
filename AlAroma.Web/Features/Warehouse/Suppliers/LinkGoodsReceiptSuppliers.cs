using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Suppliers;

/// <summary>
/// Links goods receipts written before the supplier directory existed (a supplier name, no supplier) to the directory
/// supplier of that name (<see cref="SupplierDirectory.FindOrAddAsync"/>: case and spaces ignored), adding a directory
/// supplier for a name that has none. The receipt's printed supplier name stays as it was. Runs after every
/// <c>migrate</c> (and the app's own migration at start) and as the <c>link-suppliers</c> command; with nothing left
/// to link it only reads.
/// </summary>
public sealed class LinkGoodsReceiptSuppliers(AppDbContext db) : IPostMigrationStep
{
    /// <summary>The CLI command name.</summary>
    public const string Command = "link-suppliers";

    /// <summary>The CLI usage line.</summary>
    public const string Usage = "link-suppliers                           link old goods receipts to the supplier directory by name";

    /// <summary>What a run did.</summary>
    /// <param name="Receipts">Goods receipts that got their supplier.</param>
    /// <param name="SuppliersAdded">Directory suppliers added for names that had none.</param>
    public sealed record Outcome(int Receipts, int SuppliersAdded)
    {
        /// <summary>A line for the operator (Russian, as the rest of the app's messages).</summary>
        public string Summary => Receipts == 0
            ? "Все приходы уже связаны с поставщиками из справочника."
            : $"Приходов связано с поставщиками: {Receipts}; добавлено в справочник поставщиков: {SuppliersAdded}.";
    }

    /// <summary>
    /// Links every unlinked receipt in one transaction (all or none), under an advisory lock so that two processes
    /// starting at once do not add a supplier twice. Audited like any change (the receipts' "Поставщик" field).
    /// </summary>
    public async Task<Outcome> HandleAsync(CancellationToken ct)
    {
        if (!await Unlinked().AnyAsync(ct)) return new Outcome(0, 0);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('link-suppliers'))", ct);
        var receipts = await Unlinked().OrderBy(r => r.Id).ToListAsync(ct);
        var byName = new Dictionary<string, Supplier>(StringComparer.Ordinal);
        foreach (var name in receipts.Select(r => r.SupplierName).Distinct())
            byName[name] = await SupplierDirectory.FindOrAddAsync(db, name, ct);
        var added = byName.Values.Distinct().Count(s => s.Id == 0);
        await db.SaveChangesAsync(ct);
        foreach (var r in receipts) r.SupplierId = byName[r.SupplierName].Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Outcome(receipts.Count, added);
    }

    /// <inheritdoc />
    async Task<string> IPostMigrationStep.RunAsync(CancellationToken ct) => (await HandleAsync(ct)).Summary;

    private IQueryable<GoodsReceipts.GoodsReceipt> Unlinked() =>
        db.GoodsReceipts.Where(r => r.SupplierId == null && r.SupplierName.Trim() != "");

    /// <summary>The <c>link-suppliers</c> command: prints what it linked; exit code 0.</summary>
    public static async Task<int> RunAsync(IServiceProvider sp, string[] args)
    {
        Console.WriteLine((await sp.GetRequiredService<LinkGoodsReceiptSuppliers>().HandleAsync(CancellationToken.None)).Summary);
        return 0;
    }
}
