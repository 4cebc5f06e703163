using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Admin;
using AlAroma.Web.Features.Admin.Backups;
using AlAroma.Web.Features.Bots;
using AlAroma.Web.Features.Bots.Staff;
using AlAroma.Web.Features.Bots.MiniApp;
using AlAroma.Web.Features.Campaigns;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.ExternalPos;
using AlAroma.Web.Features.Feedback;
using AlAroma.Web.Features.GiftCards;
using AlAroma.Web.Features.Home;
using AlAroma.Web.Features.Leads;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Notifications;
using AlAroma.Web.Features.Notifications.Bell;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Features.Promotions;
using AlAroma.Web.Features.Reports;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Features.Warehouse.Labels;
using AlAroma.Web.Features.Warehouse.Stocktakes;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Jobs;
using AlAroma.Web.Infrastructure.Observability;

// The call centre's scripted loads and exports run without the web pipeline (half the memory, a faster start).
if (LeadCommands.IsOne(args)) return await CommandHost.RunAsync(args, s => { LeadCommands.Register(); s.AddLeadLoads(); });

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = WebRoot.Find() });
if (args.Length > 0 && !args[0].StartsWith('-')) builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning"; // a CLI command prints its own lines
builder.AddLogging();
builder.AddObservability();
builder.AddDataCommands();
builder.AddAccount();
builder.AddHome();
builder.AddAdmin();
builder.AddWeb();
builder.AddCatalog();
builder.AddWarehouse();
builder.AddStocktakes();
builder.AddLabels();
builder.AddPos();
builder.AddPromotions();
builder.AddGiftCards();
builder.AddLoyalty();
builder.AddExternalPos();
builder.AddStaffBot();
builder.AddMiniApp();
builder.AddCampaigns();
builder.AddReports();
builder.AddNotifications();
builder.AddBell();
builder.AddFeedback();
builder.AddLeads();
builder.AddBots();
builder.AddBackups();
// Once every feature has registered its commands, and before AddData starts a database for nothing.
if (Cli.AnswerUsage(args) is { } exitCode) return exitCode;
builder.AddData();
builder.AddJobs();

var app = builder.Build();
if (Cli.IsCommand(args)) return await Cli.RunAsync(app.Services, args);

await app.PrepareDatabaseAsync();
app.UseWeb();
app.MapExternalPos();
app.Run();
return 0;

/// <summary>Entry point, exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
