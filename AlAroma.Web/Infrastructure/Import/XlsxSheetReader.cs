using System.Globalization;
using System.IO.Compression;
using System.Xml;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Infrastructure.Import;

/// <summary>
/// Reads the first worksheet of an XLSX with bounded memory: the package is opened as a ZIP, the uncompressed sizes
/// of its parts and the sheet's <c>&lt;dimension ref&gt;</c> are checked before anything is read, then the sheet XML is
/// streamed with <see cref="XmlReader"/> (ClosedXML would build the whole workbook in memory: a 1 MB file whose sheet
/// expands to 1 GB took 3.4 GB). Cell texts follow ECMA-376 part 1 §18.3.1.4 (c), §18.4 (shared strings) and
/// §18.8.30 (built-in number formats 14–22 and 45–47 are dates).
/// </summary>
public static class XlsxSheetReader
{
    /// <summary>Most bytes all parts of the package may take uncompressed (the sheet, shared strings, styles…): 120 MB.</summary>
    public const long MaxUncompressedBytes = 120L * 1024 * 1024;

    /// <summary>Most bytes the shared-strings table may take uncompressed (it is held in memory while the sheet is read): 24 MB.</summary>
    public const long MaxSharedStringsBytes = 24L * 1024 * 1024;

    /// <summary>
    /// Most characters of text the rows may hold (shared strings counted once): 24 million, about what the 20 MB upload
    /// limit lets a CSV hold, so an XLSX cannot keep more in memory than a CSV.
    /// </summary>
    public const long MaxTextChars = 24_000_000;

    /// <summary>Most bytes the styles part may take uncompressed (only the date formats are read from it): 10 MB.</summary>
    public const long MaxStylesBytes = 10L * 1024 * 1024;

    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PkgRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly XmlReaderSettings Xml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = false, IgnoreComments = true, CloseInput = true,
    };

    /// <summary>The non-empty rows of the first sheet: row number as Excel shows it and the cell texts up to the last filled cell.</summary>
    /// <exception cref="BusinessRuleException">Not a readable workbook, no sheet, too big uncompressed, or more rows/columns/cells than <see cref="ImportFile"/> takes.</exception>
    public static List<ImportRow> Read(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            CheckSizes(zip);
            var (sheetPath, sharedPath, stylesPath) = Parts(zip);
            var sheet = zip.GetEntry(sheetPath) ?? throw NoSheet();
            CheckDimension(sheet);
            var shared = sharedPath is null || zip.GetEntry(sharedPath) is not { } s ? [] : SharedStrings(s);
            var dates = stylesPath is null || zip.GetEntry(stylesPath) is not { } st ? [] : DateStyles(st);
            return Rows(sheet, shared, dates, shared.Sum(x => (long)x.Length));
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or FormatException or OverflowException or IOException)
        {
            throw new BusinessRuleException("Не удалось прочитать файл XLSX: он повреждён или это не книга Excel. Сохраните его в Excel заново или загрузите CSV.");
        }
    }

    private static BusinessRuleException NoSheet() => new("В книге XLSX нет листов. Загрузите книгу, в которой данные на первом листе.");

    // Entry lengths come from the ZIP's central directory; the inflater stops at them, so a part that lies is cut short
    // (and fails to parse) rather than growing past the check.
    private static void CheckSizes(ZipArchive zip)
    {
        long total = 0;
        foreach (var e in zip.Entries) total += e.Length;
        if (total > MaxUncompressedBytes) throw TooBig(total, MaxUncompressedBytes);
    }

    private static BusinessRuleException TooBig(long size, long limit) =>
        new($"Файл слишком большой в распакованном виде: {Mb(size)} при пределе {Mb(limit)}; разбейте на части (до {ImportFile.Count(ImportFile.MaxRows)} строк в каждой) и загрузите их по очереди.");

    private static BusinessRuleException TooMuchText() =>
        new($"Файл слишком большой в распакованном виде: больше {ImportFile.Count(MaxTextChars)} символов текста; разбейте на части и загрузите их по очереди.");

    private static string Mb(long bytes) => ImportFile.Count((bytes + 1024 * 1024 - 1) / (1024 * 1024)) + " МБ";

    // The first sheet of xl/workbook.xml and the shared strings and styles parts, through the workbook's relationships.
    private static (string Sheet, string? Shared, string? Styles) Parts(ZipArchive zip)
    {
        var workbookPath = "xl/workbook.xml";
        if (zip.GetEntry("_rels/.rels") is { } root)
            foreach (var (_, type, target) in Relationships(root))
                if (type.EndsWith("/officeDocument", StringComparison.Ordinal)) workbookPath = target.TrimStart('/');
        var workbook = zip.GetEntry(workbookPath) ?? throw new InvalidDataException("no workbook");
        string? firstSheetRel = null;
        using (var r = Open(workbook, 1024 * 1024))
            while (r.Read())
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "sheet" && r.NamespaceURI == MainNs)
                {
                    firstSheetRel = r.GetAttribute("id", RelNs);
                    break;
                }
        if (firstSheetRel is null) throw NoSheet();
        var dir = workbookPath.Contains('/') ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : "";
        var relsPath = dir + "_rels/" + Path.GetFileName(workbookPath) + ".rels";
        string? sheet = null, shared = null, styles = null;
        foreach (var (id, type, target) in zip.GetEntry(relsPath) is { } rels ? Relationships(rels) : [])
        {
            var path = target.StartsWith('/') ? target.TrimStart('/') : dir + target;
            if (id == firstSheetRel) sheet = path;
            else if (type.EndsWith("/sharedStrings", StringComparison.Ordinal)) shared = path;
            else if (type.EndsWith("/styles", StringComparison.Ordinal)) styles = path;
        }
        return (sheet ?? throw NoSheet(), shared, styles);
    }

    private static List<(string Id, string Type, string Target)> Relationships(ZipArchiveEntry entry)
    {
        var list = new List<(string, string, string)>();
        using var r = Open(entry, 1024 * 1024);
        while (r.Read())
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "Relationship" && r.NamespaceURI == PkgRelNs)
                list.Add((r.GetAttribute("Id") ?? "", r.GetAttribute("Type") ?? "", r.GetAttribute("Target") ?? ""));
        return list;
    }

    private static XmlReader Open(ZipArchiveEntry entry, long limit)
    {
        if (entry.Length > limit) throw TooBig(entry.Length, limit);
        return XmlReader.Create(new Bounded(entry.Open(), entry.Length), Xml);
    }

    // <dimension ref="A1:M50001"/> is written first in the sheet: refuse a sheet that says it is too wide or too long
    // before reading a single row. The rows are counted again while streaming (the element is optional).
    private static void CheckDimension(ZipArchiveEntry sheet)
    {
        using var r = Open(sheet, MaxUncompressedBytes);
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element) continue;
            if (r.LocalName == "sheetData") return;
            if (r.LocalName != "dimension" || r.GetAttribute("ref") is not { } reference) continue;
            var last = reference.Contains(':') ? reference[(reference.IndexOf(':') + 1)..] : reference;
            var (row, col) = CellRef(last);
            if (col > ImportFile.MaxColumns) throw ImportFile.TooManyColumns(col);
            if (row > ImportFile.MaxRows + 1) throw ImportFile.TooManyRows();
            return;
        }
    }

    // "AB12" → (12, 28); a reference without digits has row 0.
    private static (int Row, int Col) CellRef(string reference)
    {
        int col = 0, row = 0, i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++) col = Math.Min(col * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1), 1 << 20);
        for (; i < reference.Length && char.IsAsciiDigit(reference[i]); i++) row = Math.Min(row * 10 + (reference[i] - '0'), 1 << 24);
        return (row, col);
    }

    private static List<string> SharedStrings(ZipArchiveEntry entry)
    {
        var list = new List<string>();
        var text = new TextCollector();
        using var r = Open(entry, MaxSharedStringsBytes);
        while (r.Read())
        {
            if (text.Track(r)) continue;
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "si" && r.IsEmptyElement) list.Add("");
            else if (r.NodeType == XmlNodeType.Element && r.LocalName == "si") text.Start();
            else if (r.NodeType == XmlNodeType.EndElement && r.LocalName == "si")
            {
                if (list.Count >= ImportFile.MaxCells) throw ImportFile.TooManyCells();
                list.Add(Intern(text.Take()));
            }
        }
        return list;
    }

    // Collects the text of the <t> elements of an <si> or <is> (rich-text runs included, phonetic <rPh> runs not),
    // or of a cell's <v>, as a flat walk over the reader's nodes: no element is ever read ahead or skipped.
    private sealed class TextCollector
    {
        private readonly System.Text.StringBuilder sb = new();
        private bool collecting, inText, inPhonetic;

        public void Start()
        {
            sb.Clear();
            collecting = true;
        }

        public string Take()
        {
            collecting = inText = inPhonetic = false;
            return sb.ToString();
        }

        /// <summary>Handles the node if it is part of the text being collected; true when it was.</summary>
        public bool Track(XmlReader r)
        {
            if (!collecting) return false;
            switch (r.NodeType)
            {
                case XmlNodeType.Element when r.LocalName is "t" or "v":
                    inText = !r.IsEmptyElement;
                    return true;
                case XmlNodeType.Element when r.LocalName == "rPh":
                    inPhonetic = !r.IsEmptyElement;
                    return true;
                case XmlNodeType.EndElement when r.LocalName is "t" or "v":
                    inText = false;
                    return true;
                case XmlNodeType.EndElement when r.LocalName == "rPh":
                    inPhonetic = false;
                    return true;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (inText && !inPhonetic) sb.Append(r.Value);
                    return true;
                default:
                    return false;
            }
        }
    }

    // cellXfs entries whose number format is a date: built-in 14–22, 45–47, or a custom format with d/m/y outside quotes.
    private static HashSet<int> DateStyles(ZipArchiveEntry entry)
    {
        var customDates = new HashSet<int>();
        var dates = new HashSet<int>();
        using var r = Open(entry, MaxStylesBytes);
        var inXfs = false;
        var xf = 0;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.EndElement && r.LocalName == "cellXfs") inXfs = false;
            if (r.NodeType != XmlNodeType.Element) continue;
            if (r.LocalName == "numFmt" && int.TryParse(r.GetAttribute("numFmtId"), out var id) && IsDateFormat(r.GetAttribute("formatCode") ?? ""))
                customDates.Add(id);
            else if (r.LocalName == "cellXfs") inXfs = !r.IsEmptyElement;
            else if (inXfs && r.LocalName == "xf" && r.Depth > 1)
            {
                if (int.TryParse(r.GetAttribute("numFmtId"), out var f) && (f is >= 14 and <= 22 or >= 45 and <= 47 || customDates.Contains(f))) dates.Add(xf);
                xf++;
            }
        }
        return dates;
    }

    private static bool IsDateFormat(string code)
    {
        var quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"') quoted = !quoted;
            else if (c == '\\') i++;
            else if (c == '[') { var end = code.IndexOf(']', i); if (end < 0) break; i = end; }
            else if (!quoted && c is 'd' or 'D' or 'y' or 'Y' or 'm' or 'M') return true;
        }
        return false;
    }

    private static List<ImportRow> Rows(ZipArchiveEntry sheet, List<string> shared, HashSet<int> dates, long chars)
    {
        var rows = new List<ImportRow>();
        var cells = new List<string>();
        var text = new TextCollector();
        long total = 0;
        int rowNumber = 0, dataRows = 0, col = 0;
        string? type = null;
        var isDate = false;
        var inFormula = false;
        using var r = Open(sheet, MaxUncompressedBytes);
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "f") { inFormula = !r.IsEmptyElement; continue; }
            if (r.NodeType == XmlNodeType.EndElement && r.LocalName == "f") { inFormula = false; continue; }
            if (inFormula) continue; // a formula's text is not its value (<v> holds the cached result)
            if (text.Track(r)) continue;
            var start = r.NodeType == XmlNodeType.Element;
            var end = r.NodeType == XmlNodeType.EndElement || (start && r.IsEmptyElement);
            if (start && r.LocalName == "row")
            {
                rowNumber = int.TryParse(r.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : rowNumber + 1;
                cells.Clear();
            }
            else if (start && r.LocalName == "c")
            {
                col = r.GetAttribute("r") is { } reference ? CellRef(reference).Col - 1 : cells.Count;
                if (col < cells.Count) col = cells.Count; // out-of-order references: keep reading left to right
                type = r.GetAttribute("t");
                isDate = int.TryParse(r.GetAttribute("s"), out var s) && dates.Contains(s);
                text.Start();
            }
            if (end && r.LocalName == "c")
            {
                var value = CellValue(text.Take(), type, isDate, shared);
                if (value.Length == 0) continue;
                if (type != "s" && (chars += value.Length) > MaxTextChars) throw TooMuchText();
                if (col >= ImportFile.MaxColumns) throw ImportFile.TooManyColumns(col + 1);
                while (cells.Count < col) cells.Add("");
                cells.Add(value);
            }
            else if (end && r.LocalName == "row")
            {
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                if (++dataRows > ImportFile.MaxRows + 1) throw ImportFile.TooManyRows();
                total += cells.Count;
                if (total > ImportFile.MaxCells) throw ImportFile.TooManyCells();
                rows.Add(new ImportRow(rowNumber, cells.ToArray()));
            }
        }
        return rows;
    }

    // Numbers as typed (a barcode 4601234000010 must not become 4,60123E+12), dates as dd.MM.yyyy, booleans as да/нет.
    private static string CellValue(string value, string? type, bool isDate, List<string> shared)
    {
        if (value.Length == 0) return "";
        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "";
            case "inlineStr" or "str" or "e":
                return Intern(value);
            case "b":
                return value == "1" ? "да" : "нет";
            case "d":
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? iso.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : value;
        }
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return value;
        if (isDate && d is > -657435 and < 2958466) return DateTime.FromOADate(d).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        if (Math.Abs(d) < 1e15 && d == Math.Floor(d)) return Intern(((long)d).ToString(CultureInfo.InvariantCulture));
        return decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m.ToString(CultureInfo.InvariantCulture) : value;
    }

    // Empty and one-character texts are shared so that a sheet of a million "1"s does not hold a million strings.
    private static string Intern(string s) => s.Length switch
    {
        0 => "",
        1 when s[0] < 128 => Ascii[s[0]],
        _ => s,
    };

    private static readonly string[] Ascii = Enumerable.Range(0, 128).Select(c => ((char)c).ToString()).ToArray();

    // Reads no more than the length the ZIP directory declares for the entry: a part whose header lies about its size
    // fails as corrupt instead of inflating past the checked limit.
    private sealed class Bounded(Stream inner, long length) : Stream
    {
        private long read;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            if ((read += n) > length) throw new InvalidDataException("entry longer than declared");
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
