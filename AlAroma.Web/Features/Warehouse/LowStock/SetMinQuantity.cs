using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.LowStock;

/// <summary>
/// Inline edit of the low-stock threshold of one product at one location ("Мин. остаток" on the stock page).
/// Creates the balance row with 0 units when the product was never at the location (0 == empty ledger).
/// </summary>
public sealed class SetMinQuantity(AppDbContext db, LocationScope scope)
{
    /// <summary>The posted cell.</summary>
    public sealed class Input
    {
        public int LocationId { get; set; }
        public int ProductId { get; set; }

        /// <summary>Threshold in units as typed; empty clears it (no alerts).</summary>
        public string? MinQuantity { get; set; }
    }

    /// <summary>The cell after saving (or with the error to show and the value as typed).</summary>
    public sealed record Cell(int LocationId, int ProductId, int? MinQuantity, int Quantity, string? Typed = null, string? Error = null)
    {
        /// <summary>True when the balance is below its threshold.</summary>
        public bool Below => MinQuantity is { } m && Quantity < m;
    }

    /// <summary>Largest accepted threshold, units.</summary>
    public const int MaxThreshold = 1_000_000;

    /// <summary>Validates and saves the threshold.</summary>
    /// <exception cref="BusinessRuleException">The user may not act at the location, or the product does not exist.</exception>
    public async Task<Cell> HandleAsync(Input input, CancellationToken ct)
    {
        await WarehouseAccess.EnsureAsync(db, scope, input.LocationId, "менять минимальный остаток", ct);
        if (!await db.Products.AnyAsync(p => p.Id == input.ProductId, ct))
            throw new BusinessRuleException("Товар не найден — обновите страницу остатков.");
        var balance = await db.StockBalances.FirstOrDefaultAsync(b => b.LocationId == input.LocationId && b.ProductId == input.ProductId, ct);
        var text = input.MinQuantity?.Trim();
        int? min = null;
        if (!string.IsNullOrEmpty(text))
        {
            if (!int.TryParse(text, out var parsed) || parsed < 0 || parsed > MaxThreshold)
                return new Cell(input.LocationId, input.ProductId, balance?.MinQuantity, balance?.Quantity ?? 0, text,
                    $"Введите целое число штук от 0 до {MaxThreshold:N0} или оставьте поле пустым, чтобы убрать порог.");
            min = parsed;
        }

        if (balance is null)
        {
            if (min is null) return new Cell(input.LocationId, input.ProductId, null, 0);
            balance = new StockBalance { LocationId = input.LocationId, ProductId = input.ProductId, Quantity = 0 };
            db.StockBalances.Add(balance);
        }
        // Only min_quantity is updated (EF writes changed columns only), so a concurrent sale's quantity is never overwritten.
        balance.MinQuantity = min;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbExceptions.IsUniqueViolation(e))
        {
            throw new BusinessRuleException("Остаток этого товара только что изменился — обновите страницу и введите порог ещё раз.");
        }
        return new Cell(input.LocationId, input.ProductId, balance.MinQuantity, balance.Quantity);
    }
}
