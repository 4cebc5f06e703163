using AlAroma.Web.Data;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>The return screen (Возврат): find a receipt of the till's shop by its number and show what can go back.</summary>
public sealed class FindSaleForReturn(AppDbContext db, TillAccess till)
{
    /// <summary>The screen: the till, what was typed, the receipt found (or why not) and its earlier returns.</summary>
    public sealed record Model(Register Register, Location Shop, string? Number, Sale? Sale, string? Error, IReadOnlyList<SaleReturn> Returns, Guid Key);

    /// <summary>The screen, or null when the register is not the user's.</summary>
    /// <param name="number">"S1-000123" or just "123" (the shop's code is added).</param>
    public async Task<Model?> HandleAsync(int registerId, string? number, CancellationToken ct)
    {
        if (await till.FindRegisterAsync(registerId, ct) is not { } found) return null;
        var (register, shop) = found;
        var typed = number?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(typed)) return new Model(register, shop, null, null, null, [], Guid.NewGuid());
        var full = long.TryParse(typed, out var n) ? $"{shop.Code}-{n:D6}" : typed;
        var sale = await db.Sales.AsNoTracking().Include(s => s.Lines.OrderBy(l => l.Id)).Include(s => s.Payments.OrderBy(p => p.Method))
            .FirstOrDefaultAsync(s => s.Number == full, ct);
        if (sale is null) return new Model(register, shop, typed, null, $"Чек {full} не найден. Проверьте номер на чеке покупателя.", [], Guid.NewGuid());
        if (sale.LocationId != shop.Id)
            return new Model(register, shop, typed, null, $"Чек {full} пробит в другом магазине: возврат оформляется в магазине покупки.", [], Guid.NewGuid());
        var returns = await db.SaleReturns.AsNoTracking().Include(r => r.Lines).Include(r => r.Payments).Where(r => r.SaleId == sale.Id).OrderBy(r => r.Id).ToListAsync(ct);
        return new Model(register, shop, typed, sale, null, returns, Guid.NewGuid());
    }
}
