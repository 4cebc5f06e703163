using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Pos;

internal sealed class RegisterConfiguration : IEntityTypeConfiguration<Register>
{
    public void Configure(EntityTypeBuilder<Register> b)
    {
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Name).HasMaxLength(100);
    }
}

internal sealed class ShiftConfiguration : IEntityTypeConfiguration<Shift>
{
    public void Configure(EntityTypeBuilder<Shift> b)
    {
        b.HasOne(x => x.Register).WithMany().HasForeignKey(x => x.RegisterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        // At most one open shift per register, enforced by PostgreSQL even when two cashiers click at once.
        b.HasIndex(x => x.RegisterId).IsUnique().HasFilter("closed_at_utc IS NULL").HasDatabaseName("ux_shifts_open_per_register");
        b.Property(x => x.DiscrepancyConfirmedBy).HasMaxLength(200);
        b.Ignore(x => x.IsOpen);
        b.Ignore(x => x.Discrepancy);
    }
}

internal sealed class SaleConfiguration : IEntityTypeConfiguration<Sale>
{
    public void Configure(EntityTypeBuilder<Sale> b)
    {
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.IdempotencyKey).IsUnique().HasDatabaseName("ux_sales_idempotency_key");
        b.HasIndex(x => new { x.LocationId, x.CreatedAtUtc });
        b.HasIndex(x => x.ShiftId);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Shift>().WithMany().HasForeignKey(x => x.ShiftId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Register>().WithMany().HasForeignKey(x => x.RegisterId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.SaleId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Payments).WithOne().HasForeignKey(x => x.SaleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CustomerId, x.CreatedAtUtc });
        b.Property(x => x.ManualDiscountBy).HasMaxLength(200);
    }
}

internal sealed class SaleLineConfiguration : IEntityTypeConfiguration<SaleLine>
{
    public void Configure(EntityTypeBuilder<SaleLine> b)
    {
        b.Property(x => x.UnitTotals).HasColumnType("numeric(14,2)[]");
        b.Property(x => x.CertificateCode).HasMaxLength(13);
        // The last word against returning a unit twice, whatever the code above does.
        b.ToTable(t => t.HasCheckConstraint("ck_sale_lines_returned_quantity", "returned_quantity >= 0 AND returned_quantity <= quantity"));
        b.HasMany(x => x.Discounts).WithOne().HasForeignKey(x => x.SaleLineId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SaleLineDiscountConfiguration : IEntityTypeConfiguration<SaleLineDiscount>
{
    public void Configure(EntityTypeBuilder<SaleLineDiscount> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class SalePaymentConfiguration : IEntityTypeConfiguration<SalePayment>
{
    public void Configure(EntityTypeBuilder<SalePayment> b)
    {
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CertificateCode).HasMaxLength(13);
    }
}

internal sealed class PosCartConfiguration : IEntityTypeConfiguration<PosCart>
{
    public void Configure(EntityTypeBuilder<PosCart> b)
    {
        b.HasOne<Register>().WithMany().HasForeignKey(x => x.RegisterId).OnDelete(DeleteBehavior.Cascade);
        // One open cart per register: the upsert in EditCart relies on it.
        b.HasIndex(x => x.RegisterId).IsUnique();
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.CartId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Certificates).WithOne().HasForeignKey(x => x.CartId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Loyalty.Gifts.CustomerGift>().WithMany().HasForeignKey(x => x.GiftId).OnDelete(DeleteBehavior.SetNull);
        b.HasManualDiscount(x => x.ManualDiscount);
    }
}

internal sealed class PosCartCertificateConfiguration : IEntityTypeConfiguration<PosCartCertificate>
{
    public void Configure(EntityTypeBuilder<PosCartCertificate> b)
    {
        b.HasIndex(x => new { x.CartId, x.Nominal }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("ck_pos_cart_certificates_quantity", "quantity > 0"));
    }
}

internal sealed class PosCartLineConfiguration : IEntityTypeConfiguration<PosCartLine>
{
    public void Configure(EntityTypeBuilder<PosCartLine> b)
    {
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CartId, x.ProductId }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("ck_pos_cart_lines_quantity", "quantity > 0"));
    }
}

internal sealed class SaleReturnConfiguration : IEntityTypeConfiguration<SaleReturn>
{
    public void Configure(EntityTypeBuilder<SaleReturn> b)
    {
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.IdempotencyKey).IsUnique().HasDatabaseName("ux_sale_returns_idempotency_key");
        b.HasIndex(x => x.SaleId);
        b.HasIndex(x => x.ShiftId);
        b.Property(x => x.CashierName).HasMaxLength(200);
        b.HasOne<Sale>().WithMany().HasForeignKey(x => x.SaleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Shift>().WithMany().HasForeignKey(x => x.ShiftId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Register>().WithMany().HasForeignKey(x => x.RegisterId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.SaleReturnId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Payments).WithOne().HasForeignKey(x => x.SaleReturnId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SaleReturnLineConfiguration : IEntityTypeConfiguration<SaleReturnLine>
{
    public void Configure(EntityTypeBuilder<SaleReturnLine> b)
    {
        b.HasOne<SaleLine>().WithMany().HasForeignKey(x => x.SaleLineId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.SaleLineId);
        b.Property(x => x.Name).HasMaxLength(300);
        b.ToTable(t => t.HasCheckConstraint("ck_sale_return_lines_quantity", "quantity > 0"));
    }
}

internal sealed class SaleReturnPaymentConfiguration : IEntityTypeConfiguration<SaleReturnPayment>
{
    public void Configure(EntityTypeBuilder<SaleReturnPayment> b) => b.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
}

internal sealed class CashMovementConfiguration : IEntityTypeConfiguration<CashMovement>
{
    public void Configure(EntityTypeBuilder<CashMovement> b)
    {
        b.HasOne<Shift>().WithMany().HasForeignKey(x => x.ShiftId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ShiftId);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Reason).HasMaxLength(300);
        b.Property(x => x.UserName).HasMaxLength(200);
        b.ToTable(t => t.HasCheckConstraint("ck_cash_movements_amount", "amount > 0"));
    }
}
