using AlAroma.Web.Features.Leads.Import;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Features.Leads.Projects;
using AlAroma.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Leads;

internal sealed class LeadProjectConfiguration : IEntityTypeConfiguration<LeadProject>
{
    public void Configure(EntityTypeBuilder<LeadProject> b)
    {
        b.ToTable("lead_projects");
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.Name).IsUnique().HasFilter("deleted_at_utc IS NULL");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Ignore(x => x.Window);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LeadProjectMemberConfiguration : IEntityTypeConfiguration<LeadProjectMember>
{
    public void Configure(EntityTypeBuilder<LeadProjectMember> b)
    {
        b.ToTable("lead_project_members");
        b.HasKey(x => new { x.ProjectId, x.UserId });
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class LeadSupplierConfiguration : IEntityTypeConfiguration<LeadSupplier>
{
    public void Configure(EntityTypeBuilder<LeadSupplier> b)
    {
        b.ToTable("lead_suppliers");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Contacts).HasMaxLength(1000);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
        b.ToTable("leads");
        b.Ignore(x => x.E164);
        b.Property(x => x.Region).HasMaxLength(64);
        b.Property(x => x.TimeZoneId).HasMaxLength(64);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.Property(x => x.Extra).HasColumnType("jsonb");
        b.Property(x => x.RecordingUrl).HasMaxLength(1000);
        b.HasOne<LeadProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LeadSupplier>().WithMany().HasForeignKey(x => x.SupplierId).OnDelete(DeleteBehavior.Restrict);
        // A project holds a number once; the list pages by id within a project.
        b.HasIndex(x => new { x.ProjectId, x.Phone }).IsUnique();
        b.HasIndex(x => new { x.ProjectId, x.Id });
        // "All projects" duplicate check, the telephony webhooks and the bridge to customers find a number anywhere.
        b.HasIndex(x => x.Phone);
        // The operator's queue: due numbers of a project per time zone (the calling hours open zone by zone), earliest
        // first; only statuses New..CallBack (0..3) are ever due.
        b.HasIndex(x => new { x.ProjectId, x.TimeZoneId, x.QueueAtUtc }).HasDatabaseName("ix_leads_queue").HasFilter("status <= 3");
        // The number an operator holds (few rows at any time), and an operator's callbacks.
        b.HasIndex(x => x.TakenBy).HasDatabaseName("ix_leads_taken_by").HasFilter("taken_by IS NOT NULL");
        b.HasIndex(x => new { x.LastOperatorId, x.QueueAtUtc }).HasDatabaseName("ix_leads_callbacks").HasFilter("status = 3");
    }
}

internal sealed class LeadCallConfiguration : IEntityTypeConfiguration<LeadCall>
{
    public void Configure(EntityTypeBuilder<LeadCall> b)
    {
        b.ToTable("lead_calls");
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.Property(x => x.Source).HasMaxLength(16);
        b.Property(x => x.ProviderCallId).HasMaxLength(128);
        b.Property(x => x.RecordingUrl).HasMaxLength(1000);
        b.HasOne<Lead>().WithMany().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.LeadId, x.AtUtc });
        b.HasIndex(x => new { x.ProjectId, x.AtUtc });
    }
}

internal sealed class DoNotCallConfiguration : IEntityTypeConfiguration<DoNotCallEntry>
{
    public void Configure(EntityTypeBuilder<DoNotCallEntry> b)
    {
        b.ToTable("lead_do_not_call");
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.AddedBy).HasMaxLength(256);
        b.HasOne<LeadProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        // One entry per number and list (the system-wide list is project NULL, so NULLs must not be distinct).
        b.HasIndex(x => new { x.Phone, x.ProjectId }).IsUnique().AreNullsDistinct(false);
    }
}

internal sealed class LeadImportConfiguration : IEntityTypeConfiguration<LeadImport>
{
    public void Configure(EntityTypeBuilder<LeadImport> b)
    {
        b.ToTable("lead_imports");
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.StoredPath).HasMaxLength(1000);
        b.Property(x => x.RejectedPath).HasMaxLength(1000);
        b.Property(x => x.Format).HasMaxLength(8);
        b.Property(x => x.Encoding).HasMaxLength(20);
        b.Property(x => x.Delimiter).HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Error).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Ignore(x => x.Rejected);
        b.Ignore(x => x.IsOver);
        b.HasOne<LeadProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Status, x.CreatedAtUtc });
        b.HasIndex(x => new { x.ProjectId, x.CreatedAtUtc });
    }
}

internal sealed class LeadCallEventConfiguration : IEntityTypeConfiguration<Telephony.LeadCallEvent>
{
    public void Configure(EntityTypeBuilder<Telephony.LeadCallEvent> b)
    {
        b.ToTable("lead_call_events");
        // The idempotency key of the webhooks: a provider's call and event, once.
        b.HasKey(x => new { x.Provider, x.CallId, x.EventKey });
        b.Property(x => x.Provider).HasMaxLength(16);
        b.Property(x => x.CallId).HasMaxLength(128);
        b.Property(x => x.EventKey).HasMaxLength(64);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.HasIndex(x => x.ReceivedAtUtc);
    }
}

internal sealed class LeadStatConfiguration : IEntityTypeConfiguration<Conversion.LeadStat>
{
    public void Configure(EntityTypeBuilder<Conversion.LeadStat> b)
    {
        b.ToTable("lead_stats");
        b.HasKey(x => new { x.ProjectId, x.SupplierId, x.Region, x.Day });
        b.Property(x => x.Region).HasMaxLength(64);
        b.HasOne<LeadProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SftpHostConfiguration : IEntityTypeConfiguration<Sftp.SftpHost>
{
    public void Configure(EntityTypeBuilder<Sftp.SftpHost> b)
    {
        b.ToTable("lead_sftp_hosts");
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Address).HasMaxLength(255);
        b.Property(x => x.UserName).HasMaxLength(100);
        b.Property(x => x.HostKeyFingerprint).HasMaxLength(100);
    }
}

internal sealed class LeadSftpScheduleConfiguration : IEntityTypeConfiguration<Sftp.LeadSftpSchedule>
{
    public void Configure(EntityTypeBuilder<Sftp.LeadSftpSchedule> b)
    {
        b.ToTable("lead_sftp_schedules");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.RemoteFolder).HasMaxLength(500);
        b.Property(x => x.ProcessedFolder).HasMaxLength(500);
        b.Property(x => x.FilePattern).HasMaxLength(200);
        b.Property(x => x.ExportFormat).HasMaxLength(8);
        b.HasOne<LeadProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        // A host in use is not deleted under a schedule.
        b.HasOne<Sftp.SftpHost>().WithMany().HasForeignKey(x => x.HostId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LeadSupplier>().WithMany().HasForeignKey(x => x.SupplierId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.ProjectId);
        b.HasIndex(x => x.NextRunAtUtc).HasFilter("enabled");
    }
}

internal sealed class LeadSftpRunConfiguration : IEntityTypeConfiguration<Sftp.LeadSftpRun>
{
    public void Configure(EntityTypeBuilder<Sftp.LeadSftpRun> b)
    {
        b.ToTable("lead_sftp_runs");
        b.HasOne<Sftp.LeadSftpSchedule>().WithMany().HasForeignKey(x => x.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProjectId, x.Id });
        b.HasIndex(x => new { x.ScheduleId, x.Id });
    }
}

internal sealed class LeadSftpFileConfiguration : IEntityTypeConfiguration<Sftp.LeadSftpFile>
{
    public void Configure(EntityTypeBuilder<Sftp.LeadSftpFile> b)
    {
        b.ToTable("lead_sftp_files");
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Error).HasMaxLength(1000);
        b.HasOne<Sftp.LeadSftpSchedule>().WithMany().HasForeignKey(x => x.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ScheduleId, x.Name, x.Size, x.ModifiedAtUtc }).IsUnique();
    }
}
