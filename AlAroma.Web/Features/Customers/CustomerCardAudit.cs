using AlAroma.Web.Infrastructure.Auditing;
using System.Text.Json;
using System.Text.Json.Serialization;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Customers;

/// <summary>How a customer's card was looked up.</summary>
public enum CustomerLookupWay
{
    /// <summary>The full phone number, typed at the till.</summary>
    Phone,

    /// <summary>The six-digit one-time code from the bot, typed at the till.</summary>
    Code,

    /// <summary>The manager's customer list (the phone or its last digits).</summary>
    Search,

    /// <summary>A manager issued a one-time code on the customer list (the card is shown again with the code).</summary>
    IssueCode,
}

/// <summary>
/// Where and how a card was looked up, stored as the "Стало" JSON of the audit entry.
/// </summary>
/// <param name="How">Phone or code at the till, or the back office's search or code issue.</param>
/// <param name="RegisterId">The register of a till lookup.</param>
/// <param name="Register">Its name ("Касса 1").</param>
/// <param name="Location">The shop code ("S1") of a till lookup.</param>
/// <param name="Query">What a manager typed into the customer list.</param>
public sealed record CustomerLookupPlace(CustomerLookupWay How, int? RegisterId = null, string? Register = null, string? Location = null, string? Query = null);

/// <summary>
/// Every lookup of a customer's card leaves an audit entry (action <see cref="Action"/>, entity "Customer", key = the
/// customer id): who, when, from which IP, and the <see cref="CustomerLookupPlace"/>. Reading changes nothing, so the
/// audit interceptor never sees it; the entry is written here explicitly, one INSERT for all the cards of one lookup.
/// </summary>
public sealed class CustomerCardAudit(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The audit action of a card lookup.</summary>
    public const string Action = "View";

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Records that the current user saw the cards of <paramref name="customerIds"/> (nothing when empty).</summary>
    public async Task WriteAsync(IReadOnlyCollection<long> customerIds, CustomerLookupPlace place, CancellationToken ct)
    {
        if (customerIds.Count == 0) return;
        var at = clock.GetUtcNow().UtcDateTime;
        var details = JsonSerializer.Serialize(place, Json);
        db.AuditEntries.AddRange(customerIds.Select(id =>
            AuditEntry.By(user, at, Action, nameof(Customer), id.ToString(System.Globalization.CultureInfo.InvariantCulture), details)));
        await db.SaveChangesAsync(ct);
    }
}
