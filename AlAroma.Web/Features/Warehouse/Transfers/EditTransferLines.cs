using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;

namespace AlAroma.Web.Features.Warehouse.Transfers;

/// <summary>Editing the lines of a draft transfer by the source location (see <see cref="QuantityLineEditor{TDoc,TModel}"/>).</summary>
public sealed class EditTransferLines(AppDbContext db, LocationScope scope, FindProducts products, GetTransfer get)
    : QuantityLineEditor<Transfer, GetTransfer.Model>(db, products)
{
    protected override Task<Transfer> LockAsync(long id, CancellationToken ct) => DocumentLocks.TransferAsync(Db, id, ct);

    protected override Task EnsureMayEditAsync(Transfer doc, CancellationToken ct) =>
        WarehouseAccess.EnsureAsync(Db, scope, doc.FromLocationId, "изменять перемещения", ct);

    protected override async Task<GetTransfer.Model> ReloadAsync(long id, CancellationToken ct) => (await get.HandleAsync(id, ct))!;
}
