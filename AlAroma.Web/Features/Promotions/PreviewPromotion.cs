using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Promotions.Engine;
using AlAroma.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Promotions;

/// <summary>A product and its quantity in the preview cart.</summary>
public sealed class PreviewLineInput
{
    public int ProductId { get; set; }
    public int Quantity { get; set; } = 1;
}

/// <summary>The preview panel's inputs: the test cart, the day and shop, and the button pressed (add a product / remove a line).</summary>
public sealed class PreviewInput
{
    public List<PreviewLineInput> Cart { get; set; } = [];
    public DateOnly? PreviewDate { get; set; }
    public int? PreviewLocationId { get; set; }

    /// <summary>Product to add one unit of (from the search results).</summary>
    public int? Add { get; set; }

    /// <summary>Index of the cart line to remove.</summary>
    public int? Remove { get; set; }
}

/// <summary>A product of the preview cart as shown.</summary>
public sealed record PreviewProduct(int Id, string Name, string Sku, string? Brand, string? Category, decimal Price);

/// <summary>A cart line of the preview: the product, its quantity and the engine's priced line.</summary>
public sealed record PreviewLine(PreviewProduct Product, int Quantity, PricedLine Priced);

/// <summary>
/// What the preview panel shows: the cart, the day and shop, the engine's result (null for an empty cart), the form's
/// mistakes (then the edited promotion is left out), and a note when the edited promotion does not run that day there.
/// </summary>
public sealed record PreviewModel(
    IReadOnlyList<PreviewLine> Lines,
    DateOnly Date,
    int LocationId,
    IReadOnlyList<Location> Shops,
    PricingResult? Result,
    IReadOnlyList<string> FormErrors,
    string? Note);

/// <summary>
/// "Этот чек получит…": prices a test cart with the promotion being edited (as typed, saved or not, paused or not)
/// plus every other promotion active that day at that shop, exactly as the till would.
/// </summary>
public sealed class PreviewPromotion(AppDbContext db, GetActivePromotions active, TimeProvider clock)
{
    /// <summary>Most lines in the preview cart.</summary>
    public const int MaxLines = 30;

    /// <summary>
    /// Applies the add/remove action to the cart and prices it. Quantities are clamped to 1..<see cref="PricingEngine.MaxQuantityPerLine"/>;
    /// unknown products are dropped.
    /// </summary>
    public async Task<PreviewModel> HandleAsync(PromotionForm form, PreviewInput input, CancellationToken ct)
    {
        var cart = input.Cart.Where(l => l.ProductId > 0)
            .Select(l => new PreviewLineInput { ProductId = l.ProductId, Quantity = Math.Clamp(l.Quantity, 1, PricingEngine.MaxQuantityPerLine) }).ToList();
        if (input.Remove is { } remove && remove >= 0 && remove < cart.Count) cart.RemoveAt(remove);
        if (input.Add is { } add)
        {
            if (cart.FirstOrDefault(l => l.ProductId == add) is { } same) same.Quantity = Math.Min(same.Quantity + 1, PricingEngine.MaxQuantityPerLine);
            else if (cart.Count < MaxLines) cart.Add(new PreviewLineInput { ProductId = add });
        }

        var ids = cart.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new PreviewProduct(p.Id, p.Name, p.Sku, p.Brand, p.Category, p.RetailPrice)).ToDictionaryAsync(p => p.Id, ct);
        cart.RemoveAll(l => !products.ContainsKey(l.ProductId));

        var shops = await db.Locations.AsNoTracking().Where(l => l.IsActive && l.Kind == LocationKind.Shop).OrderBy(l => l.Code).ToListAsync(ct);
        var today = LocalTime.Today(clock.GetUtcNow(), null);
        var date = input.PreviewDate ?? (form.ValidFrom is { } from && from > today ? from : today);
        var locationId = input.PreviewLocationId is { } chosen && shops.Any(s => s.Id == chosen) ? chosen
            : shops.FirstOrDefault(s => form.LocationIds.Contains(s.Id))?.Id ?? shops.FirstOrDefault()?.Id ?? 0;

        if (cart.Count == 0) return new PreviewModel([], date, locationId, shops, null, [], null);
        var promotions = (await active.HandleAsync(date, locationId, ct, form.Id)).ToList();
        var draft = new PromotionRecord { Id = form.Id ?? 0 };
        var errors = await form.ToRecordAsync(db, draft, ct);
        string? note = null;
        if (errors.Count == 0)
        {
            var edited = PromotionMapper.ToEngine(draft);
            promotions.Add(edited);
            if (!edited.IsActiveOn(date, locationId))
                note = $"Эта акция не действует {date:dd.MM.yyyy} в выбранном магазине — чек посчитан без неё.";
        }

        var lines = cart.Select((l, i) =>
        {
            var p = products[l.ProductId];
            return new CartLine($"L{i}", p.Id, p.Brand, p.Category, p.Price, l.Quantity);
        }).ToList();
        var result = PricingEngine.Price(new PricingRequest(lines, promotions, date, locationId));
        var previewLines = cart.Select((l, i) => new PreviewLine(products[l.ProductId], l.Quantity, result.Lines[i])).ToList();
        return new PreviewModel(previewLines, date, locationId, shops, result, errors.Values.Distinct().ToList(), note);
    }
}
