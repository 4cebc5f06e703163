using System.IO.Compression;
using System.Text;

namespace AlAroma.Web.Infrastructure.Import;

/// <summary>
/// An <see cref="ImportTable"/> as compact bytes (length-prefixed UTF-8 strings, gzip), stored on an import (catalog, customers) so that the
/// mapping, preview and import steps read the rows the upload parsed instead of parsing the file again.
/// </summary>
public static class ImportTableStore
{
    private const int Version = 1;

    /// <summary>The table as bytes for the import's stored table.</summary>
    public static byte[] Pack(ImportTable table)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true), Encoding.UTF8))
        {
            w.Write7BitEncodedInt(Version);
            w.Write7BitEncodedInt(table.Headers.Count);
            foreach (var h in table.Headers) w.Write(h);
            w.Write7BitEncodedInt(table.Rows.Count);
            foreach (var row in table.Rows)
            {
                w.Write7BitEncodedInt(row.Number);
                foreach (var c in row.Cells) w.Write(c);
            }
        }
        return ms.ToArray();
    }

    /// <summary>The table <see cref="Pack"/> wrote.</summary>
    /// <exception cref="InvalidDataException">Bytes of another format or version.</exception>
    public static ImportTable Unpack(byte[] bytes)
    {
        using var r = new BinaryReader(new GZipStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress), Encoding.UTF8);
        if (r.Read7BitEncodedInt() != Version) throw new InvalidDataException("Unknown import table version.");
        var headers = new string[r.Read7BitEncodedInt()];
        for (var i = 0; i < headers.Length; i++) headers[i] = r.ReadString();
        var rows = new ImportRow[r.Read7BitEncodedInt()];
        for (var i = 0; i < rows.Length; i++)
        {
            var number = r.Read7BitEncodedInt();
            var cells = new string[headers.Length];
            for (var c = 0; c < cells.Length; c++) cells[c] = r.ReadString();
            rows[i] = new ImportRow(number, cells);
        }
        return new ImportTable(headers, rows);
    }
}
