using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;

namespace AlAroma.Web.Features.Warehouse.WriteOffs;

/// <summary>Editing the lines of a draft write-off at the user's location (see <see cref="QuantityLineEditor{TDoc,TModel}"/>).</summary>
public sealed class EditWriteOffLines(AppDbContext db, LocationScope scope, FindProducts products, GetWriteOff get)
    : QuantityLineEditor<WriteOff, GetWriteOff.Model>(db, products)
{
    protected override Task<WriteOff> LockAsync(long id, CancellationToken ct) => DocumentLocks.WriteOffAsync(Db, id, ct);

    protected override Task EnsureMayEditAsync(WriteOff doc, CancellationToken ct) =>
        WarehouseAccess.EnsureAsync(Db, scope, doc.LocationId, "изменять списания", ct);

    protected override async Task<GetWriteOff.Model> ReloadAsync(long id, CancellationToken ct) => (await get.HandleAsync(id, ct))!;
}
