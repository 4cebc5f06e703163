using AlAroma.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Loyalty;

/// <summary>
/// EF mapping of the points ledger, owned by Loyalty: the foreign key to <see cref="Customer"/> is declared here so
/// that Customers maps only its own entities (a customer is never deleted while it has ledger rows).
/// </summary>
internal sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CustomerId, x.Id });
        b.HasIndex(x => x.SaleId);
        b.Property(x => x.StaffUserId).HasMaxLength(450);
        b.HasIndex(x => new { x.StaffUserId, x.AtUtc }).HasFilter("staff_user_id IS NOT NULL"); // the staff bot's daily gift limit
    }
}
