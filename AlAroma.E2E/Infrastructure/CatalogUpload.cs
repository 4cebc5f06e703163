using System.Text.RegularExpressions;
using AlAroma.Web.Infrastructure;
using Microsoft.Playwright;

namespace AlAroma.E2E.Infrastructure;

/// <summary>The first step of the catalog import as the admin takes it, shared by the tests that start from it.</summary>
public static class CatalogUpload
{
    /// <summary>The supplier's Windows-1252 CSV of 2 191 products (AlAroma.Tests/TestData/catalog, see its README).</summary>
    public static string SupplierFile => Path.Combine(WebRoot.RepoRoot()!, "AlAroma.Tests", "TestData", "catalog", "supplier-perfumes-cp1252.csv");

    /// <summary>Signs in as the admin, uploads <see cref="SupplierFile"/> and returns the page on the column mapping step.</summary>
    public static async Task<IPage> UploadSupplierCatalogAsync(this AppServer app)
    {
        var page = await app.LoginAsync("admin@alaroma.local");
        await page.GotoAsync("/catalog/import");
        await page.GetByLabel("Файл каталога").SetInputFilesAsync(SupplierFile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Загрузить" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/catalog/import/[0-9a-f-]{36}$"));
        return page;
    }
}
