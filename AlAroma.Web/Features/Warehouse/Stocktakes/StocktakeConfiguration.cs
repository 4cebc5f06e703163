using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

internal sealed class StocktakeConfiguration : IEntityTypeConfiguration<Stocktake>
{
    /// <summary>Partial unique index: at most one open (counting or in review) stocktake per location.</summary>
    public const string OpenPerLocationIndex = "ux_stocktakes_open_per_location";

    public void Configure(EntityTypeBuilder<Stocktake> b)
    {
        b.ToTable("stocktakes");
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Scope).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.PostedBy).HasMaxLength(256);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.StocktakeId).OnDelete(DeleteBehavior.Cascade);
        // Two overlapping open stocktakes at one location would post the same difference twice.
        b.HasIndex(x => x.LocationId).IsUnique().HasFilter("status IN ('Counting', 'Review')").HasDatabaseName(OpenPerLocationIndex);
        b.HasIndex(x => x.Status);
    }
}

internal sealed class StocktakeLineConfiguration : IEntityTypeConfiguration<StocktakeLine>
{
    public void Configure(EntityTypeBuilder<StocktakeLine> b)
    {
        b.ToTable("stocktake_lines");
        b.HasOne(x => x.Product).WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        // The first count of a product creates its line exactly once, however many counters scan it at once.
        b.HasIndex(x => new { x.StocktakeId, x.ProductId }).IsUnique();
    }
}

internal sealed class StocktakeEntryConfiguration : IEntityTypeConfiguration<StocktakeEntry>
{
    public void Configure(EntityTypeBuilder<StocktakeEntry> b)
    {
        b.ToTable("stocktake_entries");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CountedBy).HasMaxLength(256);
        b.HasOne<Stocktake>().WithMany().HasForeignKey(x => x.StocktakeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.StocktakeId, x.ProductId });
    }
}
