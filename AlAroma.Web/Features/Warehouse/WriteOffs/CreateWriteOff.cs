using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.WriteOffs;

/// <summary>Creates a draft write-off at one of the user's locations; the number is given at once ("СП-2026-000001").</summary>
public sealed class CreateWriteOff(AppDbContext db, LocationScope scope, TimeProvider clock, ICurrentUser user)
{
    /// <summary>The form of a new write-off.</summary>
    public sealed class Input
    {
        public int? LocationId { get; set; }
        public WriteOffReason? Reason { get; set; }
        public string? Comment { get; set; }

        /// <summary>Field errors (field name → Russian message); empty when the form is fine.</summary>
        public IEnumerable<(string Field, string Message)> Validate()
        {
            if (LocationId is null) yield return (nameof(LocationId), "Выберите точку, где списывается товар.");
            if (WriteOff.HeaderError(Reason, Comment) is { } e)
                yield return (Reason is null || !Enum.IsDefined(Reason.Value) ? nameof(Reason) : nameof(Comment), e);
        }
    }

    /// <summary>The form with the user's locations.</summary>
    public sealed record FormModel(Input Input, IReadOnlyList<Location> Locations);

    /// <summary>An empty form, the current location preselected.</summary>
    public async Task<FormModel> FormAsync(Input? input, CancellationToken ct)
    {
        input ??= new Input { LocationId = (await scope.CurrentAsync(ct))?.Id };
        return new FormModel(input, await scope.AllowedAsync(ct));
    }

    /// <summary>Creates the draft and returns its id.</summary>
    /// <exception cref="BusinessRuleException">The form is invalid or the location is not the user's.</exception>
    public async Task<long> HandleAsync(Input input, CancellationToken ct)
    {
        if (input.Validate().FirstOrDefault() is { Message: { } error }) throw new BusinessRuleException(error);
        var locationId = input.LocationId!.Value;
        if (!await db.Locations.AnyAsync(l => l.Id == locationId && l.IsActive, ct))
            throw new BusinessRuleException("Точка не найдена или закрыта. Выберите другую.");
        await WarehouseAccess.EnsureAsync(db, scope, locationId, "оформлять списания", ct);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var doc = new WriteOff
        {
            Number = await DocumentNumbers.NextDocumentAsync(db, WriteOff.Prefix, LocalTime.Today(clock.GetUtcNow()).Year, ct),
            LocationId = locationId, Reason = input.Reason!.Value, Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(),
            Status = WriteOffStatus.Draft, CreatedAtUtc = now, CreatedBy = user.UserName,
        };
        db.WriteOffs.Add(doc);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return doc.Id;
    }
}
