using System.Text.Json;
using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse;

/// <summary>The history block of a document page, read from the audit log (who changed what and when).</summary>
public static class DocumentHistory
{
    /// <summary>One event: when (UTC), who, what in Russian.</summary>
    public sealed record Event(DateTime AtUtc, string User, string Text);

    /// <summary>Audit events of the document, oldest first.</summary>
    /// <param name="db">The context.</param>
    /// <param name="entity">CLR type name, e.g. "GoodsReceipt".</param>
    /// <param name="id">Document id.</param>
    /// <param name="statusLabel">Turns a stored status name into its Russian label.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<List<Event>> ForAsync(AppDbContext db, string entity, long id, Func<string, string> statusLabel, CancellationToken ct)
    {
        var key = id.ToString();
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == entity && a.Key == key)
            .OrderBy(a => a.Id).Select(a => new { a.AtUtc, a.UserName, a.Action, a.NewValues }).ToListAsync(ct);
        return rows.Select(a => new Event(a.AtUtc, a.UserName, a.Action switch
        {
            "Create" => "Создан",
            "Delete" => "Удалён",
            _ => Status(a.NewValues) is { } s ? $"Статус: {statusLabel(s)}" : "Изменён заголовок",
        })).ToList();
    }

    private static string? Status(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("Status", out var s) ? s.ToString() : null;
        }
        catch (JsonException) { return null; }
    }
}
