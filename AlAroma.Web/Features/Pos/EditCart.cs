using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>
/// Changes the server-side cart of a register: a scan adds one unit (or increments the line), the −/+ buttons
/// change a line, × removes it. Each change locks the cart row, so quick scans never lose an increment.
/// Only the cashier of the open shift (or a manager) may change the cart.
/// </summary>
public sealed class EditCart(AppDbContext db, TillAccess till, TimeProvider clock, Microsoft.Extensions.Options.IOptions<PosOptions> options)
{
    /// <summary>What a scan did.</summary>
    /// <param name="Found">False when no product has this barcode or SKU (the cart is unchanged).</param>
    /// <param name="Code">The scanned text, trimmed.</param>
    /// <param name="ProductId">The product added (when found).</param>
    public sealed record ScanResult(bool Found, string Code, int? ProductId);

    /// <summary>Adds one unit of the product with this barcode (or SKU).</summary>
    /// <exception cref="BusinessRuleException">No open shift of this user, or the product cannot be sold (inactive, no price).</exception>
    public async Task<ScanResult> ScanAsync(int registerId, string? code, CancellationToken ct)
    {
        code = (code ?? "").Trim();
        if (code.Length == 0) return new ScanResult(false, code, null);
        var productId = await db.Barcodes.Where(b => b.Code == code).Select(b => (int?)b.ProductId).FirstOrDefaultAsync(ct)
            ?? await db.Products.Where(p => p.Sku.ToLower() == code.ToLower()).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (productId is null)
        {
            await till.RequireRegisterAsync(registerId, ct);
            return new ScanResult(false, code, null);
        }
        await ChangeAsync(registerId, productId.Value, +1, ct);
        return new ScanResult(true, code, productId);
    }

    /// <summary>
    /// Changes the quantity of a product in the cart by <paramref name="delta"/> units; a line that reaches 0 is removed.
    /// </summary>
    /// <exception cref="BusinessRuleException">No open shift of this user, or the product cannot be sold.</exception>
    public async Task ChangeAsync(int registerId, int productId, int delta, CancellationToken ct)
    {
        if (delta > 0)
        {
            var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct)
                ?? throw new BusinessRuleException("Товар не найден в каталоге.");
            product.EnsureSellable();
        }
        await MutateAsync(registerId, cart =>
        {
            var line = cart.Lines.FirstOrDefault(l => l.ProductId == productId);
            if (line is null)
            {
                if (delta > 0) cart.Lines.Add(new PosCartLine { ProductId = productId, Quantity = delta });
            }
            else if (line.Quantity + delta <= 0) cart.Lines.Remove(line);
            else line.Quantity += delta;
        }, ct);
    }

    /// <summary>Removes a product's line from the cart.</summary>
    /// <exception cref="BusinessRuleException">No open shift of this user.</exception>
    public Task RemoveAsync(int registerId, int productId, CancellationToken ct) =>
        MutateAsync(registerId, cart => cart.Lines.RemoveAll(l => l.ProductId == productId), ct);

    /// <summary>Adds a gift certificate of <paramref name="nominal"/> ₽ to the receipt (or removes one with a negative <paramref name="delta"/>).</summary>
    /// <exception cref="BusinessRuleException">The nominal is not one the shop sells; no open shift of this user.</exception>
    public Task ChangeCertificateAsync(int registerId, decimal nominal, int delta, CancellationToken ct)
    {
        if (delta > 0 && !options.Value.Nominals.Contains(nominal))
            throw new BusinessRuleException($"Сертификаты продаются номиналом {string.Join(" / ", options.Value.Nominals.Select(Money.Format))}. Выберите один из них.");
        return MutateAsync(registerId, cart =>
        {
            var line = cart.Certificates.FirstOrDefault(c => c.Nominal == nominal);
            if (line is null)
            {
                if (delta > 0) cart.Certificates.Add(new PosCartCertificate { Nominal = nominal, Quantity = delta });
            }
            else if (line.Quantity + delta <= 0) cart.Certificates.Remove(line);
            else line.Quantity += delta;
        }, ct);
    }

    /// <summary>Empties the cart (the customer changed their mind): goods, certificates, customer and manual discount.</summary>
    /// <exception cref="BusinessRuleException">No open shift of this user.</exception>
    public Task ClearAsync(int registerId, CancellationToken ct) => MutateAsync(registerId, c => c.Empty(), ct);

    /// <summary>
    /// Changes the register's cart in its own transaction under the cart's row lock (bumping its version).
    /// </summary>
    /// <exception cref="BusinessRuleException">The register is not the user's, or no open shift of this user.</exception>
    public async Task MutateAsync(int registerId, Action<PosCart> change, CancellationToken ct)
    {
        await till.RequireRegisterAsync(registerId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await till.RequireOpenShiftAsync(registerId, lockForShare: false, ct);
        var cart = await CartLock.LockAsync(db, registerId, clock.GetUtcNow().UtcDateTime, ct);
        change(cart);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
