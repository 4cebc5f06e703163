using AlAroma.Web.Infrastructure.Jobs;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Features.Warehouse.Suppliers;
using AlAroma.Web.Features.Warehouse.TransferRequests;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.WriteOffs;

namespace AlAroma.Web.Features.Warehouse;

public static class WarehouseSetup
{
    /// <summary>Registers the Warehouse feature's handlers and services, the <c>check-stock</c> command and the morning low-stock e-mail (08:00).</summary>
    public static void AddWarehouse(this WebApplicationBuilder builder)
    {
        Cli.Register(CheckStockCommand.Name, CheckStockCommand.Usage, CheckStockCommand.RunAsync);
        var s = builder.Services;
        s.AddScoped<FindProducts>();
        s.AddScoped<ListGoodsReceipts>();
        s.AddScoped<ExportGoodsReceipts>();
        s.AddScoped<CreateGoodsReceipt>();
        s.AddScoped<GetGoodsReceipt>();
        s.AddScoped<EditGoodsReceiptLines>();
        s.AddScoped<PostGoodsReceipt>();
        s.AddScoped<CancelGoodsReceipt>();
        s.AddScoped<ListTransfers>();
        s.AddScoped<ExportTransfers>();
        s.AddScoped<CreateTransfer>();
        s.AddScoped<GetTransfer>();
        s.AddScoped<EditTransferLines>();
        s.AddScoped<ShipTransfer>();
        s.AddScoped<ReceiveTransfer>();
        s.AddScoped<CancelTransfer>();
        s.AddScoped<ListStockBalances>();
        s.AddScoped<ExportStockBalances>();
        s.AddScoped<ListStockMovements>();
        s.AddScoped<ListWriteOffs>();
        s.AddScoped<ExportWriteOffs>();
        s.AddScoped<ExportWriteOffList>();
        s.AddScoped<CreateWriteOff>();
        s.AddScoped<GetWriteOff>();
        s.AddScoped<EditWriteOffLines>();
        s.AddScoped<SubmitWriteOff>();
        s.AddScoped<ApproveWriteOff>();
        s.AddScoped<RejectWriteOff>();
        s.AddScoped<ListSuppliers>();
        s.AddScoped<SaveSupplier>();
        s.AddScoped<ResolveTransferDiscrepancy>();
        s.AddScoped<ExportTransfersInTransit>();
        s.AddScoped<ListTransferRequests>();
        s.AddScoped<CreateTransferRequest>();
        s.AddScoped<GetTransferRequest>();
        s.AddScoped<EditTransferRequestLines>();
        s.AddScoped<DecideTransferRequest>();
        s.AddScoped<LowStock.SetMinQuantity>();
        s.AddScoped<LowStock.ListReorder>();
        s.AddScoped<LowStock.ExportReorder>();
        s.AddScoped<LowStock.ListLowStockAlerts>();
        s.AddScoped<LowStock.AcknowledgeLowStockAlert>();
        s.AddScoped<LowStock.EmailLowStockDigest>();
        builder.AddScheduledJob<LowStock.EmailLowStockDigestJob>("low-stock-digest",
            "Утренняя сводка на почту: товары ниже минимального остатка — кладовщикам точки и менеджерам", "LowStockDigest", "0 0 8 * * ?");
        s.AddScoped<ExportStockMovements>();
        s.AddScoped<LinkGoodsReceiptSuppliers>();
        s.AddScoped<Data.IPostMigrationStep>(sp => sp.GetRequiredService<LinkGoodsReceiptSuppliers>());
        Cli.Register(LinkGoodsReceiptSuppliers.Command, LinkGoodsReceiptSuppliers.Usage, LinkGoodsReceiptSuppliers.RunAsync);
    }
}
