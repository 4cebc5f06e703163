using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.TransferRequests;

/// <summary>Creates a draft "Заявка на перемещение" from one of the user's locations to a warehouse ("ЗП-2026-000001").</summary>
public sealed class CreateTransferRequest(AppDbContext db, LocationScope scope, TimeProvider clock, ICurrentUser user)
{
    /// <summary>The form of a new request.</summary>
    public sealed class Input
    {
        /// <summary>The shop that needs the goods.</summary>
        public int? RequestingLocationId { get; set; }

        /// <summary>The warehouse asked.</summary>
        public int? SupplyingLocationId { get; set; }
        public string? Comment { get; set; }

        /// <summary>Field errors (field name → Russian message); empty when the form is fine.</summary>
        public IEnumerable<(string Field, string Message)> Validate() => TwoLocationForm.Validate(
            new(RequestingLocationId, nameof(RequestingLocationId), "Выберите магазин, которому нужен товар."),
            new(SupplyingLocationId, nameof(SupplyingLocationId), "Выберите склад, у которого просите товар."),
            "Склад должен отличаться от точки, которая просит товар.", nameof(Comment), Comment);
    }

    /// <summary>The form: requesters are the user's locations, suppliers the active warehouses.</summary>
    public sealed record FormModel(Input Input, IReadOnlyList<Location> Requesters, IReadOnlyList<Location> Warehouses);

    /// <summary>The form, the current location as requester and the first warehouse preselected.</summary>
    public async Task<FormModel> FormAsync(Input? input, CancellationToken ct)
    {
        var warehouses = await db.Locations.AsNoTracking().Where(l => l.IsActive && l.Kind == LocationKind.Warehouse).OrderBy(l => l.Code).ToListAsync(ct);
        var allowed = await scope.AllowedAsync(ct);
        input ??= new Input
        {
            RequestingLocationId = (allowed.FirstOrDefault(l => l.Kind == LocationKind.Shop) ?? await scope.CurrentAsync(ct))?.Id,
            SupplyingLocationId = warehouses.FirstOrDefault()?.Id,
        };
        return new FormModel(input, allowed, warehouses);
    }

    /// <summary>Creates the draft and returns its id.</summary>
    /// <exception cref="BusinessRuleException">The form is invalid, the supplier is not a warehouse, or the requester is not the user's location.</exception>
    public async Task<long> HandleAsync(Input input, CancellationToken ct)
    {
        if (input.Validate().FirstOrDefault() is { Message: { } error }) throw new BusinessRuleException(error);
        int from = input.SupplyingLocationId!.Value, to = input.RequestingLocationId!.Value;
        if (!await db.Locations.AnyAsync(l => l.Id == from && l.IsActive && l.Kind == LocationKind.Warehouse, ct))
            throw new BusinessRuleException("Заявку отправляют на склад. Выберите склад из списка.");
        if (!await db.Locations.AnyAsync(l => l.Id == to && l.IsActive, ct))
            throw new BusinessRuleException("Точка не найдена или закрыта. Выберите другую.");
        await WarehouseAccess.EnsureAsync(db, scope, to, "оформлять заявки", ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var request = new TransferRequest
        {
            Number = await DocumentNumbers.NextDocumentAsync(db, TransferRequest.Prefix, LocalTime.Today(clock.GetUtcNow()).Year, ct),
            RequestingLocationId = to, SupplyingLocationId = from, Status = TransferRequestStatus.Draft,
            Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = user.UserName,
        };
        db.TransferRequests.Add(request);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return request.Id;
    }
}
