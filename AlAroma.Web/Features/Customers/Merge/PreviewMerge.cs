using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Customers.Merge;

/// <summary>
/// «Объединить дубли»: finds the two cards a manager named (each by its phone or card number) and shows what each
/// holds, so the manager picks the kept one before <see cref="MergeCustomers"/> runs.
/// </summary>
public sealed class PreviewMerge(AppDbContext db)
{
    /// <summary>A card as the preview shows it: points, purchases and total spent (₽, all time).</summary>
    public sealed record Side(long Id, string Name, string Phone, string? Email, int Points, int Purchases, decimal Spent, long? MergedIntoId);

    /// <summary>The form as typed, the two cards found (null when not found) and what is wrong.</summary>
    public sealed record Model(string? Keep, string? Merge, Side? Kept, Side? Merged, string? Error);

    /// <summary>The preview for what was typed in «Оставить» and «Дубль».</summary>
    public async Task<Model> HandleAsync(string? keep, string? merge, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(keep) && string.IsNullOrWhiteSpace(merge)) return new Model(keep, merge, null, null, null);
        var kept = await FindAsync(keep, ct);
        var merged = await FindAsync(merge, ct);
        string? error = (kept, merged) switch
        {
            (null, _) => $"Карта «{keep}» не найдена: введите телефон клиента или номер карты.",
            (_, null) => $"Карта «{merge}» не найдена: введите телефон клиента или номер карты.",
            var (a, b) when a.Id == b.Id => "Это одна и та же карта: выберите дубль — другую карту этого клиента.",
            ({ MergedIntoId: { } a }, _) => $"Карта №{kept.Id} уже объединена с картой №{a}: оставьте ту карту.",
            (_, { MergedIntoId: { } b }) => $"Карта №{merged.Id} уже объединена с картой №{b}.",
            _ => null,
        };
        return new Model(keep, merge, kept, merged, error);
    }

    private async Task<Side?> FindAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var phone = PhoneNormalizer.NormalizeRussian(text);
        var q = db.Customers.AsNoTracking();
        q = phone.IsValid ? q.Where(c => c.Phone == phone.E164)
            : long.TryParse(text.Trim().TrimStart('№', '#'), out var id) ? q.Where(c => c.Id == id) : q.Where(c => false);
        return await q.Select(c => new Side(c.Id, c.Name, c.Phone, c.Email, c.PointsBalance,
                db.Sales.Count(s => s.CustomerId == c.Id), db.Sales.Where(s => s.CustomerId == c.Id).Sum(s => (decimal?)s.Total) ?? 0m, c.MergedIntoId))
            .FirstOrDefaultAsync(ct);
    }
}
