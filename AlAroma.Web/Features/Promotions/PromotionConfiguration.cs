using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Promotions;

/// <summary>
/// Table <c>promotions</c>. The product group and the combo slots are jsonb columns rather than child tables:
/// they are a value of the promotion (always read, written and audited with it, replaced as a whole on edit),
/// nothing queries "promotions of brand X" in SQL (the engine matches products in memory), and child tables would
/// take four tables (groups, brand, category and product lists, slots) and a delete-and-reinsert on every save.
/// Locations are an integer[] so <see cref="GetActivePromotions"/> filters them in SQL.
/// </summary>
internal sealed class PromotionConfiguration : IEntityTypeConfiguration<PromotionRecord>
{
    /// <summary>How the promotion's JSON columns are written (public: the compiled EF model refers to it).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<PromotionRecord> b)
    {
        b.ToTable("promotions", t =>
        {
            t.HasCheckConstraint("ck_promotions_dates", "valid_to IS NULL OR valid_to >= valid_from");
            t.HasCheckConstraint("ck_promotions_value", "value IS NULL OR value > 0");
        });
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
        Jsonb(b.Property(x => x.Group)).HasColumnName("product_group"); // "group" is an SQL keyword
        Jsonb(b.Property(x => x.Slots));
        b.HasIndex(x => new { x.Status, x.ValidFrom, x.ValidTo });
    }

    /// <summary>Stores the value as jsonb; compared and snapshotted by its JSON so in-place list edits are noticed.</summary>
    private static PropertyBuilder<T> Jsonb<T>(PropertyBuilder<T> p) where T : class, new() =>
        p.HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<T>(s, Json) ?? new T(),
                new ValueComparer<T>(
                    (a, c) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(c, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(),
                    v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json), Json)!))
            .HasColumnType("jsonb");
}
