namespace AlAroma.Web.Features.Warehouse;

public static class WarehouseSetup
{
    /// <summary>Registers the Warehouse feature's handlers and services.</summary>
    public static void AddWarehouse(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<FindProducts>();
        s.AddScoped<ListGoodsReceipts>();
        s.AddScoped<CreateGoodsReceipt>();
        s.AddScoped<GetGoodsReceipt>();
        s.AddScoped<EditGoodsReceiptLines>();
        s.AddScoped<PostGoodsReceipt>();
        s.AddScoped<CancelGoodsReceipt>();
        s.AddScoped<ListTransfers>();
        s.AddScoped<CreateTransfer>();
        s.AddScoped<GetTransfer>();
        s.AddScoped<EditTransferLines>();
        s.AddScoped<ShipTransfer>();
        s.AddScoped<ReceiveTransfer>();
        s.AddScoped<CancelTransfer>();
        s.AddScoped<ListStockBalances>();
        s.AddScoped<ExportStockBalances>();
        s.AddScoped<ListStockMovements>();
    }
}
