using System.Linq.Expressions;
using AlAroma.Web.Features.Promotions.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Pos;

/// <summary>
/// A manual receipt discount (F6) as kept on the open cart and on a parked one: a value object, stored in the
/// owner's own four columns (see <see cref="CartManualDiscountMapping"/>).
/// </summary>
/// <param name="Kind">Percent or ₽.</param>
/// <param name="Value">Percent (0..100] or ₽.</param>
/// <param name="Role">The role whose limit the discount was checked against (Admin, Manager, Seller; ManualDiscountPolicy).</param>
/// <param name="By">Who gave it (name for the receipt and the audit).</param>
public sealed record CartManualDiscount(ManualDiscountKind Kind, decimal Value, string Role, string By);

/// <summary>Maps a <see cref="CartManualDiscount"/> property to the columns manual_discount_kind/_value/_role/_by.</summary>
internal static class CartManualDiscountMapping
{
    /// <summary>
    /// An optional complex property on <typeparamref name="T"/>: all four columns null means no discount. The column
    /// names are those the cart and the parked cart had before the value object, so the tables stay as they are.
    /// </summary>
    public static void HasManualDiscount<T>(this EntityTypeBuilder<T> b, Expression<Func<T, CartManualDiscount?>> property) where T : class
    {
        var c = b.ComplexProperty(property);
        c.Property(x => x.Kind).HasColumnName("manual_discount_kind").HasConversion<string>().HasMaxLength(20);
        c.Property(x => x.Value).HasColumnName("manual_discount_value").HasPrecision(14, 2);
        c.Property(x => x.Role).HasColumnName("manual_discount_role").HasMaxLength(40);
        c.Property(x => x.By).HasColumnName("manual_discount_by").HasMaxLength(200);
    }
}
