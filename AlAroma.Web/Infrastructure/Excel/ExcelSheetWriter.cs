using AlAroma.Web.Infrastructure;
using ClosedXML.Excel;

namespace AlAroma.Web.Infrastructure.Excel;

/// <summary>How the cells of a report column are typed and formatted.</summary>
public enum ExcelFormat
{
    /// <summary>Text, stored as text (SKUs and barcodes keep their leading zeros).</summary>
    Text,

    /// <summary>Whole number with thousands separators.</summary>
    Integer,

    /// <summary>Rubles: <see cref="ExcelSheetWriter.MoneyFormat"/>.</summary>
    Money,

    /// <summary>Local date: <see cref="ExcelSheetWriter.DateFormat"/>.</summary>
    Date,

    /// <summary>Local date and time: <see cref="ExcelSheetWriter.DateTimeFormat"/>.</summary>
    DateTime,

    /// <summary>A fraction shown as percent (0.15 → 15,0 %).</summary>
    Percent,
}

/// <summary>
/// One column of a report table.
/// </summary>
/// <param name="Header">Russian header text.</param>
/// <param name="Value">Cell value of a row: string, int, long, decimal, double, DateTime (local) or null.</param>
/// <param name="Format">Cell type and number format.</param>
/// <param name="Width">Least column width in characters; the writer widens it to fit the values (see <see cref="ExcelSheetWriter.MaxWidth"/>).</param>
public sealed record ExcelColumn<T>(string Header, Func<T, object?> Value, ExcelFormat Format = ExcelFormat.Text, double Width = 14)
{
    /// <summary>Value of this column in the totals row (null = empty cell).</summary>
    public Func<IReadOnlyList<T>, object?>? Total { get; init; }

    /// <summary>This column with the sum of its numeric values in the totals row.</summary>
    public ExcelColumn<T> Summed() => this with { Total = rows => rows.Sum(r => Convert.ToDecimal(Value(r) ?? 0m)) };

    /// <summary>This column with <paramref name="total"/> in the totals row (e.g. an overall average).</summary>
    public ExcelColumn<T> WithTotal(Func<IReadOnlyList<T>, object?> total) => this with { Total = total };
}

/// <summary>A label and a value on a summary sheet.</summary>
public sealed record ExcelField(string Label, object? Value, ExcelFormat Format = ExcelFormat.Text);

/// <summary>
/// The one place that makes report sheets look alike: a title and subtitle, a bold shaded header row that stays
/// frozen, an autofilter over the table, typed cells with ruble and date formats, explicit column widths, a bold
/// totals row and an A4 landscape page fitted to width with the header repeated on every printed page.
/// Every Excel report builds its sheets through it.
/// </summary>
public static class ExcelSheetWriter
{
    /// <summary>MIME type of .xlsx downloads.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Number format of ruble amounts: "1 990,00 ₽" in a Russian Excel.</summary>
    public const string MoneyFormat = "#,##0.00 \"₽\"";

    /// <summary>Number format of local dates.</summary>
    public const string DateFormat = "dd.mm.yyyy";

    /// <summary>Number format of local date-times (24 h).</summary>
    public const string DateTimeFormat = "dd.mm.yyyy hh:mm";

    /// <summary>Number format of whole numbers.</summary>
    public const string IntegerFormat = "#,##0";

    /// <summary>Widest a column grows to fit its values; longer text wraps.</summary>
    public const double MaxWidth = 60;

    /// <summary>Number format of percentages.</summary>
    public const string PercentFormat = "0.0%";

    /// <summary>Label of the totals row.</summary>
    public const string TotalLabel = "Итого";

    /// <summary>Row of the column headers in a table sheet (title, subtitle and a blank line above it).</summary>
    public const int HeaderRow = 4;

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDE5EE");
    private static readonly XLColor TotalFill = XLColor.FromHtml("#F1F4F8");
    private static readonly XLColor GridColor = XLColor.FromHtml("#B8C2CC");
    private static readonly XLColor MutedColor = XLColor.FromHtml("#5F6B76");

    /// <summary>A new workbook with the document title set (shown by Excel in File → Info).</summary>
    public static XLWorkbook NewWorkbook(string title)
    {
        var wb = new XLWorkbook();
        wb.Properties.Title = title;
        wb.Properties.Author = "Al Aroma";
        wb.Properties.Company = "Al Aroma";
        wb.Style.Font.FontName = "Calibri";
        wb.Style.Font.FontSize = 11;
        return wb;
    }

    /// <summary>
    /// Adds sheet <paramref name="sheetName"/> holding one table: title and subtitle in rows 1–2, headers in
    /// <see cref="HeaderRow"/> (frozen, with an autofilter over header and data), one row per item of
    /// <paramref name="rows"/>, then a bold totals row unless no column has a total.
    /// </summary>
    /// <param name="sheetName">At most 31 characters, no : \ / ? * [ ].</param>
    /// <param name="emptyText">Shown in the first data row when there are no rows.</param>
    /// <returns>The sheet, for report-specific touches.</returns>
    public static IXLWorksheet Table<T>(XLWorkbook wb, string sheetName, string title, string? subtitle,
        IReadOnlyList<ExcelColumn<T>> columns, IReadOnlyList<T> rows, string emptyText = "Нет данных")
    {
        var ws = wb.Worksheets.Add(sheetName);
        Heading(ws, title, subtitle);

        for (var c = 0; c < columns.Count; c++)
        {
            var col = columns[c];
            ws.Column(c + 1).Width = FitWidth(col, rows);
            var h = ws.Cell(HeaderRow, c + 1);
            h.SetValue(col.Header);
            h.Style.Alignment.Horizontal = col.Format == ExcelFormat.Text ? XLAlignmentHorizontalValues.Left : XLAlignmentHorizontalValues.Right;
        }
        var header = ws.Range(HeaderRow, 1, HeaderRow, columns.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = HeaderFill;
        header.Style.Alignment.WrapText = true;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        ws.Row(HeaderRow).Height = 30;

        var row = HeaderRow + 1;
        if (rows.Count == 0)
        {
            var note = ws.Cell(row, 1);
            note.SetValue(emptyText);
            note.Style.Font.Italic = true;
            note.Style.Font.FontColor = MutedColor;
            row++;
        }
        foreach (var item in rows)
        {
            for (var c = 0; c < columns.Count; c++) Put(ws.Cell(row, c + 1), columns[c].Value(item), columns[c].Format);
            row++;
        }
        var lastDataRow = row - 1;
        for (var c = 1; c <= columns.Count; c++)
            if (ws.Column(c).Width >= MaxWidth) ws.Range(HeaderRow + 1, c, lastDataRow, c).Style.Alignment.WrapText = true;

        var table = ws.Range(HeaderRow, 1, lastDataRow, columns.Count);
        if (columns.Any(c => c.Total is not null))
        {
            Put(ws.Cell(row, 1), TotalLabel, ExcelFormat.Text);
            for (var c = 0; c < columns.Count; c++)
                if (columns[c].Total is { } total) Put(ws.Cell(row, c + 1), total(rows), columns[c].Format);
            var totals = ws.Range(row, 1, row, columns.Count);
            totals.Style.Font.Bold = true;
            totals.Style.Fill.BackgroundColor = TotalFill;
            totals.Style.Border.TopBorder = XLBorderStyleValues.Medium;
            table = ws.Range(HeaderRow, 1, row, columns.Count);
        }
        Grid(table);

        // The filter covers header and data only, so sorting never moves the totals row into the middle.
        ws.Range(HeaderRow, 1, lastDataRow, columns.Count).SetAutoFilter();
        ws.SheetView.FreezeRows(HeaderRow);
        Page(ws, HeaderRow);
        return ws;
    }

    /// <summary>
    /// Adds sheet <paramref name="sheetName"/> with a title, a subtitle and label/value pairs (a report's summary).
    /// Values are bold and typed like table cells.
    /// </summary>
    public static IXLWorksheet Fields(XLWorkbook wb, string sheetName, string title, string? subtitle,
        IReadOnlyList<ExcelField> fields, double labelWidth = 34, double valueWidth = 22)
    {
        var ws = wb.Worksheets.Add(sheetName);
        Heading(ws, title, subtitle);
        ws.Column(1).Width = labelWidth;
        ws.Column(2).Width = valueWidth;
        var row = HeaderRow;
        foreach (var f in fields)
        {
            Put(ws.Cell(row, 1), f.Label, ExcelFormat.Text);
            var v = ws.Cell(row, 2);
            Put(v, f.Value, f.Format);
            v.Style.Font.Bold = true;
            v.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
            row++;
        }
        if (fields.Count > 0) Grid(ws.Range(HeaderRow, 1, row - 1, 2));
        Page(ws, null);
        return ws;
    }

    /// <summary>The workbook as .xlsx bytes.</summary>
    public static byte[] ToBytes(XLWorkbook wb)
    {
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    /// <summary>
    /// ASCII download name: "<paramref name="prefix"/>[-<paramref name="code"/>]-yyyy-MM-dd.xlsx", e.g.
    /// "prodazhi-2026-11-23.xlsx"; runs of characters other than Latin letters and digits in the code become one "-".
    /// </summary>
    public static string FileName(string prefix, DateOnly day, string? code = null)
    {
        var safe = System.Text.RegularExpressions.Regex.Replace(code ?? "", "[^A-Za-z0-9]+", "-").Trim('-');
        return safe.Length == 0 ? $"{prefix}-{day:yyyy-MM-dd}.xlsx" : $"{prefix}-{safe}-{day:yyyy-MM-dd}.xlsx";
    }

    /// <summary>
    /// Column width in characters: at least <see cref="ExcelColumn{T}.Width"/>, wide enough for the longest value
    /// as displayed and for the longest header word (headers wrap), at most <see cref="MaxWidth"/>. Counted from
    /// characters because AdjustToContents measures fonts through System.Drawing, which Linux lacks.
    /// </summary>
    private static double FitWidth<T>(ExcelColumn<T> col, IReadOnlyList<T> rows)
    {
        var longest = col.Header.Split(' ').Max(w => w.Length);
        foreach (var r in rows) longest = Math.Max(longest, DisplayLength(col.Value(r), col.Format));
        // Bold totals are a little wider than the digits above them.
        if (col.Total is not null) longest = Math.Max(longest, DisplayLength(col.Total(rows), col.Format) + 1);
        return Math.Min(MaxWidth, Math.Max(col.Width, longest + 2));
    }

    private static int DisplayLength(object? value, ExcelFormat format) => value switch
    {
        null => 0,
        string s => s.Length,
        DateTime or DateOnly => format == ExcelFormat.DateTime ? 16 : 10,
        decimal or int or long or double when format == ExcelFormat.Money => Convert.ToDecimal(value).ToString("#,##0.00", Money.Ru).Length + 2,
        decimal or int or long or double when format == ExcelFormat.Percent => 7,
        decimal or int or long or double => Convert.ToDecimal(value).ToString("#,##0.##", Money.Ru).Length,
        _ => value.ToString()?.Length ?? 0,
    };

    private static void Heading(IXLWorksheet ws, string title, string? subtitle)
    {
        var t = ws.Cell(1, 1);
        t.SetValue(title);
        t.Style.Font.Bold = true;
        t.Style.Font.FontSize = 14;
        ws.Row(1).Height = 21;
        if (string.IsNullOrEmpty(subtitle)) return;
        var s = ws.Cell(2, 1);
        s.SetValue(subtitle);
        s.Style.Font.FontColor = MutedColor;
    }

    private static void Grid(IXLRange range)
    {
        range.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        range.Style.Border.OutsideBorderColor = GridColor;
        range.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        range.Style.Border.InsideBorderColor = GridColor;
    }

    private static void Page(IXLWorksheet ws, int? repeatRow)
    {
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.FitToPages(1, 0);
        ws.PageSetup.Margins.Left = 0.5;
        ws.PageSetup.Margins.Right = 0.5;
        ws.PageSetup.Margins.Top = 0.6;
        ws.PageSetup.Margins.Bottom = 0.6;
        ws.PageSetup.Footer.Right.AddText("Стр. &P из &N");
        ws.PageSetup.Footer.Left.AddText("Al Aroma — &A");
        // Print titles as an absolute row reference ("$4:$4"): LibreOffice ignores the "4:4" that
        // PageSetup.SetRowsToRepeatAtTop writes in ClosedXML 0.95.
        if (repeatRow is { } r) ws.NamedRanges.Add("_xlnm.Print_Titles", $"'{ws.Name.Replace("'", "''")}'!${r}:${r}");
    }

    private static void Put(IXLCell cell, object? value, ExcelFormat format)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                // Stored as a text cell, so Excel does not run "=2+2"; the quote prefix keeps it text when someone edits
                // the cell and presses Enter (OWASP CSV injection, same rule as the CSV exports).
                cell.SetValue(s);
                if (SpreadsheetText.LooksLikeFormula(s)) cell.Style.IncludeQuotePrefix = true;
                return;
            case DateTime d:
                cell.SetValue(d);
                break;
            case DateOnly d:
                cell.SetValue(d.ToDateTime(TimeOnly.MinValue));
                break;
            case decimal m:
                cell.SetValue(m);
                break;
            case int i:
                cell.SetValue(i);
                break;
            case long l:
                cell.SetValue(l);
                break;
            case double x:
                cell.SetValue(x);
                break;
            default:
                cell.SetValue(value.ToString() ?? "");
                return;
        }
        cell.Style.NumberFormat.Format = format switch
        {
            ExcelFormat.Money => MoneyFormat,
            ExcelFormat.Integer => IntegerFormat,
            ExcelFormat.Date => DateFormat,
            ExcelFormat.DateTime => DateTimeFormat,
            ExcelFormat.Percent => PercentFormat,
            _ => cell.Style.NumberFormat.Format,
        };
    }
}
