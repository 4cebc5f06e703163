namespace AlAroma.Web.Features.Warehouse.Labels;

/// <summary>
/// A label stock the print view lays out for (SCREENS.md "Printing"): its page size for CSS @page, how many labels
/// one page holds, and the barcode size that fits on a label.
/// </summary>
/// <param name="Key">Value of the "format" query parameter.</param>
/// <param name="Title">Russian name shown in the format picker: the paper as a print dialog or a label pack names it.</param>
/// <param name="Paper">The paper size to pick in the browser's print dialog ("A4"; a label printer's driver lists "58 x 40 mm").</param>
/// <param name="PageSize">CSS @page size, e.g. "A4" or "58mm 40mm".</param>
/// <param name="CssClass">Class of each page (sheet) in labels.css.</param>
/// <param name="PerPage">Labels on one printed page.</param>
/// <param name="Barcode">Barcode size on this stock, in mm.</param>
public sealed record LabelLayout(string Key, string Title, string Paper, string PageSize, string CssClass, int PerPage, EanSvgOptions Barcode)
{
    /// <summary>A4 sheet of 3 × 8 self-adhesive labels of 70 × 37 mm (no margins: 3 × 70 = 210 mm, 8 × 37 = 296 mm).</summary>
    public static readonly LabelLayout A4 = new("a4", "A4, 3×8 этикеток 70×37 мм", "A4", "A4", "sheet-a4", 24, new EanSvgOptions(ModuleWidth: 0.30, BarHeight: 15));

    /// <summary>One 58 × 40 mm label per page on a thermal label printer; 0.375 mm modules are 3 dots at 203 dpi.</summary>
    public static readonly LabelLayout Thermal = new("58x40", "Термопринтер 58×40 мм, 1 этикетка на листе", "58 x 40 mm", "58mm 40mm", "sheet-58x40", 1, new EanSvgOptions(ModuleWidth: 0.375, BarHeight: 12.5));

    /// <summary>Every format, in the order of the picker (the first is the default).</summary>
    public static readonly IReadOnlyList<LabelLayout> All = [A4, Thermal];

    /// <summary>The format with <paramref name="key"/>, or A4 when the key is empty or unknown.</summary>
    public static LabelLayout Find(string? key) => All.FirstOrDefault(l => string.Equals(l.Key, key, StringComparison.OrdinalIgnoreCase)) ?? A4;
}
