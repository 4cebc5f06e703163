using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Promotions;

/// <summary>
/// Everything the promotion form shows: the form, the catalog's brands and categories to choose from, the shops,
/// the promotion's current state and status (null for a new one), and the preview panel.
/// </summary>
public sealed record PromotionFormPage(
    PromotionForm Form,
    IReadOnlyList<string> Brands,
    IReadOnlyList<string> Categories,
    IReadOnlyList<Location> Shops,
    PromotionState? State,
    PromotionStatus? Status,
    PreviewModel Preview);

/// <summary>Builds the promotion form page: for a stored promotion, a new one, or a form posted back with mistakes.</summary>
public sealed class GetPromotionFormPage(AppDbContext db, TimeProvider clock, PreviewPromotion preview)
{
    /// <summary>The page of promotion <paramref name="id"/>; null when there is no such promotion.</summary>
    public async Task<PromotionFormPage?> HandleAsync(int id, CancellationToken ct)
    {
        var r = await db.Promotions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (r is null) return null;
        var ids = r.Group.ProductIds.Concat(r.Slots.SelectMany(s => s.Group.ProductIds)).Distinct().ToList();
        var skuOf = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Sku, ct);
        return await ForFormAsync(PromotionForm.From(r, skuOf), ct, r);
    }

    /// <summary>The page of a new promotion: starting today (Moscow), 10 %, every shop.</summary>
    public Task<PromotionFormPage> NewAsync(CancellationToken ct) =>
        ForFormAsync(new PromotionForm { ValidFrom = LocalTime.Today(clock.GetUtcNow(), null), Value = "10" }, ct);

    /// <summary>The page for <paramref name="form"/> as posted (e.g. to show its mistakes).</summary>
    public async Task<PromotionFormPage> ForFormAsync(PromotionForm form, CancellationToken ct, PromotionRecord? stored = null)
    {
        stored ??= form.Id is { } id ? await db.Promotions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        var brands = await CatalogFacets.BrandsAsync(db, ct);
        var categories = await CatalogFacets.CategoriesAsync(db, ct);
        var chosen = form.Slots.Select(s => s.Group).Append(form.Group).ToList();
        var today = LocalTime.Today(clock.GetUtcNow(), null);
        return new PromotionFormPage(
            form,
            Merge(brands, chosen.SelectMany(g => g.Brands)),
            Merge(categories, chosen.SelectMany(g => g.Categories)),
            await db.Locations.AsNoTracking().Where(l => l.IsActive && l.Kind == LocationKind.Shop).OrderBy(l => l.Code).ToListAsync(ct),
            stored?.StateOn(today),
            stored?.Status,
            await preview.HandleAsync(form, new PreviewInput(), ct));
    }

    /// <summary>Catalog values plus the ones the form already has (a brand no longer in the catalog stays choosable), sorted.</summary>
    private static List<string> Merge(IEnumerable<string> catalog, IEnumerable<string> chosen) =>
        GroupInput.Clean(catalog.Concat(chosen)).Order(StringComparer.CurrentCultureIgnoreCase).ToList();
}
