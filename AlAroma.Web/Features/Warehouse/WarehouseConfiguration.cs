using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Features.Warehouse.Suppliers;
using AlAroma.Web.Features.Warehouse.TransferRequests;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.WriteOffs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Warehouse;

internal sealed class StockBalanceConfiguration : IEntityTypeConfiguration<StockBalance>
{
    public void Configure(EntityTypeBuilder<StockBalance> b)
    {
        b.HasKey(x => new { x.LocationId, x.ProductId });
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ProductId);
        // The last line of defence: whatever code runs, PostgreSQL refuses a negative balance.
        b.ToTable(t => t.HasCheckConstraint("ck_stock_balances_quantity", "quantity >= 0"));
    }
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.DocumentNumber).HasMaxLength(40);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.LocationId, x.ProductId, x.Id });
        // Keyset paging of "Движение товаров" at one location: WHERE location_id = @l AND id < @before ORDER BY id DESC.
        b.HasIndex(x => new { x.LocationId, x.Id });
        b.HasIndex(x => x.OccurredAtUtc);
    }
}

internal sealed class GoodsReceiptConfiguration : IEntityTypeConfiguration<GoodsReceipt>
{
    public void Configure(EntityTypeBuilder<GoodsReceipt> b)
    {
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.GoodsReceiptId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Supplier>().WithMany().HasForeignKey(x => x.SupplierId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Total);
    }
}

internal sealed class GoodsReceiptLineConfiguration : IEntityTypeConfiguration<GoodsReceiptLine>
{
    public void Configure(EntityTypeBuilder<GoodsReceiptLine> b)
    {
        b.HasOne(x => x.Product).WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("ck_goods_receipt_lines_quantity", "quantity > 0"));
    }
}

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> b)
    {
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.FromLocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.ToLocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.TransferId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Status);
        b.Ignore(x => x.HasDiscrepancy);
        b.Ignore(x => x.DiscrepancyOpen);
        b.Property(x => x.Resolution).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ResolutionComment).HasMaxLength(500);
        b.HasOne<TransferRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TransferLineConfiguration : IEntityTypeConfiguration<TransferLine>
{
    public void Configure(EntityTypeBuilder<TransferLine> b)
    {
        b.HasOne(x => x.Product).WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("ck_transfer_lines_quantity", "quantity > 0"));
        b.Ignore(x => x.Discrepancy);
    }
}

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Inn).HasMaxLength(12);
        b.Property(x => x.ContactPerson).HasMaxLength(200);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.HasIndex(x => x.Inn).IsUnique().HasFilter("inn IS NOT NULL");
        b.HasIndex(x => x.Name);
    }
}

internal sealed class WriteOffConfiguration : IEntityTypeConfiguration<WriteOff>
{
    public void Configure(EntityTypeBuilder<WriteOff> b)
    {
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Reason).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.Property(x => x.RejectionReason).HasMaxLength(500);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.WriteOffId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Status);
        b.Ignore(x => x.Total);
    }
}

internal sealed class WriteOffLineConfiguration : IEntityTypeConfiguration<WriteOffLine>
{
    public void Configure(EntityTypeBuilder<WriteOffLine> b)
    {
        b.HasOne(x => x.Product).WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("ck_write_off_lines_quantity", "quantity > 0"));
    }
}

internal sealed class TransferRequestConfiguration : IEntityTypeConfiguration<TransferRequest>
{
    public void Configure(EntityTypeBuilder<TransferRequest> b)
    {
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.Property(x => x.RejectionReason).HasMaxLength(500);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.RequestingLocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.SupplyingLocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Transfer>().WithMany().HasForeignKey(x => x.TransferId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.TransferRequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Status);
    }
}

internal sealed class TransferRequestLineConfiguration : IEntityTypeConfiguration<TransferRequestLine>
{
    public void Configure(EntityTypeBuilder<TransferRequestLine> b)
    {
        b.HasOne(x => x.Product).WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("ck_transfer_request_lines_quantity", "quantity > 0"));
    }
}
