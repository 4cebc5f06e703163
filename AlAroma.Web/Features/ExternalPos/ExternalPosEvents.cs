using System.Text.Json;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.ExternalPos;

/// <summary>
/// Runs a register's sale or return event once (idempotency by the register's event id, the rule of every payment
/// API: Stripe's Idempotency-Key, ЮKassa's Idempotence-Key). The event row and the change it makes commit in one
/// transaction, so an event is either fully applied with its stored answer or not at all; a repeat with the same body
/// gets the first answer, a repeat with another body is a conflict, and two copies racing meet at the unique index.
/// </summary>
public sealed class ExternalPosEvents(AppDbContext db, TimeProvider clock)
{
    /// <summary>The unique index on (register_id, event_id).</summary>
    public const string KeyIndex = "ux_external_pos_events_register_event";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What happened to an event.</summary>
    /// <param name="ResponseJson">The answer (the first one, for a repeat).</param>
    /// <param name="Repeated">True when the event had been applied before and nothing changed now.</param>
    public sealed record Outcome(string ResponseJson, bool Repeated);

    /// <summary>
    /// Applies <paramref name="apply"/> inside a transaction unless the event was already applied.
    /// </summary>
    /// <exception cref="ExternalPosConflictException">The event id was used before for a different body.</exception>
    /// <exception cref="BusinessRuleException">From <paramref name="apply"/>: the event is refused and nothing is kept.</exception>
    public async Task<Outcome> RunOnceAsync<T>(ExternalPosCaller caller, string eventId, ExternalPosEventKind kind, Func<Task<T>> apply, CancellationToken ct)
    {
        if (await ExistingAsync(caller, eventId, kind, ct) is { } before) return before;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var row = new ExternalPosEvent
            {
                RegisterId = caller.RegisterId, EventId = eventId, Kind = kind, BodySha256 = caller.BodySha256, AtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(row);
            await db.SaveChangesAsync(ct); // the key first: a racing copy waits here and then meets the unique index
            var result = await apply();
            row.ResponseJson = JsonSerializer.Serialize(result, Json);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new Outcome(row.ResponseJson, false);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation(KeyIndex))
        {
            db.ChangeTracker.Clear();
            return await ExistingAsync(caller, eventId, kind, ct) ?? throw new InvalidOperationException("The event with the same id vanished.", e);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<Outcome?> ExistingAsync(ExternalPosCaller caller, string eventId, ExternalPosEventKind kind, CancellationToken ct)
    {
        var e = await db.ExternalPosEvents.AsNoTracking().FirstOrDefaultAsync(x => x.RegisterId == caller.RegisterId && x.EventId == eventId, ct);
        if (e is null) return null;
        if (e.BodySha256 != caller.BodySha256 || e.Kind != kind)
            throw new ExternalPosConflictException($"Событие «{eventId}» уже принято с другими данными. Новое событие — новый eventId; повтор — то же тело запроса.");
        return new Outcome(e.ResponseJson, true);
    }
}

/// <summary>An event id reused for a different event: 409, nothing changed.</summary>
public sealed class ExternalPosConflictException(string message) : Exception(message);
