using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Pos.Parking;

/// <summary>
/// "Отложить чек" (F9): puts the register's receipt aside (goods, certificates, customer, manual discount) and
/// empties the cart for the next customer. The receipt stays at this register until it is recalled or the shift closes.
/// </summary>
public sealed class ParkCart(AppDbContext db, TillAccess till, EditCart cart, GetTill getTill, TimeProvider clock)
{
    /// <summary>How many names the list shows before "+N".</summary>
    private const int NamesShown = 2;

    /// <summary>Parks the receipt of <paramref name="registerId"/>.</summary>
    /// <exception cref="BusinessRuleException">The receipt is empty; the register is not the user's; no open shift of this user.</exception>
    public async Task HandleAsync(int registerId, CancellationToken ct)
    {
        var (_, location) = await till.RequireRegisterAsync(registerId, ct);
        var shift = await till.RequireOpenShiftAsync(registerId, lockForShare: false, ct);
        // Priced before the lock only for the list's figures; the recalled receipt is priced again.
        var view = await getTill.CartAsync(registerId, location, ct);
        await cart.MutateAsync(registerId, c =>
        {
            if (c.Lines.Count == 0 && c.Certificates.Count == 0)
                throw new BusinessRuleException("Чек пуст — откладывать нечего. Отсканируйте товар.");
            db.ParkedCarts.Add(new ParkedCart
            {
                RegisterId = registerId, ShiftId = shift.Id, ParkedAtUtc = clock.GetUtcNow().UtcDateTime, ParkedBy = till.UserDisplayName,
                Summary = Summary(view), Units = view.Units, Total = view.Total,
                CustomerId = c.CustomerId, ManualDiscount = c.ManualDiscount,
                Content = new ParkedContent(
                    c.Lines.Select(l => new ParkedContent.Line(l.ProductId, l.Quantity)).ToList(),
                    c.Certificates.Select(x => new ParkedContent.Certificate(x.Nominal, x.Quantity)).ToList()),
            });
            c.Empty();
        }, ct);
    }

    /// <summary>"Chanel Coco, Dior Sauvage +2 · Иванова Анна": what the cashier recognises the receipt by.</summary>
    public static string Summary(GetTill.CartView view)
    {
        var names = view.Lines.Select(l => l.Name).ToList();
        var text = string.Join(", ", names.Take(NamesShown)) + (names.Count > NamesShown ? $" +{names.Count - NamesShown}" : "");
        if (view.Customer is { } customer) text += " · " + customer.Name;
        return text.Length <= 300 ? text : text[..299] + "…";
    }
}
