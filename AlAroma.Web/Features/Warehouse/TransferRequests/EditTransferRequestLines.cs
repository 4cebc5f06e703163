using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;

namespace AlAroma.Web.Features.Warehouse.TransferRequests;

/// <summary>Editing the lines of a draft request by the requesting location (see <see cref="QuantityLineEditor{TDoc,TModel}"/>).</summary>
public sealed class EditTransferRequestLines(AppDbContext db, LocationScope scope, FindProducts products, GetTransferRequest get)
    : QuantityLineEditor<TransferRequest, GetTransferRequest.Model>(db, products)
{
    protected override Task<TransferRequest> LockAsync(long id, CancellationToken ct) => DocumentLocks.TransferRequestAsync(Db, id, ct);

    protected override Task EnsureMayEditAsync(TransferRequest doc, CancellationToken ct) =>
        WarehouseAccess.EnsureAsync(Db, scope, doc.RequestingLocationId, "изменять заявки", ct);

    protected override async Task<GetTransferRequest.Model> ReloadAsync(long id, CancellationToken ct) => (await get.HandleAsync(id, ct))!;
}
