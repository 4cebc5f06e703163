using System.Globalization;
using AlAroma.Web.Infrastructure;
using CsvHelper;

namespace AlAroma.Web.Features.Leads.Import;

/// <summary>
/// The rejected rows of a base load, streamed to a CSV on disk (UTF-8 with BOM, <c>;</c>) as they are found, so a file
/// with a million bad rows costs no memory: «Строка» (row number in the file), «Телефон» (as in the file, or the number for
/// a duplicate), «Причина». Cells that look like formulas are quoted (<see cref="SpreadsheetText.ForCsv"/>).
/// </summary>
public sealed class RejectedLeadsFile : IAsyncDisposable
{
    private readonly FileStream stream;
    private readonly CsvWriter csv;
    private bool disposed;

    /// <summary>Creates (or overwrites) the file at <paramref name="path"/> with its header row.</summary>
    public RejectedLeadsFile(string path)
    {
        stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { Separator = ';', WriteByteOrderMark = true }, leaveOpen: true);
        csv.WriteRecord(["Строка", "Телефон", "Причина"]);
    }

    /// <summary>Adds one rejected row.</summary>
    public void Write(long line, string phone, string reason) =>
        csv.WriteRecord([line.ToString(CultureInfo.InvariantCulture), SpreadsheetText.ForCsv(phone), reason]);

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        csv.Flush();
        csv.Dispose();
        await stream.DisposeAsync();
    }
}
