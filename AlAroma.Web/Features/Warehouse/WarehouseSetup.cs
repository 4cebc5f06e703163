namespace AlAroma.Web.Features.Warehouse;

public static class WarehouseSetup
{
    /// <summary>Registers the Warehouse feature's handlers and services.</summary>
    public static void AddWarehouse(this WebApplicationBuilder builder)
    {
    }
}
