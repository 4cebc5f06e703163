using System.Globalization;
using System.Text;

namespace AlAroma.Web.Features.Warehouse.Labels;

/// <summary>One chosen product: how many labels, or as many as it has on hand at the current location.</summary>
/// <param name="Quantity">Labels to print, 0 … <see cref="LabelRequest.MaxPerProduct"/>; null when what was typed is not such a number.</param>
/// <param name="QuantityText">What was typed, to show back with the error.</param>
/// <param name="ByStock">"по остатку": print one label per unit on hand (overrides <paramref name="Quantity"/>).</param>
public sealed record LabelLine(int ProductId, int? Quantity, string QuantityText, bool ByStock);

/// <summary>
/// What to print, as the labels page's form sends it (GET, so a print view can be bookmarked and the choice is
/// never lost): format=a4&amp;p=12&amp;q=3&amp;p=15&amp;q=1&amp;s=15 — products <c>p</c> with quantities <c>q</c> in the
/// same order, <c>s</c> = ids of products printed "по остатку".
/// </summary>
public sealed record LabelRequest(LabelLayout Layout, IReadOnlyList<LabelLine> Lines)
{
    /// <summary>Most labels of one product in one print (a quantity above it is refused).</summary>
    public const int MaxPerProduct = 1000;

    /// <summary>Most labels in one print view (100 A4 sheets), so a typo cannot hang the browser.</summary>
    public const int MaxLabels = 2400;

    /// <summary>
    /// Reads the form. A missing or blank quantity counts as 1; the same product twice is merged (quantities added).
    /// Invalid quantities are kept with <see cref="LabelLine.Quantity"/> = null for the handler to report by name.
    /// </summary>
    public static LabelRequest Parse(string? format, IReadOnlyList<int>? productIds, IReadOnlyList<string?>? quantities, IReadOnlyCollection<int>? byStock)
    {
        productIds ??= [];
        quantities ??= [];
        byStock ??= [];
        var lines = new List<LabelLine>();
        for (var i = 0; i < productIds.Count; i++)
        {
            var id = productIds[i];
            if (id <= 0) continue;
            var text = (i < quantities.Count ? quantities[i] : null)?.Trim() ?? "";
            int? qty = text.Length == 0 ? 1
                : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MaxPerProduct ? n : null;
            var at = lines.FindIndex(l => l.ProductId == id);
            if (at < 0) lines.Add(new LabelLine(id, qty, text.Length == 0 ? "1" : text, byStock.Contains(id)));
            else
            {
                var prev = lines[at];
                var sum = prev.Quantity + qty <= MaxPerProduct ? prev.Quantity + qty : null;
                lines[at] = prev with { Quantity = sum, QuantityText = sum?.ToString(CultureInfo.InvariantCulture) ?? $"{prev.QuantityText}+{(text.Length == 0 ? "1" : text)}" };
            }
        }
        return new LabelRequest(LabelLayout.Find(format), lines);
    }

    /// <summary>The same request as a query string (without "?"), to go back to the choice from the print view.</summary>
    public string ToQueryString()
    {
        var sb = new StringBuilder("format=").Append(Uri.EscapeDataString(Layout.Key));
        foreach (var l in Lines) sb.Append("&p=").Append(l.ProductId).Append("&q=").Append(Uri.EscapeDataString(l.QuantityText));
        foreach (var l in Lines.Where(l => l.ByStock)) sb.Append("&s=").Append(l.ProductId);
        return sb.ToString();
    }
}
