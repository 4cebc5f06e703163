using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>A receipt (чек) for the screen and the 80 mm printer.</summary>
public sealed class GetReceipt(AppDbContext db, LocationScope scope)
{
    /// <summary>The sale with its lines and payments, the shop, the register name and the customer (name, points balance now, e-mail).</summary>
    public sealed record Model(Sale Sale, Location Shop, string Register, string? Customer = null, int? PointsBalance = null, string? CustomerEmail = null)
    {
        /// <summary>Returns by this receipt, oldest first.</summary>
        public IReadOnlyList<SaleReturn> Returns { get; init; } = [];
    }

    /// <summary>The receipt, or null when it does not exist or is of a shop the user does not see.</summary>
    public async Task<Model?> HandleAsync(long saleId, CancellationToken ct)
    {
        var sale = await db.Sales.AsNoTracking().Include(s => s.Lines.OrderBy(l => l.Id)).ThenInclude(l => l.Discounts).Include(s => s.Payments.OrderBy(p => p.Method))
            .FirstOrDefaultAsync(s => s.Id == saleId, ct);
        if (sale is null) return null;
        var shop = (await scope.AllowedAsync(ct)).FirstOrDefault(l => l.Id == sale.LocationId);
        if (shop is null) return null;
        var register = await db.Registers.Where(r => r.Id == sale.RegisterId).Select(r => r.Name).FirstAsync(ct);
        var customer = sale.CustomerId is { } id
            ? await db.Customers.Where(c => c.Id == id).Select(c => new { c.Name, c.PointsBalance, c.Email }).FirstOrDefaultAsync(ct)
            : null;
        var returns = await db.SaleReturns.AsNoTracking().Include(r => r.Lines).Include(r => r.Payments).Where(r => r.SaleId == sale.Id).OrderBy(r => r.Id).ToListAsync(ct);
        return new Model(sale, shop, register, customer?.Name, customer?.PointsBalance, customer?.Email) { Returns = returns };
    }
}
