using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Promotions.Engine;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>
/// "Скидка" (F6): a manual discount on the whole receipt, percent or ₽, after promotions. Seller up to
/// Pos:SellerDiscountLimitPercent, Manager/Admin any, Cashier none (<see cref="ManualDiscountPolicy"/>). Checked
/// against the cart now and again at checkout; who gave it is kept on the cart and written on the sale (and in
/// the audit log when the sale is written).
/// </summary>
public sealed class GiveManualDiscount(AppDbContext db, TillAccess till, EditCart cart, PriceCart price, IHttpContextAccessor http)
{
    /// <summary>The most permissive till role of the user (the one whose limit applies).</summary>
    public string ActorRole()
    {
        var user = http.HttpContext?.User;
        foreach (var role in new[] { Roles.Admin, Roles.Manager, Roles.Seller, Roles.Cashier })
            if (user?.IsInRole(role) == true) return role;
        return "";
    }

    /// <summary>Sets (or with a null <paramref name="value"/> removes) the manual discount of the register's receipt.</summary>
    /// <exception cref="BusinessRuleException">Refused for the role or over the limit, more than the receipt, bad value; no open shift.</exception>
    public async Task HandleAsync(int registerId, ManualDiscountKind kind, decimal? value, CancellationToken ct)
    {
        var (_, location) = await till.RequireRegisterAsync(registerId, ct);
        if (value is null)
        {
            await cart.MutateAsync(registerId, c => c.ManualDiscount = null, ct);
            return;
        }
        var manual = new CartManualDiscount(kind, value.Value, ActorRole(), till.UserDisplayName);
        var current = await db.PosCarts.AsNoTracking()
            .Where(c => c.RegisterId == registerId).Select(c => new { c.Lines, c.Certificates, c.CustomerId }).FirstOrDefaultAsync(ct);
        if (current is null || current.Lines.Count == 0)
            throw new BusinessRuleException("Чек пуст: сначала добавьте товар, потом давайте скидку.");
        // The engine applies ManualDiscountPolicy and refuses with a message that says what to do.
        await price.HandleAsync(location, new CartContent(
            current.Lines.Select(l => new CheckoutLine(l.ProductId, l.Quantity)).ToList(),
            current.Certificates.Select(c => new CertificateSaleLine(c.Nominal, c.Quantity)).ToList(), current.CustomerId, manual), dropRefusedManual: false, ct);
        await cart.MutateAsync(registerId, c => c.ManualDiscount = manual, ct);
    }
}
