using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse;

/// <summary>A draft document whose lines are units of products (transfer, write-off, transfer request).</summary>
public interface IQuantityDocument
{
    /// <exception cref="BusinessRuleException">Not a draft or quantity ≤ 0.</exception>
    void AddLine(int productId, int quantity);

    /// <exception cref="BusinessRuleException">Not a draft, no such line or quantity ≤ 0.</exception>
    void ChangeLine(long lineId, int quantity);

    /// <exception cref="BusinessRuleException">Not a draft or no such line.</exception>
    void RemoveLine(long lineId);
}

/// <summary>
/// Editing the lines of a draft: a barcode scan (+1 unit), a product found by search with a quantity, a changed
/// quantity, a removed line. One transaction under the document's row lock per edit, after the location check of
/// the concrete document. Stock is checked when the document moves it, not here. Returns the refreshed document.
/// </summary>
/// <typeparam name="TDoc">The entity.</typeparam>
/// <typeparam name="TModel">What the page shows.</typeparam>
public abstract class QuantityLineEditor<TDoc, TModel>(AppDbContext db, FindProducts products) where TDoc : IQuantityDocument
{
    /// <summary>The request's context.</summary>
    protected AppDbContext Db { get; } = db;

    /// <summary>Loads the document FOR UPDATE (inside the edit's transaction).</summary>
    protected abstract Task<TDoc> LockAsync(long id, CancellationToken ct);

    /// <summary>Refuses when the user may not edit this document's lines.</summary>
    protected abstract Task EnsureMayEditAsync(TDoc doc, CancellationToken ct);

    /// <summary>The document as the page shows it after the edit.</summary>
    protected abstract Task<TModel> ReloadAsync(long id, CancellationToken ct);

    /// <summary>A scanned barcode adds one unit or increments the product's line.</summary>
    /// <exception cref="BusinessRuleException">Unknown barcode, not a draft, or not the user's location; nothing changes.</exception>
    public async Task<TModel> ScanAsync(long id, string? barcode, CancellationToken ct)
    {
        var (productId, _) = await products.ByBarcodeAsync(barcode, ct);
        return await EditAsync(id, d => d.AddLine(productId, 1), ct);
    }

    /// <summary>Adds <paramref name="quantity"/> units of a product.</summary>
    /// <exception cref="BusinessRuleException">Unknown product, quantity ≤ 0, not a draft, or not the user's location.</exception>
    public async Task<TModel> AddAsync(long id, int productId, int quantity, CancellationToken ct)
    {
        if (!await Db.Products.AnyAsync(p => p.Id == productId && p.IsActive, ct)) throw new BusinessRuleException("Товар не найден или снят с продажи.");
        return await EditAsync(id, d => d.AddLine(productId, quantity), ct);
    }

    /// <summary>Sets the quantity of a line.</summary>
    /// <exception cref="BusinessRuleException">Quantity ≤ 0, not a draft, or not the user's location.</exception>
    public Task<TModel> ChangeAsync(long id, long lineId, int quantity, CancellationToken ct) =>
        EditAsync(id, d => d.ChangeLine(lineId, quantity), ct);

    /// <summary>Removes a line.</summary>
    /// <exception cref="BusinessRuleException">Not a draft, or not the user's location.</exception>
    public Task<TModel> RemoveAsync(long id, long lineId, CancellationToken ct) =>
        EditAsync(id, d => d.RemoveLine(lineId), ct);

    private async Task<TModel> EditAsync(long id, Action<TDoc> change, CancellationToken ct)
    {
        await using (var tx = await Db.Database.BeginTransactionAsync(ct))
        {
            var doc = await LockAsync(id, ct);
            await EnsureMayEditAsync(doc, ct);
            change(doc);
            await Db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return await ReloadAsync(id, ct);
    }
}
