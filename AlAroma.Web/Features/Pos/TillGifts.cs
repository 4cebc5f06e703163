using AlAroma.Web.Data;
using AlAroma.Web.Features.Loyalty.Gifts;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>
/// The open gifts of the receipt's customer at the till: «Выдать» hands a product gift over at the register's shop
/// (<see cref="RedeemGift"/>: a write-off «Подарок»), «Применить» puts a one-time discount gift on the receipt (used
/// when the sale is written, <see cref="Checkout"/>), «Убрать» takes it off again. Only gifts of the customer on the
/// receipt, only by the cashier of the open shift.
/// </summary>
public sealed class TillGifts(AppDbContext db, TillAccess till, EditCart cart, RedeemGift redeem, TimeProvider clock)
{
    /// <summary>Hands the product gift <paramref name="giftId"/> over at this register's shop.</summary>
    /// <returns>What the till says: "Выдан подарок: Dior Sauvage 2 мл. Списание СП-2026-000012."</returns>
    /// <exception cref="BusinessRuleException">Not the receipt customer's gift, not a product gift, used or expired, not in stock, no open shift.</exception>
    public async Task<string> HandOverAsync(int registerId, long giftId, CancellationToken ct)
    {
        var (_, shop) = await till.RequireRegisterAsync(registerId, ct);
        await till.RequireOpenShiftAsync(registerId, lockForShare: false, ct);
        var gift = await ReceiptCustomersGiftAsync(registerId, giftId, ct);
        if (gift.Kind != GiftKind.Product)
            throw new BusinessRuleException($"«{gift.Name}» — скидка: нажмите «Применить», и она войдёт в чек.");
        var done = await redeem.HandleAsync(giftId, shop.Id, till.UserDisplayName, ct);
        return $"Выдан подарок: {done.What}." + (done.WriteOffNumber is { } n ? $" Списание {n}." : "");
    }

    /// <summary>Puts the discount gift <paramref name="giftId"/> on the receipt (replacing another one).</summary>
    /// <exception cref="BusinessRuleException">Not the receipt customer's gift, not a discount, used or expired, no open shift.</exception>
    public async Task ApplyAsync(int registerId, long giftId, CancellationToken ct)
    {
        var gift = await ReceiptCustomersGiftAsync(registerId, giftId, ct);
        if (CustomerGift.RefusalAtTill(gift, gift.CustomerId, clock.GetUtcNow().UtcDateTime) is { } why) throw new BusinessRuleException(why);
        await cart.MutateAsync(registerId, c =>
        {
            // Checked again under the cart's lock: the customer may have been changed meanwhile at this till.
            if (c.CustomerId != gift.CustomerId) throw new BusinessRuleException("Клиент чека сменился. Примените подарок нового клиента.");
            c.GiftId = gift.Id;
        }, ct);
    }

    /// <summary>Takes the discount gift off the receipt (it stays open).</summary>
    /// <exception cref="BusinessRuleException">No open shift of this user.</exception>
    public Task RemoveAsync(int registerId, CancellationToken ct) => cart.MutateAsync(registerId, c => c.GiftId = null, ct);

    /// <exception cref="BusinessRuleException">No customer on the receipt, or the gift is not theirs.</exception>
    private async Task<CustomerGift> ReceiptCustomersGiftAsync(int registerId, long giftId, CancellationToken ct)
    {
        var customerId = await db.PosCarts.Where(c => c.RegisterId == registerId).Select(c => c.CustomerId).FirstOrDefaultAsync(ct)
            ?? throw new BusinessRuleException("Сначала найдите клиента: подарки выдаются клиенту чека.");
        return await db.CustomerGifts.AsNoTracking().FirstOrDefaultAsync(g => g.Id == giftId && g.CustomerId == customerId, ct)
            ?? throw new BusinessRuleException("Это не подарок клиента чека. Обновите кассу.");
    }
}
