using System.Globalization;
using System.Text;
using AlAroma.Web.Infrastructure;
using CsvHelper;

namespace AlAroma.Web.Infrastructure.Import;

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
/// Windows-1252 (or those mixed line by line) with <c>;</c>, <c>,</c> or tab between fields (RFC 4180 quoting, line
/// breaks inside quotes). Detects the format, the encoding and the delimiter; the person may override the last two.
/// A file over <see cref="MaxRows"/>, <see cref="MaxColumns"/> or <see cref="MaxCells"/> is refused before its rows
/// are kept, so no upload holds more than a few hundred MB while it is read.
/// </summary>
public static class ImportFile
{
    /// <summary>Most product rows a file may have (the header row not counted); a bigger catalog is imported in parts.</summary>
    public const int MaxRows = 200_000;

    /// <summary>
    /// Most columns a file may have. A catalog has about a dozen fields; 100 leaves room for a supplier's extra
    /// columns while keeping the mapping screen (a list of columns per field) small.
    /// </summary>
    public const int MaxColumns = 100;

    /// <summary>
    /// Most cells (rows × columns up to the last filled one) a file may have: 1.5 million, e.g. 100 000 products of 15
    /// columns. It bounds the memory of an upload: the worst accepted file (1.5 million distinct cells) peaks at about
    /// 250 MiB (bench/AlAroma.Bench <c>import-bomb</c>).
    /// </summary>
    public const int MaxCells = 1_500_000;

    /// <summary>The encoding name of a CSV whose lines are partly UTF-8, partly Windows-1251/1252 (see <see cref="CsvEncodingCheck"/>).</summary>
    public const string Mixed = "mixed";

    /// <summary>The encodings a CSV may be in, by the name the screens and the mapping use.</summary>
    public static readonly IReadOnlyList<(string Name, string Label)> Encodings =
    [
        ("utf-8", "UTF-8"),
        ("windows-1251", "Windows-1251 (кириллица)"),
        ("windows-1252", "Windows-1252 (западноевропейская)"),
        (Mixed, "Разная по строкам (UTF-8 и Windows-1251/1252)"),
    ];

    /// <summary>The delimiters a CSV may use, by code (the code is what forms and the mapping store).</summary>
    public static readonly IReadOnlyList<(string Code, char Char, string Label)> Delimiters =
    [
        ("semicolon", ';', "Точка с запятой ( ; )"),
        ("comma", ',', "Запятая ( , )"),
        ("tab", '\t', "Табуляция"),
    ];

    /// <summary>Russian label of an encoding name or delimiter code (the code itself when unknown).</summary>
    public static string Label(string? code) =>
        Encodings.Where(e => e.Name == code).Select(e => e.Label)
            .Concat(Delimiters.Where(d => d.Code == code).Select(d => d.Label)).FirstOrDefault() ?? code ?? "";

    static ImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>True when the bytes are an XLSX (a ZIP package), by content rather than by name.</summary>
    public static bool IsXlsx(ReadOnlySpan<byte> bytes) => bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    /// <summary>
    /// The encoding of a CSV: UTF-8 when the bytes decode as strict UTF-8 (with or without BOM); <see cref="Mixed"/> when
    /// some lines do and others do not; otherwise <see cref="SingleByteEncoding"/>. Returns one of the <see cref="Encodings"/> names.
    /// </summary>
    public static string DetectEncoding(ReadOnlySpan<byte> bytes)
    {
        var (utf8, other) = CsvEncodingCheck.Classify(CsvEncodingCheck.WithoutBom(bytes, out _));
        if (other.Count == 0) return "utf-8";
        return utf8.Count > 0 ? Mixed : SingleByteEncoding(bytes);
    }

    /// <summary>
    /// Windows-1251 when the letters of 0xC0–0xFF stand in runs, as Cyrillic words do, else Windows-1252 (Western text
    /// has accented letters alone between ASCII ones: "Narziß", "Thérèse").
    /// </summary>
    public static string SingleByteEncoding(ReadOnlySpan<byte> bytes)
    {
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
    /// <remarks><see cref="Mixed"/> has no single <see cref="Encoding"/>: <see cref="Decode"/> handles it line by line.</remarks>
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

    /// <summary>Decodes CSV bytes: <see cref="Mixed"/> line by line, otherwise a BOM means UTF-8 whatever the encoding says.</summary>
    /// <exception cref="BusinessRuleException">An unknown encoding name.</exception>
    public static string Decode(byte[] bytes, string encoding)
    {
        var body = CsvEncodingCheck.WithoutBom(bytes, out var bom);
        if (encoding == Mixed) return CsvEncodingCheck.DecodeByLine(body, CsvEncodingCheck.SingleByteEncoding(body));
        return bom ? Encoding.UTF8.GetString(body) : EncodingFor(encoding).GetString(body);
    }

    /// <summary>The refusal of a file wider than <see cref="MaxColumns"/>.</summary>
    public static BusinessRuleException TooManyColumns(int columns) =>
        new($"В файле {Count(columns)} столбцов, а импорт принимает не больше {MaxColumns}. Оставьте в файле только нужные столбцы (название, цена, штрихкод…) и загрузите снова.");

    /// <summary>The refusal of a file longer than <see cref="MaxRows"/>.</summary>
    public static BusinessRuleException TooManyRows() =>
        new($"В файле больше {Count(MaxRows)} строк. Разбейте файл на части (до {Count(MaxRows)} строк в каждой) и загрузите их по очереди.");

    /// <summary>The refusal of a file with more than <see cref="MaxCells"/> cells.</summary>
    public static BusinessRuleException TooManyCells() =>
        new($"В файле больше {Count(MaxCells)} ячеек. Удалите лишние столбцы или разбейте файл на части и загрузите их по очереди.");

    /// <summary>A count as people read it: "200 000" (a plain space between thousands, whatever the culture).</summary>
    public static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' ');

    /// <summary>Reads the file: XLSX by its content, otherwise CSV with the given encoding and delimiter code.</summary>
    /// <param name="maxColumns">Widest file accepted; our own rejected-rows file is two columns wider than its source.</param>
    /// <exception cref="BusinessRuleException">
    /// The file is empty, not a table, has no header row, or more rows, columns or cells than <see cref="MaxRows"/>,
    /// <paramref name="maxColumns"/> or <see cref="MaxCells"/>; an XLSX too big uncompressed (see <see cref="XlsxSheetReader"/>).
    /// </exception>
    public static ImportTable Read(byte[] bytes, string encoding, string delimiter, int maxColumns = MaxColumns)
    {
        if (bytes.Length == 0) throw new BusinessRuleException("Файл пустой. Выберите таблицу в формате CSV или XLSX.");
        if (IsXlsx(bytes)) return Table(XlsxSheetReader.Read(bytes));
        if (bytes.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            throw new BusinessRuleException("Это файл старого формата Excel (XLS). Сохраните его как XLSX или CSV и загрузите снова.");
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).IndexOf((byte)0) >= 0)
            throw new BusinessRuleException("Файл не похож на таблицу CSV или XLSX. Выберите таблицу в формате CSV или XLSX.");
        // Decoded while parsed rather than into one string first: a 20 MB file would otherwise hold 40 MB more.
        TextReader text = encoding == Mixed
            ? new StringReader(Decode(bytes, encoding))
            : new StreamReader(new MemoryStream(bytes, writable: false), EncodingFor(encoding), detectEncodingFromByteOrderMarks: true);
        return ReadCsv(text, DelimiterChar(delimiter), maxColumns);
    }

    private static ImportTable ReadCsv(TextReader text, char delimiter, int maxColumns)
    {
        var options = CsvReaderOptions.Default with { Separator = delimiter, HasHeader = false, SkipEmptyLines = true, DetectSeparatorHint = false };
        using var csv = CsvReader.Create(text, options, leaveOpen: false);
        var records = new List<ImportRow>();
        long total = 0;
        while (csv.Read())
        {
            if (csv.FieldCount > maxColumns) throw TooManyColumns(csv.FieldCount);
            if (records.Count > MaxRows) throw TooManyRows();
            if ((total += csv.FieldCount) > MaxCells) throw TooManyCells();
            var cells = new string[csv.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i);
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            records.Add(new ImportRow(checked((int)csv.RowNumber), cells));
        }
        return Table(records);
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
