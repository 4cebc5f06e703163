using AlAroma.Web.Features.Warehouse.WriteOffs;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Warehouse;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Warehouse;

/// <summary>Arrangements of the write-off, discrepancy and request tests.</summary>
internal static class WriteOffTestKit
{
    public const string ManagerUser = "manager@alaroma.local";

    /// <summary>A write-off at <paramref name="locationCode"/> drafted by <paramref name="email"/> with the given lines, optionally submitted.</summary>
    public static Task<long> NewWriteOffAsync(AppFixture app, string locationCode, WriteOffReason reason, bool submit, string email, params (int ProductId, int Qty)[] lines) =>
        app.AsAsync(email, async sp =>
        {
            var id = await sp.GetRequiredService<CreateWriteOff>().HandleAsync(new CreateWriteOff.Input
            {
                LocationId = await LocationIdAsync(app, locationCode), Reason = reason, Comment = "тест",
            }, CancellationToken.None);
            foreach (var (productId, qty) in lines)
                await sp.GetRequiredService<EditWriteOffLines>().AddAsync(id, productId, qty, CancellationToken.None);
            if (submit) await sp.GetRequiredService<SubmitWriteOff>().HandleAsync(id, CancellationToken.None);
            return id;
        });

    /// <summary>A transfer shipped and received with <paramref name="received"/> units of its single line.</summary>
    public static async Task<long> ReceivedWithShortageAsync(AppFixture app, string from, string to, int productId, int shipped, int received)
    {
        var id = await NewTransferAsync(app, from, to, (productId, shipped));
        await app.AsAsync(AdminUser, async sp =>
        {
            await sp.GetRequiredService<ShipTransfer>().HandleAsync(id, CancellationToken.None);
            var t = (await sp.GetRequiredService<GetTransfer>().HandleAsync(id, CancellationToken.None))!;
            await sp.GetRequiredService<ReceiveTransfer>().HandleAsync(id, new Dictionary<long, int> { [t.Lines.Single().Id] = received }, CancellationToken.None);
        });
        return id;
    }
}
