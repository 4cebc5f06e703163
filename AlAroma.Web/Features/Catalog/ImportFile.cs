using System.Globalization;
using System.Text;
using AlAroma.Web.Infrastructure;
using ClosedXML.Excel;
using CsvHelper;

namespace AlAroma.Web.Features.Catalog;

/// <summary>An uploaded table: the header row and the data rows (empty rows skipped).</summary>
/// <param name="Headers">Column titles of the first row.</param>
/// <param name="Rows">Data rows; every row has <c>Headers.Count</c> cells.</param>
public sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows);

/// <summary>One data row of an uploaded table.</summary>
/// <param name="Number">Row number as a spreadsheet shows it (the header is row 1).</param>
/// <param name="Cells">Cell texts as in the file.</param>
public sealed record ImportRow(int Number, string[] Cells);

/// <summary>
/// Reads a catalog file: XLSX (first worksheet, first row = headers) or CSV in UTF-8, Windows-1251 or
/// Windows-1252 with <c>;</c>, <c>,</c> or tab between fields (RFC 4180 quoting, line breaks inside quotes).
/// Detects the format, the encoding and the delimiter; the person may override the last two.
/// </summary>
public static class ImportFile
{
    /// <summary>The encodings a CSV may be in, by the name the screens and the mapping use.</summary>
    public static readonly IReadOnlyList<(string Name, string Label)> Encodings =
    [
        ("utf-8", "UTF-8"),
        ("windows-1251", "Windows-1251 (кириллица)"),
        ("windows-1252", "Windows-1252 (западноевропейская)"),
    ];

    /// <summary>The delimiters a CSV may use, by code (the code is what forms and the mapping store).</summary>
    public static readonly IReadOnlyList<(string Code, char Char, string Label)> Delimiters =
    [
        ("semicolon", ';', "Точка с запятой ( ; )"),
        ("comma", ',', "Запятая ( , )"),
        ("tab", '\t', "Табуляция"),
    ];

    static ImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>True when the bytes are an XLSX (a ZIP package), by content rather than by name.</summary>
    public static bool IsXlsx(ReadOnlySpan<byte> bytes) => bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    /// <summary>
    /// The encoding of a CSV: UTF-8 when the bytes decode as strict UTF-8 (with or without BOM); otherwise Windows-1251
    /// when the letters of 0xC0–0xFF stand in runs, as Cyrillic words do, else Windows-1252 (Western text has accented
    /// letters alone between ASCII ones: "Narziß", "Thérèse"). Returns one of the <see cref="Encodings"/> names.
    /// </summary>
    public static string DetectEncoding(ReadOnlySpan<byte> bytes)
    {
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return "utf-8";
        }
        catch (DecoderFallbackException)
        {
        }
        int letters = 0, inRuns = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (!IsCyrillic1251(bytes[i])) continue;
            letters++;
            if ((i > 0 && IsCyrillic1251(bytes[i - 1])) || (i + 1 < bytes.Length && IsCyrillic1251(bytes[i + 1]))) inRuns++;
        }
        return letters > 0 && inRuns * 2 > letters ? "windows-1251" : "windows-1252";
    }

    // А–я are 0xC0–0xFF in Windows-1251; Ё/ё are 0xA8/0xB8.
    private static bool IsCyrillic1251(byte b) => b >= 0xC0 || b == 0xA8 || b == 0xB8;

    /// <summary>The <see cref="Encoding"/> for one of the <see cref="Encodings"/> names.</summary>
    /// <exception cref="BusinessRuleException">An unknown name.</exception>
    public static Encoding EncodingFor(string name) => name switch
    {
        "utf-8" => new UTF8Encoding(false),
        "windows-1251" => Encoding.GetEncoding(1251),
        "windows-1252" => Encoding.GetEncoding(1252),
        _ => throw new BusinessRuleException($"Кодировка «{name}» не поддерживается: выберите UTF-8, Windows-1251 или Windows-1252."),
    };

    /// <summary>The character of a delimiter code ("semicolon", "comma", "tab").</summary>
    /// <exception cref="BusinessRuleException">An unknown code.</exception>
    public static char DelimiterChar(string code)
    {
        foreach (var d in Delimiters) if (d.Code == code) return d.Char;
        throw new BusinessRuleException($"Разделитель «{code}» не поддерживается: выберите точку с запятой, запятую или табуляцию.");
    }

    /// <summary>
    /// The delimiter of CSV text: of <c>;</c>, <c>,</c> and tab, the one that occurs outside quotes the same non-zero
    /// number of times on most of the first lines (ties go to the more frequent one). Returns its code.
    /// </summary>
    public static string DetectDelimiter(string text)
    {
        var lines = RecordsOutsideQuotes(text, 20);
        var best = ("semicolon", -1, -1);
        foreach (var (code, ch, _) in Delimiters)
        {
            var counts = lines.Select(l => l.Count(c => c == ch)).Where(n => n > 0).ToList();
            if (counts.Count == 0) continue;
            var mode = counts.GroupBy(n => n).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First();
            var score = (mode.Count(), mode.Key);
            if (score.Item1 > best.Item2 || (score.Item1 == best.Item2 && score.Item2 > best.Item3)) best = (code, score.Item1, score.Item2);
        }
        return best.Item1;
    }

    // The first records of the text with quoted parts removed (so commas inside quoted descriptions do not count).
    private static List<string> RecordsOutsideQuotes(string text, int max)
    {
        var records = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') { quoted = !quoted; continue; }
            if (quoted) continue;
            if (c is '\n' or '\r')
            {
                if (sb.Length > 0) records.Add(sb.ToString());
                sb.Clear();
                if (records.Count >= max) break;
                continue;
            }
            sb.Append(c);
        }
        if (sb.Length > 0 && records.Count < max) records.Add(sb.ToString());
        return records;
    }

    /// <summary>Decodes CSV bytes (a BOM is skipped whatever the encoding says).</summary>
    public static string Decode(byte[] bytes, string encoding)
    {
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        return EncodingFor(encoding).GetString(bytes);
    }

    /// <summary>Reads the file: XLSX by its content, otherwise CSV with the given encoding and delimiter code.</summary>
    /// <exception cref="BusinessRuleException">The file is empty, not a table, or has no header row.</exception>
    public static ImportTable Read(byte[] bytes, string encoding, string delimiter)
    {
        if (bytes.Length == 0) throw new BusinessRuleException("Файл пустой. Выберите файл каталога в формате CSV или XLSX.");
        if (IsXlsx(bytes)) return ReadXlsx(bytes);
        if (bytes.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            throw new BusinessRuleException("Это файл старого формата Excel (XLS). Сохраните его как XLSX или CSV и загрузите снова.");
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).IndexOf((byte)0) >= 0)
            throw new BusinessRuleException("Файл не похож на таблицу CSV или XLSX. Выберите файл каталога в формате CSV или XLSX.");
        return ReadCsv(Decode(bytes, encoding), DelimiterChar(delimiter));
    }

    private static ImportTable ReadCsv(string text, char delimiter)
    {
        var options = CsvReaderOptions.Default with { Separator = delimiter, HasHeader = false, SkipEmptyLines = true, DetectSeparatorHint = false };
        using var csv = CsvReader.Create(new StringReader(text), options, leaveOpen: false);
        var records = new List<ImportRow>();
        while (csv.Read())
        {
            var cells = new string[csv.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i);
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            records.Add(new ImportRow(checked((int)csv.RowNumber), cells));
        }
        return Table(records);
    }

    private static ImportTable ReadXlsx(byte[] bytes)
    {
        XLWorkbook book;
        try
        {
            book = new XLWorkbook(new MemoryStream(bytes));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new BusinessRuleException("Не удалось прочитать файл XLSX: он повреждён или это не книга Excel. Сохраните его в Excel заново или загрузите CSV.");
        }
        using (book)
        {
            var sheet = book.Worksheets.FirstOrDefault()
                ?? throw new BusinessRuleException("В книге XLSX нет листов. Загрузите файл с каталогом на первом листе.");
            var used = sheet.RangeUsed();
            if (used is null) return Table([]);
            var lastCol = used.LastColumn().ColumnNumber();
            var records = new List<ImportRow>();
            foreach (var row in sheet.RowsUsed())
            {
                var cells = new string[lastCol];
                for (var c = 1; c <= lastCol; c++) cells[c - 1] = CellText(row.Cell(c));
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                records.Add(new ImportRow(row.RowNumber(), cells));
            }
            return Table(records);
        }
    }

    // Numbers as typed (a barcode 4601234000010 must not become 4,60123E+12), dates as dd.MM.yyyy.
    private static string CellText(IXLCell cell)
    {
        if (cell.IsEmpty()) return "";
        return cell.DataType switch
        {
            XLDataType.Number => cell.GetDouble() is var d && Math.Abs(d) < 1e15 && d == Math.Floor(d)
                ? ((long)d).ToString(CultureInfo.InvariantCulture)
                : ((decimal)cell.GetDouble()).ToString(CultureInfo.InvariantCulture),
            XLDataType.Boolean => cell.GetBoolean() ? "да" : "нет",
            XLDataType.DateTime => cell.GetDateTime().ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            _ => cell.GetString(),
        };
    }

    private static ImportTable Table(List<ImportRow> records)
    {
        if (records.Count == 0) throw new BusinessRuleException("В файле нет ни одной строки. Первая строка должна содержать названия столбцов.");
        var width = records.Max(r => r.Cells.Length);
        var headers = Pad(records[0].Cells, width).Select((h, i) => string.IsNullOrWhiteSpace(h) ? $"Столбец {i + 1}" : h.Trim().TrimStart('\uFEFF')).ToList();
        return new ImportTable(headers, records.Skip(1).Select(r => r with { Cells = Pad(r.Cells, width) }).ToList());
    }

    private static string[] Pad(string[] r, int width) => r.Length == width ? r : [.. r, .. Enumerable.Repeat("", width - r.Length)];
}
