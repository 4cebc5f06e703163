using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Pos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Feedback;

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> b)
    {
        b.ToTable("feedback", t =>
        {
            // A review carries a rating 1–10; an idea or a message none (Feedback.Create checks it for people first).
            t.HasCheckConstraint("ck_feedback_rating", "(kind = 'Review' AND rating BETWEEN 1 AND 10) OR (kind <> 'Review' AND rating IS NULL)");
            t.HasCheckConstraint("ck_feedback_text_length", $"char_length(text) <= {Feedback.MaxTextLength}");
        });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Text).HasMaxLength(Feedback.MaxTextLength);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Sale>().WithMany().HasForeignKey(x => x.SaleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Replies).WithOne().HasForeignKey(x => x.FeedbackId).OnDelete(DeleteBehavior.Cascade);
        // The inbox: newest first (keyset on id), filtered by shop; the customer card: per customer.
        b.HasIndex(x => new { x.LocationId, x.Id });
        b.HasIndex(x => new { x.CustomerId, x.Id });
        b.HasIndex(x => new { x.Status, x.Id });
    }
}

internal sealed class FeedbackReplyConfiguration : IEntityTypeConfiguration<FeedbackReply>
{
    public void Configure(EntityTypeBuilder<FeedbackReply> b)
    {
        b.ToTable("feedback_replies");
        b.Property(x => x.Text).HasMaxLength(Feedback.MaxTextLength);
        b.Property(x => x.UserName).HasMaxLength(200);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasOne(x => x.OutboxMessage).WithMany().HasForeignKey(x => x.OutboxMessageId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.FeedbackId);
    }
}
