namespace AlAroma.Web.Features.Catalog;

public static class CatalogSetup
{
    /// <summary>Registers the Catalog feature's handlers and services.</summary>
    public static void AddCatalog(this WebApplicationBuilder builder)
    {
    }
}
