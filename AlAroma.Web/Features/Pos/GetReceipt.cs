using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>A receipt (чек) for the screen and the 80 mm printer.</summary>
public sealed class GetReceipt(AppDbContext db, LocationScope scope)
{
    /// <summary>The sale with its lines and payments, the shop and the register name.</summary>
    public sealed record Model(Sale Sale, Location Shop, string Register);

    /// <summary>The receipt, or null when it does not exist or is of a shop the user does not see.</summary>
    public async Task<Model?> HandleAsync(long saleId, CancellationToken ct)
    {
        var sale = await db.Sales.AsNoTracking().Include(s => s.Lines.OrderBy(l => l.Id)).Include(s => s.Payments.OrderBy(p => p.Method))
            .FirstOrDefaultAsync(s => s.Id == saleId, ct);
        if (sale is null) return null;
        var shop = (await scope.AllowedAsync(ct)).FirstOrDefault(l => l.Id == sale.LocationId);
        if (shop is null) return null;
        var register = await db.Registers.Where(r => r.Id == sale.RegisterId).Select(r => r.Name).FirstAsync(ct);
        return new Model(sale, shop, register);
    }
}
