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
        // (name, id): the order of every product list, so keyset pages ("after this name and id") are index range scans.
        b.HasIndex(x => new { x.Name, x.Id });
        b.Property(x => x.SearchText).HasComputedColumnSql(ProductSearch.SearchTextSql, stored: true);
        b.HasIndex(x => x.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        // (brand|category, name, id): a list filtered by brand or category reads its rows in name order straight from
        // the index; with (name, id) alone it walks every name before the brand's own (names start with the brand).
        b.HasIndex(x => new { x.Brand, x.Name, x.Id });
        b.HasIndex(x => new { x.Category, x.Name, x.Id });
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
