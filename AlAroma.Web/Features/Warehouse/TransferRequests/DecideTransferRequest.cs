using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse.TransferRequests;

/// <summary>
/// The steps of a transfer request after drafting, each one transaction under the request's row lock:
/// the shop sends it ("Отправить на склад"); the warehouse turns it into a draft <see cref="Transfer"/> with the
/// same lines, linked both ways ("Создать перемещение"), or rejects it with a reason.
/// </summary>
public sealed class DecideTransferRequest(AppDbContext db, LocationScope scope, TimeProvider clock, ICurrentUser user)
{
    /// <summary>Draft → Open; returns the number.</summary>
    /// <exception cref="BusinessRuleException">Not a draft, no lines, or the requester is not the user's location.</exception>
    public async Task<string> SubmitAsync(long id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var request = await DocumentLocks.TransferRequestAsync(db, id, ct);
        await WarehouseAccess.EnsureAsync(db, scope, request.RequestingLocationId, "отправлять заявки", ct);
        request.Submit(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return request.Number;
    }

    /// <summary>Open → Fulfilled: creates the draft transfer warehouse → shop with the request's lines; returns its id.</summary>
    /// <exception cref="BusinessRuleException">Not open, or the warehouse is not the user's location.</exception>
    public async Task<long> ToTransferAsync(long id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var request = await DocumentLocks.TransferRequestAsync(db, id, ct);
        await WarehouseAccess.EnsureAsync(db, scope, request.SupplyingLocationId, "выполнять заявки", ct);
        var now = clock.GetUtcNow();
        var transfer = new Transfer
        {
            Number = await DocumentNumbers.NextDocumentAsync(db, CreateTransfer.Prefix, LocalTime.Today(now).Year, ct),
            FromLocationId = request.SupplyingLocationId, ToLocationId = request.RequestingLocationId, Status = TransferStatus.Draft,
            Comment = $"По заявке {request.Number}" + (request.Comment is { } c ? $": {c}" : ""),
            CreatedAtUtc = now.UtcDateTime, CreatedBy = user.UserName, RequestId = request.Id,
        };
        foreach (var l in request.Lines) transfer.AddLine(l.ProductId, l.Quantity);
        db.Transfers.Add(transfer);
        await db.SaveChangesAsync(ct);
        request.Fulfil(transfer, now.UtcDateTime, user.UserName);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return transfer.Id;
    }

    /// <summary>Open → Rejected with a reason; returns the number.</summary>
    /// <exception cref="BusinessRuleException">Not open, no reason, or the warehouse is not the user's location.</exception>
    public async Task<string> RejectAsync(long id, string? reason, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var request = await DocumentLocks.TransferRequestAsync(db, id, ct);
        await WarehouseAccess.EnsureAsync(db, scope, request.SupplyingLocationId, "отклонять заявки", ct);
        request.Reject(reason, clock.GetUtcNow().UtcDateTime, user.UserName);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return request.Number;
    }
}
