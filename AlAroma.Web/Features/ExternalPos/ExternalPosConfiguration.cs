using AlAroma.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.ExternalPos;

internal sealed class ExternalRegisterConfiguration : IEntityTypeConfiguration<ExternalRegister>
{
    public void Configure(EntityTypeBuilder<ExternalRegister> b)
    {
        b.ToTable("external_registers");
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.ApiKey).HasMaxLength(40);
        b.HasIndex(x => x.ApiKey).IsUnique();
        b.Property(x => x.CreatedBy).HasMaxLength(256);
    }
}

internal sealed class ExternalPosEventConfiguration : IEntityTypeConfiguration<ExternalPosEvent>
{
    public void Configure(EntityTypeBuilder<ExternalPosEvent> b)
    {
        b.ToTable("external_pos_events");
        b.Property(x => x.EventId).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.BodySha256).HasMaxLength(64);
        b.HasIndex(x => new { x.RegisterId, x.EventId }).IsUnique().HasDatabaseName(ExternalPosEvents.KeyIndex);
        b.HasOne<ExternalRegister>().WithMany().HasForeignKey(x => x.RegisterId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExternalSaleConfiguration : IEntityTypeConfiguration<ExternalSale>
{
    public void Configure(EntityTypeBuilder<ExternalSale> b)
    {
        b.ToTable("external_sales");
        b.Property(x => x.EventId).HasMaxLength(100);
        b.Property(x => x.ReceiptNumber).HasMaxLength(50);
        b.Ignore(x => x.OtherPaid);
        b.HasIndex(x => new { x.RegisterId, x.EventId }).IsUnique();
        b.HasIndex(x => new { x.CustomerId, x.AtUtc });
        b.HasOne<ExternalRegister>().WithMany().HasForeignKey(x => x.RegisterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExternalPosRateConfiguration : IEntityTypeConfiguration<ExternalPosRate>
{
    public void Configure(EntityTypeBuilder<ExternalPosRate> b)
    {
        b.ToTable("external_pos_rate");
        b.HasKey(x => new { x.RegisterId, x.MinuteUtc });
        b.HasOne<ExternalRegister>().WithMany().HasForeignKey(x => x.RegisterId).OnDelete(DeleteBehavior.Cascade);
    }
}
