using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Import;
using CsvHelper;

namespace AlAroma.Web.Features.Leads.Import;

/// <summary>
/// The rows of a base file, streamed: a CSV of any size is read record by record (RFC 4180 quoting, UTF-8 or a Windows
/// code page) so memory does not grow with the file; an XLSX is read whole within <see cref="XlsxSheetReader"/>'s limits
/// (a sheet holds at most 1 048 576 rows anyway). Row numbers are as a spreadsheet shows them (the header is row 1).
/// </summary>
public sealed class LeadFileReader : IDisposable
{
    private readonly FileStream file;
    private readonly string format;
    private readonly string? encoding, delimiter;

    /// <summary>Opens the stored file of an import.</summary>
    /// <exception cref="BusinessRuleException">The file is gone (the upload was cleaned up).</exception>
    public LeadFileReader(string path, string format, string? encoding, string? delimiter)
    {
        if (!File.Exists(path)) throw new BusinessRuleException("Файл загрузки не найден на сервере. Загрузите базу заново.");
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        (this.format, this.encoding, this.delimiter) = (format, encoding, delimiter);
    }

    /// <summary>Bytes of the file consumed so far (for the progress bar's ETA) and in all.</summary>
    public long Position => file.Position;
    public long Length => file.Length;

    /// <summary>Every row, the header row first (row 1); blank rows skipped.</summary>
    public IEnumerable<ImportRow> Rows()
    {
        if (format == "xlsx")
        {
            var bytes = new byte[file.Length];
            file.ReadExactly(bytes);
            foreach (var row in XlsxSheetReader.Read(bytes)) yield return row;
            yield break;
        }
        var enc = ImportFile.EncodingFor(encoding is null or ImportFile.Mixed ? "windows-1251" : encoding);
        using var text = new StreamReader(file, enc, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var options = CsvReaderOptions.Default with
        {
            Separator = ImportFile.DelimiterChar(delimiter ?? "semicolon"), HasHeader = false, SkipEmptyLines = true, DetectSeparatorHint = false,
        };
        using var csv = CsvReader.Create(text, options, leaveOpen: true);
        while (csv.Read())
        {
            var cells = new string[csv.FieldCount];
            var blank = true;
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = csv.GetString(i);
                if (blank && !string.IsNullOrWhiteSpace(cells[i])) blank = false;
            }
            if (blank) continue;
            yield return new ImportRow(checked((int)csv.RowNumber), cells);
        }
    }

    /// <summary>The header and up to <paramref name="samples"/> data rows, for the mapping step.</summary>
    public (IReadOnlyList<string> Headers, IReadOnlyList<string[]> Samples) Head(int samples)
    {
        var rows = Rows().Take(samples + 1).ToList();
        if (rows.Count == 0) throw new BusinessRuleException("В файле нет ни одной строки. Первая строка должна содержать названия столбцов.");
        var width = rows.Max(r => r.Cells.Length);
        var headers = Enumerable.Range(0, width).Select(i => i < rows[0].Cells.Length && !string.IsNullOrWhiteSpace(rows[0].Cells[i])
            ? rows[0].Cells[i].Trim().TrimStart('\uFEFF') : $"Столбец {i + 1}").ToList();
        return (headers, rows.Skip(1).Select(r => r.Cells).ToList());
    }

    public void Dispose() => file.Dispose();
}
