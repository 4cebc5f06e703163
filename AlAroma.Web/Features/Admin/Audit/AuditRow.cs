using System.Globalization;
using System.Text.Json;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Auditing;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AlAroma.Web.Features.Admin.Audit;

/// <summary>One changed field of an audit entry in people's words; "—" where there was or is no value.</summary>
public sealed record AuditChange(string Field, string Old, string New)
{
    /// <summary>The one value of a created or deleted thing's field: what it got, or what it had when deleted.</summary>
    public string Value => New != AuditReader.None ? New : Old;
}

/// <summary>
/// An audit entry as the screen shows it: the thing's Russian name, its page, the changes field by field.
/// <paramref name="OneSided"/>: a creation or deletion (values on one side only), shown as one «Значение» column
/// instead of old → new with an empty side.
/// </summary>
public sealed record AuditRow(AuditEntry Entry, string Object, string? Link, IReadOnlyList<AuditChange> Changes, bool OneSided);

/// <summary>
/// Turns stored audit entries (code names, JSON, UTC) into <see cref="AuditRow"/>s: Russian names, times in the chain
/// default zone (<see cref="LocalTime.DefaultZone"/>: the log spans every location), enum values by their words, and
/// the final receipt number where a sale's rows were written with its provisional "~…" number (the number is
/// taken at the end of the sale's transaction, after the rows were audited; the sale is found by that key), and
/// the names of the locations, products, staff and roles the rows point to by id (a user as their full name, a role
/// by its Russian name: «Кассир»).
/// </summary>
public sealed class AuditReader(AppDbContext db, AuditVocabulary words)
{
    /// <summary>What a field without a value shows.</summary>
    public const string None = "—";
    private static readonly HashSet<string> LocationFields = ["LocationId", "FromLocationId", "ToLocationId", "HomeLocationId"];
    private static readonly HashSet<string> ProductFields = ["ProductId"];
    private static readonly HashSet<string> StaffFields = ["UserId", "RoleId"];

    /// <summary>
    /// What the rows of one page point to: final receipt numbers by provisional number, location and product names by
    /// id, people's and roles' names by their Identity id (both string ids, never equal: one dictionary).
    /// </summary>
    private sealed record Names(IReadOnlyDictionary<string, string> Numbers, IReadOnlyDictionary<long, string> Locations, IReadOnlyDictionary<long, string> Products,
        IReadOnlyDictionary<string, string> Staff);

    /// <summary>Rows for <paramref name="entries"/>, in the same order.</summary>
    public async Task<IReadOnlyList<AuditRow>> ReadAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var values = entries.SelectMany(e => Parse(e.OldValues).Concat(Parse(e.NewValues))).ToList();
        var names = new Names(await FinalNumbersAsync(values, ct),
            await NamesAsync(values, LocationFields, ids => db.Locations.Where(l => ids.Contains(l.Id)).Select(l => new { Id = (long)l.Id, l.Name }).ToDictionaryAsync(l => l.Id, l => l.Name, ct)),
            await NamesAsync(values, ProductFields, ids => db.Products.Where(p => ids.Contains(p.Id)).Select(p => new { Id = (long)p.Id, Name = p.Name + " (" + p.Sku + ")" }).ToDictionaryAsync(p => p.Id, p => p.Name, ct)),
            await StaffNamesAsync(entries, values, ct));
        return entries.Select(e => Read(e, names)).ToList();
    }

    /// <summary>
    /// Full names (the e-mail when none) of the users and Russian names of the roles that the staff fields and the
    /// keys of the page hold (a user-role row is keyed "userId,roleId").
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> StaffNamesAsync(IReadOnlyList<AuditEntry> entries, List<KeyValuePair<string, JsonElement>> values, CancellationToken ct)
    {
        var ids = values.Where(v => StaffFields.Contains(v.Key) && v.Value.ValueKind == JsonValueKind.String).Select(v => v.Value.GetString()!)
            .Concat(entries.SelectMany(e => e.Key.Split(','))).Where(id => Guid.TryParse(id, out _)).Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<string, string>();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.FullName, u.Email }).ToListAsync(ct);
        var roles = await db.Roles.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        return users.Select(u => KeyValuePair.Create(u.Id, u.FullName != "" ? u.FullName : u.Email ?? u.Id))
            .Concat(roles.Select(r => KeyValuePair.Create(r.Id, Account.Roles.Label(r.Name ?? r.Id))))
            .ToDictionary(StringComparer.Ordinal);
    }

    private AuditRow Read(AuditEntry e, Names names)
    {
        var type = words.Type(e.Entity);
        var old = Parse(e.OldValues);
        var @new = Parse(e.NewValues);
        var changes = old.Keys.Concat(@new.Keys).Distinct()
            .Select(f => new AuditChange(words.FieldName(type, f),
                old.TryGetValue(f, out var o) ? Show(type, f, o, names) : None,
                @new.TryGetValue(f, out var n) ? Show(type, f, n, names) : None))
            .ToList();
        var link = words.EntityLink(e.Entity, e.Key) ?? DocumentLink(type, @new.Count > 0 ? @new : old);
        var key = string.Join(", ", e.Key.Split(',').Select(k => names.Staff.GetValueOrDefault(k, k)));
        return new AuditRow(e, $"{words.EntityName(e.Entity)} #{key}", link, changes, OneSided: old.Count == 0 || @new.Count == 0);
    }

    /// <summary>A stock movement's document: its kind's enum value names the page, its DocumentId the key.</summary>
    private static string? DocumentLink(IEntityType? type, Dictionary<string, JsonElement> values)
    {
        if (type is null || !values.TryGetValue("DocumentId", out var id) || id.ValueKind != JsonValueKind.Number) return null;
        foreach (var (field, v) in values)
        {
            var clr = type.FindProperty(field)?.ClrType;
            clr = clr is null ? null : Nullable.GetUnderlyingType(clr) ?? clr;
            if (clr is { IsEnum: true } && v.ValueKind == JsonValueKind.String && AuditVocabulary.EnumValue(clr, v.GetString()!)?.Link is { } link)
                return string.Format(CultureInfo.InvariantCulture, link, id.GetInt64());
        }
        return null;
    }

    private string Show(IEntityType? type, string field, JsonElement v, Names names)
    {
        var clr = type?.FindProperty(field)?.ClrType;
        clr = clr is null ? null : Nullable.GetUnderlyingType(clr) ?? clr;
        switch (v.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined: return None;
            case JsonValueKind.True: return "да";
            case JsonValueKind.False: return "нет";
            case JsonValueKind.Number when LocationFields.Contains(field) && v.TryGetInt64(out var l) && names.Locations.TryGetValue(l, out var location): return location;
            case JsonValueKind.Number when ProductFields.Contains(field) && v.TryGetInt64(out var p) && names.Products.TryGetValue(p, out var product): return product;
            case JsonValueKind.Number when clr == typeof(decimal) && v.TryGetDecimal(out var d): return d.ToString("#,0.##", Money.Ru);
            case JsonValueKind.String:
                var s = v.GetString()!;
                if (s == AuditPolicy.Hidden) return s;
                if (clr == typeof(DateTime) && v.TryGetDateTime(out var at))
                    return LocalTime.ToLocal(at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToString("dd.MM.yyyy HH:mm:ss", Money.Ru);
                if (clr == typeof(DateTimeOffset) && v.TryGetDateTimeOffset(out var ato))
                    return LocalTime.ToLocal(ato.UtcDateTime).ToString("dd.MM.yyyy HH:mm:ss", Money.Ru);
                if (clr == typeof(DateOnly) && DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var day)) return day.ToString("dd.MM.yyyy", Money.Ru);
                if (clr is { IsEnum: true }) return AuditVocabulary.EnumValue(clr, s)?.Name ?? s;
                if (IsProvisional(s)) return names.Numbers.GetValueOrDefault(s) ?? "(номер ещё не присвоен)";
                if (StaffFields.Contains(field) && names.Staff.TryGetValue(s, out var person)) return person;
                return s;
            default: return v.GetRawText();
        }
    }

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) return new() { ["Значение"] = doc.RootElement.Clone() };
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    /// <summary>"~" + the sale's idempotency key without dashes (see Checkout).</summary>
    private static bool IsProvisional(string s) => s.Length == 33 && s[0] == '~' && Guid.TryParseExact(s[1..], "N", out _);

    private static async Task<IReadOnlyDictionary<long, string>> NamesAsync(List<KeyValuePair<string, JsonElement>> values, IReadOnlySet<string> fields,
        Func<List<int>, Task<Dictionary<long, string>>> load)
    {
        var ids = values.Where(v => fields.Contains(v.Key) && v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetInt32(out _))
            .Select(v => v.Value.GetInt32()).Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<long, string>() : await load(ids);
    }

    private async Task<IReadOnlyDictionary<string, string>> FinalNumbersAsync(List<KeyValuePair<string, JsonElement>> values, CancellationToken ct)
    {
        var keys = values.Select(v => v.Value)
            .Where(v => v.ValueKind == JsonValueKind.String && IsProvisional(v.GetString()!))
            .Select(v => Guid.ParseExact(v.GetString()![1..], "N")).Distinct().ToList();
        if (keys.Count == 0) return new Dictionary<string, string>();
        var sales = await db.Sales.AsNoTracking().Where(s => keys.Contains(s.IdempotencyKey))
            .Select(s => new { s.IdempotencyKey, s.Number }).ToListAsync(ct);
        return sales.Where(s => !IsProvisional(s.Number)).ToDictionary(s => "~" + s.IdempotencyKey.ToString("N"), s => s.Number);
    }
}
