using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using AlAroma.Web.Features.Warehouse.TransferRequests;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.WriteOffs;

namespace AlAroma.Web.Features.Warehouse;

/// <summary>Bootstrap badge classes of document statuses (one colour per meaning across warehouse screens).</summary>
public static class StatusBadge
{
    /// <summary>Badge class of a goods receipt status.</summary>
    public static string Of(DocumentStatus s) => s switch
    {
        DocumentStatus.Draft => "text-bg-secondary",
        DocumentStatus.Posted => "text-bg-success",
        _ => "text-bg-dark",
    };

    /// <summary>Badge class of a transfer status ("В пути" stands out).</summary>
    public static string Of(TransferStatus s) => s switch
    {
        TransferStatus.Draft => "text-bg-secondary",
        TransferStatus.Shipped => "text-bg-warning",
        TransferStatus.Received => "text-bg-success",
        _ => "text-bg-dark",
    };

    /// <summary>Badge class of a write-off status ("На утверждении" stands out).</summary>
    public static string Of(WriteOffStatus s) => s switch
    {
        WriteOffStatus.Draft => "text-bg-secondary",
        WriteOffStatus.Submitted => "text-bg-warning",
        WriteOffStatus.Posted => "text-bg-success",
        _ => "text-bg-danger",
    };

    /// <summary>Badge class of a transfer request status ("Ожидает склада" stands out).</summary>
    public static string Of(TransferRequestStatus s) => s switch
    {
        TransferRequestStatus.Draft => "text-bg-secondary",
        TransferRequestStatus.Open => "text-bg-warning",
        TransferRequestStatus.Fulfilled => "text-bg-success",
        _ => "text-bg-danger",
    };
}
