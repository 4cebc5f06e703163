using System.Globalization;
using CsvHelper;

namespace AlAroma.Web.Infrastructure.Import;

/// <summary>What an uploaded file is: XLSX, or CSV in the detected encoding with the detected delimiter.</summary>
/// <param name="Format">"xlsx" or "csv".</param>
/// <param name="Encoding">One of <see cref="ImportFile.Encodings"/> (CSV only).</param>
/// <param name="Delimiter">One of <see cref="ImportFile.Delimiters"/> codes (CSV only).</param>
public sealed record ImportSource(string Format, string? Encoding, string? Delimiter)
{
    /// <summary>Detects the format by content and, for a CSV, the encoding and the delimiter (from its first 64 KB).</summary>
    public static ImportSource Detect(byte[] content)
    {
        if (ImportFile.IsXlsx(content)) return new ImportSource("xlsx", null, null);
        var encoding = ImportFile.DetectEncoding(content);
        var text = ImportFile.Decode(content[..Math.Min(content.Length, 64 * 1024)], encoding);
        return new ImportSource("csv", encoding, ImportFile.DetectDelimiter(text));
    }

    /// <summary>
    /// The rejected rows of an import as CSV (UTF-8 with BOM, <c>;</c>): "Строка", the file's own columns, "Причина".
    /// Formula-like cells ("=2+2", "-5") get a leading quote (<see cref="SpreadsheetText.ForCsv"/>) so Excel shows them instead of running them.
    /// </summary>
    public static byte[] RejectedRowsCsv(IReadOnlyList<string> headers, IEnumerable<(ImportRow Row, string Reason)> rejected)
    {
        using var ms = new MemoryStream();
        using (var csv = CsvWriter.Create(ms, CsvWriterOptions.Default with { Separator = ';', WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteRecord(["Строка", .. headers.Select(SpreadsheetText.ForCsv), "Причина"]);
            foreach (var (row, reason) in rejected)
                csv.WriteRecord([row.Number.ToString(CultureInfo.InvariantCulture), .. row.Cells.Select(SpreadsheetText.ForCsv), SpreadsheetText.ForCsv(reason)]);
            csv.Flush();
        }
        return ms.ToArray();
    }
}
