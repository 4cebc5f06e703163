using System.Text;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Catalog;

public static class CatalogSetup
{
    /// <summary>Registers the Catalog feature's handlers, the Windows code pages its import reads, and the <c>import-catalog</c> command.</summary>
    public static void AddCatalog(this WebApplicationBuilder builder)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        builder.Services.AddScoped<ListProducts>();
        builder.Services.AddScoped<ExportProducts>();
        builder.Services.AddScoped<SaveProduct>();
        builder.Services.AddScoped<UploadCatalogImport>();
        builder.Services.AddScoped<MapCatalogImport>();
        builder.Services.AddScoped<CatalogImportPlanner>();
        builder.Services.AddScoped<RepairImportText>();
        builder.Services.AddSingleton<ImportProgress>();
        builder.Services.AddScoped<PreviewCatalogImport>();
        builder.Services.AddScoped<RunCatalogImport>();
        builder.Services.AddScoped<GetCatalogImport>();
        Cli.Register(ImportCatalogCommand.Name, ImportCatalogCommand.Usage, ImportCatalogCommand.RunAsync);
    }
}
