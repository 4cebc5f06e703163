using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Transfers;

/// <summary>
/// Creates a draft transfer from one of the user's locations to another location; the number is given at once
/// ("ПМ-2026-000001").
/// </summary>
public sealed class CreateTransfer(AppDbContext db, LocationScope scope, TimeProvider clock, ICurrentUser user)
{
    /// <summary>Number prefix of transfers.</summary>
    public const string Prefix = "ПМ";

    /// <summary>The form of a new transfer.</summary>
    public sealed class Input
    {
        public int? FromLocationId { get; set; }
        public int? ToLocationId { get; set; }
        public string? Comment { get; set; }

        /// <summary>Field errors (field name → Russian message); empty when the form is fine.</summary>
        public IEnumerable<(string Field, string Message)> Validate() => TwoLocationForm.Validate(
            new(FromLocationId, nameof(FromLocationId), "Выберите, откуда отгружается товар."),
            new(ToLocationId, nameof(ToLocationId), "Выберите, куда отправляется товар."),
            "Точка получения должна отличаться от точки отправления.", nameof(Comment), Comment);
    }

    /// <summary>The form: sources are the user's locations, destinations any active location.</summary>
    public sealed record FormModel(Input Input, IReadOnlyList<Location> Sources, IReadOnlyList<Location> Destinations);

    /// <summary>The form, the current location preselected as the source.</summary>
    public async Task<FormModel> FormAsync(Input? input, CancellationToken ct)
    {
        input ??= new Input { FromLocationId = (await scope.CurrentAsync(ct))?.Id };
        var destinations = await db.Locations.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Kind).ThenBy(l => l.Code).ToListAsync(ct);
        return new FormModel(input, await scope.AllowedAsync(ct), destinations);
    }

    /// <summary>Creates the draft and returns its id.</summary>
    /// <exception cref="BusinessRuleException">The form is invalid or the source is not the user's location.</exception>
    public async Task<long> HandleAsync(Input input, CancellationToken ct)
    {
        if (input.Validate().FirstOrDefault() is { Message: { } error }) throw new BusinessRuleException(error);
        int from = input.FromLocationId!.Value, to = input.ToLocationId!.Value;
        Transfer.EnsureRoute(from, to);
        if (await db.Locations.CountAsync(l => (l.Id == from || l.Id == to) && l.IsActive, ct) != 2)
            throw new BusinessRuleException("Точка не найдена или закрыта. Выберите другую.");
        await WarehouseAccess.EnsureAsync(db, scope, from, "оформлять отгрузку", ct);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var transfer = new Transfer
        {
            Number = await DocumentNumbers.NextDocumentAsync(db, Prefix, LocalTime.Today(clock.GetUtcNow()).Year, ct),
            FromLocationId = from, ToLocationId = to, Status = TransferStatus.Draft,
            Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(), CreatedAtUtc = now, CreatedBy = user.UserName,
        };
        db.Transfers.Add(transfer);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return transfer.Id;
    }
}
