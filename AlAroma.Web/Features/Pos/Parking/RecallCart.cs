using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos.Parking;

/// <summary>Brings a parked receipt back into the register's cart (which must be empty) and removes it from the list.</summary>
public sealed class RecallCart(AppDbContext db, TillAccess till, EditCart cart)
{
    /// <summary>Recalls parked receipt <paramref name="parkedId"/> at <paramref name="registerId"/>.</summary>
    /// <exception cref="BusinessRuleException">
    /// Not parked at this register (recalled already, or the shift was closed); another receipt is open at the till;
    /// the register is not the user's; no open shift of this user.
    /// </exception>
    public async Task HandleAsync(int registerId, long parkedId, CancellationToken ct)
    {
        await till.RequireRegisterAsync(registerId, ct);
        var parked = await db.ParkedCarts.FirstOrDefaultAsync(p => p.Id == parkedId && p.RegisterId == registerId, ct)
            ?? throw new BusinessRuleException("Отложенного чека нет: его уже вернули в работу или смена была закрыта.");
        // Under the cart's lock: two recalls at once see each other's result and the second is refused.
        await cart.MutateAsync(registerId, c =>
        {
            if (c.Lines.Count > 0 || c.Certificates.Count > 0)
                throw new BusinessRuleException("На кассе открыт другой чек. Пробейте его или тоже отложите (F9), затем верните отложенный.");
            var content = parked.Content;
            c.Lines.AddRange(content.Lines.Select(l => new PosCartLine { ProductId = l.ProductId, Quantity = l.Quantity }));
            c.Certificates.AddRange(content.Certificates.Select(x => new PosCartCertificate { Nominal = x.Nominal, Quantity = x.Quantity }));
            c.SetCustomer(parked.CustomerId);
            c.ManualDiscount = parked.ManualDiscount;
            db.ParkedCarts.Remove(parked);
        }, ct);
    }
}
