using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Loyalty.Gifts;

/// <summary>Adds a gift type to the catalogue or changes one (gifts already issued keep what they give). Audited.</summary>
public sealed class SaveGiftType(AppDbContext db)
{
    /// <returns>The form's mistakes (field, Russian message); empty when saved.</returns>
    public async Task<IReadOnlyList<(string Field, string Message)>> HandleAsync(GiftType form, CancellationToken ct)
    {
        form.Name = form.Name?.Trim() ?? "";
        // Only what the kind uses is kept: a product type switched to points forgets its product.
        if (form.Kind != GiftKind.Points) form.Points = null;
        if (form.Kind != GiftKind.Product) form.ProductId = null;
        if (form.Kind != GiftKind.Discount) form.DiscountPercent = null;
        var mistakes = form.Mistakes().ToList();
        if (form.ProductId is { } pid && !await db.Products.AnyAsync(p => p.Id == pid, ct)) mistakes.Add((nameof(form.ProductId), "Такого товара нет в каталоге."));
        if (await db.GiftTypes.AnyAsync(t => t.Name == form.Name && t.Id != form.Id, ct)) mistakes.Add((nameof(form.Name), "Подарок с таким названием уже есть: назовите иначе."));
        if (mistakes.Count > 0) return mistakes;
        if (form.Id == 0) db.GiftTypes.Add(form);
        else
        {
            var t = await db.GiftTypes.FirstOrDefaultAsync(x => x.Id == form.Id, ct);
            if (t is null) return [(nameof(form.Name), "Подарок не найден: обновите страницу.")];
            (t.Name, t.Kind, t.Points, t.ProductId, t.DiscountPercent, t.ValidDays, t.StaffMayGive, t.IsActive) =
                (form.Name, form.Kind, form.Points, form.ProductId, form.DiscountPercent, form.ValidDays, form.StaffMayGive, form.IsActive);
        }
        await db.SaveChangesAsync(ct);
        return [];
    }
}
