using System.Globalization;
using System.Text;

namespace AlAroma.Web.Features.Warehouse.Labels;

/// <summary>Size of a rendered barcode.</summary>
/// <param name="ModuleWidth">Width of one module (the narrowest bar), in <paramref name="Unit"/>; 0.33 mm is GS1's 100 % size.</param>
/// <param name="BarHeight">Height of the data bars, in <paramref name="Unit"/> (guard bars are 5 modules longer when digits are shown).</param>
/// <param name="Unit">CSS unit of the svg's width and height: "mm" for print, "px" for screens.</param>
/// <param name="HumanReadable">Print the digits under the bars (GS1: required on retail items).</param>
public sealed record EanSvgOptions(double ModuleWidth = 0.33, double BarHeight = 15, string Unit = "mm", bool HumanReadable = true);

/// <summary>
/// Draws an EAN-13 / EAN-8 symbol as a standalone SVG: one white background rect, one black rect per bar (adjacent
/// dark modules merged), the digits under the bars, quiet zones of 11/7 modules (EAN-13) and 7/7 (EAN-8) kept
/// light. Coordinates are in modules (viewBox), the outer size in the requested unit; shape-rendering="crispEdges"
/// keeps bar edges sharp. Pure: no I/O, the same input gives the same text.
/// </summary>
public static class EanSvg
{
    /// <summary>Light space kept below the data bars for the digits, in modules.</summary>
    private const double GuardExtension = 5;
    private const double FontSize = 9;
    private const double TextBlock = 9.5;

    /// <summary>Renders <paramref name="code"/> (13 or 8 digits with a valid check digit).</summary>
    /// <exception cref="ArgumentException">The code is not a valid EAN-13/EAN-8, or the sizes are not positive.</exception>
    public static string Render(string code, EanSvgOptions? options = null)
    {
        var o = options ?? new EanSvgOptions();
        if (!(o.ModuleWidth > 0) || !(o.BarHeight > 0)) throw new ArgumentException("Module width and bar height must be positive.", nameof(options));
        if (o.Unit is not ("mm" or "px" or "in" or "cm" or "pt")) throw new ArgumentException($"Unsupported unit \"{o.Unit}\".", nameof(options));
        var symbol = new EanSymbol(code);

        var x0 = symbol.LeftQuietZone;
        var totalWidth = x0 + symbol.Modules.Count + symbol.RightQuietZone;
        var barHeight = Math.Round(o.BarHeight / o.ModuleWidth, 2);
        var totalHeight = barHeight + (o.HumanReadable ? TextBlock : 0);
        var guardHeight = barHeight + (o.HumanReadable ? GuardExtension : 0);

        var svg = new StringBuilder(4096);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ean\" width=\"").Append(N(totalWidth * o.ModuleWidth)).Append(o.Unit)
            .Append("\" height=\"").Append(N(totalHeight * o.ModuleWidth)).Append(o.Unit)
            .Append("\" viewBox=\"0 0 ").Append(N(totalWidth)).Append(' ').Append(N(totalHeight))
            .Append("\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"Штрихкод ").Append(code).Append("\">");
        svg.Append("<rect width=\"").Append(N(totalWidth)).Append("\" height=\"").Append(N(totalHeight)).Append("\" fill=\"#fff\"/>");

        svg.Append("<g fill=\"#000\">");
        var m = symbol.Modules;
        for (var i = 0; i < m.Count; i++)
        {
            if (!m[i]) continue;
            var start = i;
            while (i + 1 < m.Count && m[i + 1]) i++;
            var height = symbol.GuardModules.Contains(start) ? guardHeight : barHeight;
            svg.Append("<rect x=\"").Append(x0 + start).Append("\" y=\"0\" width=\"").Append(i - start + 1)
                .Append("\" height=\"").Append(N(height)).Append("\"/>");
        }
        svg.Append("</g>");

        if (o.HumanReadable)
        {
            svg.Append("<g font-family=\"'OCR-B','OCR B','DejaVu Sans Mono','Liberation Mono',monospace\" font-size=\"").Append(N(FontSize))
                .Append("\" text-anchor=\"middle\" fill=\"#000\">");
            var baseline = N(barHeight + 8);
            foreach (var (digit, centre) in DigitPositions(symbol))
                svg.Append("<text x=\"").Append(N(centre)).Append("\" y=\"").Append(baseline).Append("\">").Append(digit).Append("</text>");
            svg.Append("</g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Each printed digit and the x of its centre in modules: the EAN-13 first digit sits in the left quiet zone.</summary>
    private static IEnumerable<(char Digit, double Centre)> DigitPositions(EanSymbol s)
    {
        var x0 = s.LeftQuietZone;
        var code = s.Code;
        var ean13 = code.Length == 13;
        var half = ean13 ? 6 : 4;
        var left = ean13 ? code.Substring(1, 6) : code[..4];
        var right = code[^half..];
        if (ean13) yield return (code[0], x0 - 4);
        for (var i = 0; i < half; i++) yield return (left[i], x0 + 3 + 7 * i + 3.5);
        var rightStart = x0 + 3 + 7 * half + 5;
        for (var i = 0; i < half; i++) yield return (right[i], rightStart + 7 * i + 3.5);
    }

    private static string N(double v) => Math.Round(v, 3).ToString("0.###", CultureInfo.InvariantCulture);
}
