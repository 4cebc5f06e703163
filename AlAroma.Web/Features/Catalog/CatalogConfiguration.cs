using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Catalog;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.Property(x => x.Sku).HasMaxLength(64);
        b.HasIndex(x => x.Sku).IsUnique();
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Brand).HasMaxLength(200);
        b.Property(x => x.Category).HasMaxLength(200);
        b.Property(x => x.Concentration).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Gender).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RetailPrice).HasField("<RetailPrice>k__BackingField");
        b.HasIndex(x => x.Name);
        b.HasIndex(x => x.Brand);
        b.Ignore(x => x.MainBarcode);
        b.HasMany(x => x.Barcodes).WithOne().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.PriceChanges).WithOne().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("ck_products_price", "retail_price >= 0"));
    }
}

internal sealed class BarcodeConfiguration : IEntityTypeConfiguration<Barcode>
{
    public void Configure(EntityTypeBuilder<Barcode> b)
    {
        b.Property(x => x.Code).HasMaxLength(14);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class CatalogImportConfiguration : IEntityTypeConfiguration<CatalogImport>
{
    public void Configure(EntityTypeBuilder<CatalogImport> b)
    {
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.Format).HasMaxLength(10);
        b.Property(x => x.DetectedEncoding).HasMaxLength(20);
        b.Property(x => x.DetectedDelimiter).HasMaxLength(20);
        b.Property(x => x.MappingJson).HasColumnType("jsonb");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => x.CreatedAtUtc);
    }
}
