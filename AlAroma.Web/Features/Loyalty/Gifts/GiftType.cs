using AlAroma.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Loyalty.Gifts;

/// <summary>What a gift gives.</summary>
public enum GiftKind
{
    /// <summary>Points on the customer's account, credited when the gift is issued.</summary>
    [Infrastructure.Auditing.AuditName("Баллы")] Points = 1,

    /// <summary>A product from the shop's stock (a sample, a miniature): it leaves stock as a write-off «Подарок» when handed over.</summary>
    [Infrastructure.Auditing.AuditName("Товар")] Product = 2,

    /// <summary>A one-time discount on a purchase, percent; the cashier writes it off when the customer uses it.</summary>
    [Infrastructure.Auditing.AuditName("Скидка")] Discount = 3,
}

/// <summary>
/// A type in the gifts catalogue («Подарки»): what it gives, for how many days an issued gift stays open, and whether
/// staff may give it from the staff bot. Issued gifts keep a copy of what they give, so editing a type changes only
/// gifts issued after.
/// </summary>
[Infrastructure.Auditing.AuditName("Тип подарка", Link = "/loyalty/gifts")]
public class GiftType
{
    public int Id { get; set; }
    [Infrastructure.Auditing.AuditName("Название")]
    public string Name { get; set; } = "";
    [Infrastructure.Auditing.AuditName("Вид")]
    public GiftKind Kind { get; set; }

    /// <summary>Points given (<see cref="GiftKind.Points"/>).</summary>
    [Infrastructure.Auditing.AuditName("Баллов")]
    public int? Points { get; set; }

    /// <summary>The product handed over (<see cref="GiftKind.Product"/>).</summary>
    [Infrastructure.Auditing.AuditName("Товар")]
    public int? ProductId { get; set; }
    public Product? Product { get; set; }

    /// <summary>Discount, percent 1–50 (<see cref="GiftKind.Discount"/>).</summary>
    [Infrastructure.Auditing.AuditName("Скидка, %")]
    public int? DiscountPercent { get; set; }

    /// <summary>Days an issued gift stays open (points: how long they live), 1–365.</summary>
    [Infrastructure.Auditing.AuditName("Действует дней")]
    public int ValidDays { get; set; } = 30;

    /// <summary>Staff may give it to a customer from the staff bot (within their limits).</summary>
    [Infrastructure.Auditing.AuditName("Дарят сотрудники")]
    public bool StaffMayGive { get; set; }
    [Infrastructure.Auditing.AuditName("Активен")]
    public bool IsActive { get; set; } = true;

    /// <summary>Russian label of a kind.</summary>
    public static string KindLabel(GiftKind k) => k switch
    {
        GiftKind.Points => "Баллы",
        GiftKind.Product => "Товар",
        _ => "Скидка",
    };

    /// <summary>What it gives, for lists and messages: "300 баллов", "Dior Sauvage 2 мл", "скидка 10 %".</summary>
    public string What => Describe(Kind, Points, Product?.Name, DiscountPercent);

    /// <summary>What a gift of this shape gives, in words.</summary>
    public static string Describe(GiftKind kind, int? points, string? product, int? percent) => kind switch
    {
        GiftKind.Points => $"{points} {Infrastructure.Plural.Of(points ?? 0, "балл", "балла", "баллов")}",
        GiftKind.Product => product ?? "товар",
        _ => $"скидка {percent} % на покупку",
    };

    /// <summary>The form's mistakes (field, Russian message); empty when it can be saved.</summary>
    public IReadOnlyList<(string Field, string Message)> Mistakes()
    {
        var list = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100) list.Add((nameof(Name), "Название — от 1 до 100 символов."));
        if (!Enum.IsDefined(Kind)) list.Add((nameof(Kind), "Выберите, что дарится: баллы, товар или скидка."));
        if (Kind == GiftKind.Points && Points is not (> 0 and <= 100_000)) list.Add((nameof(Points), "Баллов — от 1 до 100 000."));
        if (Kind == GiftKind.Product && ProductId is null) list.Add((nameof(ProductId), "Выберите товар, который дарится (пробник, миниатюра)."));
        if (Kind == GiftKind.Discount && DiscountPercent is not (>= 1 and <= 50)) list.Add((nameof(DiscountPercent), "Скидка — от 1 до 50 %."));
        if (ValidDays is < 1 or > 365) list.Add((nameof(ValidDays), "Срок действия — от 1 до 365 дней."));
        return list;
    }
}

internal sealed class GiftTypeConfiguration : IEntityTypeConfiguration<GiftType>
{
    public void Configure(EntityTypeBuilder<GiftType> b)
    {
        b.ToTable("gift_types");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne(x => x.Product).WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Name).IsUnique();
    }
}
