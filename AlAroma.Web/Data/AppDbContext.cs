using AlAroma.Web.Infrastructure.Auditing;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.GiftCards;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Features.Promotions;
using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Features.Warehouse.Suppliers;
using AlAroma.Web.Features.Warehouse.TransferRequests;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.WriteOffs;
using AlAroma.Web.Features.Warehouse;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Data;

/// <summary>
/// The one EF Core context of the application (PostgreSQL, snake_case names). Each feature keeps the EF
/// configuration of its entities beside them (<c>IEntityTypeConfiguration</c> classes found by assembly scan).
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<UserLocation> UserLocations => Set<UserLocation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DocumentCounter> DocumentCounters => Set<DocumentCounter>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Product> Products => Set<Product>();
    public DbSet<Barcode> Barcodes => Set<Barcode>();
    public DbSet<PriceChange> PriceChanges => Set<PriceChange>();
    public DbSet<CatalogImport> CatalogImports => Set<CatalogImport>();

    public DbSet<StockBalance> StockBalances => Set<StockBalance>();
    public DbSet<StockMovement> StockMovements => Set<StockMovement>();
    public DbSet<GoodsReceipt> GoodsReceipts => Set<GoodsReceipt>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<WriteOff> WriteOffs => Set<WriteOff>();
    public DbSet<TransferRequest> TransferRequests => Set<TransferRequest>();
    public DbSet<Features.Warehouse.LowStock.LowStockAlert> LowStockAlerts => Set<Features.Warehouse.LowStock.LowStockAlert>();

    public DbSet<Register> Registers => Set<Register>();
    public DbSet<Shift> Shifts => Set<Shift>();
    public DbSet<Sale> Sales => Set<Sale>();
    public DbSet<SaleReturn> SaleReturns => Set<SaleReturn>();
    public DbSet<CashMovement> CashMovements => Set<CashMovement>();
    public DbSet<PosCart> PosCarts => Set<PosCart>();
    public DbSet<Features.Pos.Parking.ParkedCart> ParkedCarts => Set<Features.Pos.Parking.ParkedCart>();
    public DbSet<Features.Admin.Company.CompanyDetails> CompanyDetails => Set<Features.Admin.Company.CompanyDetails>();

    public DbSet<PromotionRecord> Promotions => Set<PromotionRecord>();

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerCode> CustomerCodes => Set<CustomerCode>();
    public DbSet<Features.Customers.Import.CustomerImport> CustomerImports => Set<Features.Customers.Import.CustomerImport>();
    public DbSet<PointsEntry> PointsEntries => Set<PointsEntry>();
    public DbSet<Features.Loyalty.Gifts.GiftType> GiftTypes => Set<Features.Loyalty.Gifts.GiftType>();
    public DbSet<Features.Loyalty.Gifts.CustomerGift> CustomerGifts => Set<Features.Loyalty.Gifts.CustomerGift>();
    public DbSet<GiftCertificate> GiftCertificates => Set<GiftCertificate>();
    public DbSet<GiftCertificateEntry> GiftCertificateEntries => Set<GiftCertificateEntry>();
    public DbSet<Features.Feedback.Feedback> Feedback => Set<Features.Feedback.Feedback>();
    public DbSet<Features.Feedback.FeedbackReply> FeedbackReplies => Set<Features.Feedback.FeedbackReply>();
    public DbSet<Infrastructure.Jobs.JobRun> JobRuns => Set<Infrastructure.Jobs.JobRun>();

    public DbSet<Features.Notifications.Outbox.OutboxMessage> Notifications => Set<Features.Notifications.Outbox.OutboxMessage>();
    public DbSet<Features.Notifications.Outbox.OutboxAttempt> NotificationAttempts => Set<Features.Notifications.Outbox.OutboxAttempt>();
    public DbSet<Features.Notifications.Outbox.OutboxAttachment> NotificationAttachments => Set<Features.Notifications.Outbox.OutboxAttachment>();
    public DbSet<Features.Notifications.Outbox.RateCounter> NotificationRateCounters => Set<Features.Notifications.Outbox.RateCounter>();
    public DbSet<Features.Bots.Telegram.TelegramUpdate> TelegramUpdates => Set<Features.Bots.Telegram.TelegramUpdate>();
    public DbSet<Features.Bots.Client.ClientChat> ClientBotChats => Set<Features.Bots.Client.ClientChat>();
    public DbSet<Features.Campaigns.Campaign> Campaigns => Set<Features.Campaigns.Campaign>();
    public DbSet<Features.Campaigns.CampaignRecipient> CampaignRecipients => Set<Features.Campaigns.CampaignRecipient>();
    public DbSet<Features.Leads.Projects.LeadProject> LeadProjects => Set<Features.Leads.Projects.LeadProject>();
    public DbSet<Features.Leads.Projects.LeadProjectMember> LeadProjectMembers => Set<Features.Leads.Projects.LeadProjectMember>();
    public DbSet<Features.Leads.Projects.LeadSupplier> LeadSuppliers => Set<Features.Leads.Projects.LeadSupplier>();
    public DbSet<Features.Leads.Numbers.Lead> Leads => Set<Features.Leads.Numbers.Lead>();
    public DbSet<Features.Leads.Numbers.LeadCall> LeadCalls => Set<Features.Leads.Numbers.LeadCall>();
    public DbSet<Features.Leads.Numbers.DoNotCallEntry> DoNotCall => Set<Features.Leads.Numbers.DoNotCallEntry>();
    public DbSet<Features.Leads.Import.LeadImport> LeadImports => Set<Features.Leads.Import.LeadImport>();
    public DbSet<Features.Leads.Telephony.LeadCallEvent> LeadCallEvents => Set<Features.Leads.Telephony.LeadCallEvent>();
    public DbSet<Features.Leads.Sftp.SftpHost> SftpHosts => Set<Features.Leads.Sftp.SftpHost>();
    public DbSet<Features.Leads.Sftp.LeadSftpSchedule> LeadSftpSchedules => Set<Features.Leads.Sftp.LeadSftpSchedule>();
    public DbSet<Features.Leads.Sftp.LeadSftpRun> LeadSftpRuns => Set<Features.Leads.Sftp.LeadSftpRun>();
    public DbSet<Features.Leads.Sftp.LeadSftpFile> LeadSftpFiles => Set<Features.Leads.Sftp.LeadSftpFile>();
    public DbSet<Features.ExternalPos.ExternalRegister> ExternalRegisters => Set<Features.ExternalPos.ExternalRegister>();
    public DbSet<Features.ExternalPos.ExternalPosEvent> ExternalPosEvents => Set<Features.ExternalPos.ExternalPosEvent>();
    public DbSet<Features.ExternalPos.ExternalSale> ExternalSales => Set<Features.ExternalPos.ExternalSale>();
    public DbSet<Features.ExternalPos.ExternalPosRate> ExternalPosRates => Set<Features.ExternalPos.ExternalPosRate>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        // Trigram indexes for '%…%' product search (a trusted extension since PostgreSQL 13: the database owner may create it).
        b.HasPostgresExtension("pg_trgm");
        b.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        foreach (var p in b.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            // Money is numeric(14,2) everywhere (DOMAIN.md).
            if (p.ClrType == typeof(decimal) || p.ClrType == typeof(decimal?)) p.SetColumnType("numeric(14,2)");
        }
    }
}
