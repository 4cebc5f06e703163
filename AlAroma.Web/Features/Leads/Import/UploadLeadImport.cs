using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Import;

/// <summary>
/// The first step of a base load: the file is streamed to disk (never held in memory), its format, encoding and delimiter
/// detected from its first 64 KB, its header read; the import waits for its column mapping (<see cref="MapLeadImport"/>).
/// </summary>
public sealed class UploadLeadImport(AppDbContext db, LeadFiles files, TimeProvider clock, ICurrentUser user)
{
    /// <summary>Largest upload, bytes (2 GiB: tens of millions of rows of CSV).</summary>
    public const long MaxBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest XLSX, bytes: it is read whole, so it is bounded like the catalog's (<see cref="XlsxSheetReader"/>).</summary>
    public const long MaxXlsxBytes = 60L * 1024 * 1024;

    /// <summary>Stores the file and creates the import; returns its id.</summary>
    /// <exception cref="BusinessRuleException">No project, an empty file, an old XLS, an XLSX too big, or a file that is not a table.</exception>
    public async Task<Guid> HandleAsync(int projectId, string fileName, Stream content, CancellationToken ct)
    {
        var project = await db.LeadProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId && p.DeletedAtUtc == null, ct)
            ?? throw new BusinessRuleException("Проект не найден. Выберите проект, в который загрузить базу.");
        var id = Guid.NewGuid();
        var temp = files.UploadPath(id, "upload");
        long length;
        await using (var fs = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            await content.CopyToAsync(fs, ct);
            length = fs.Length;
        }
        try
        {
            var head = new byte[Math.Min(length, 64 * 1024)];
            await using (var fs = File.OpenRead(temp)) await fs.ReadExactlyAsync(head, ct);
            if (length == 0) throw new BusinessRuleException("Файл пустой. Выберите базу в формате CSV или XLSX.");
            if (head.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
                throw new BusinessRuleException("Это файл старого формата Excel (XLS). Сохраните его как XLSX или CSV и загрузите снова.");
            // Detect on whole lines: a UTF-8 letter cut at the 64 KB edge would look like another encoding.
            if (length > head.Length && Array.LastIndexOf(head, (byte)'\n') is > 0 and var lastLine) head = head[..(lastLine + 1)];
            var source = ImportSource.Detect(head);
            if (source.Format == "xlsx" && length > MaxXlsxBytes)
                throw new BusinessRuleException($"Файл XLSX больше {MaxXlsxBytes / 1024 / 1024} МБ. Сохраните базу как CSV — её размер не ограничен.");
            if (source.Format == "csv" && head.AsSpan(0, Math.Min(head.Length, 8192)).IndexOf((byte)0) >= 0)
                throw new BusinessRuleException("Файл не похож на таблицу CSV или XLSX. Выберите базу в формате CSV или XLSX.");
            var encoding = source.Encoding == ImportFile.Mixed ? "windows-1251" : source.Encoding;
            var path = files.UploadPath(id, source.Format);
            File.Move(temp, path, overwrite: true);
            IReadOnlyList<string> headers;
            using (var reader = new LeadFileReader(path, source.Format, encoding, source.Delimiter)) headers = reader.Head(0).Headers;
            var import = new LeadImport
            {
                Id = id, ProjectId = project.Id, FileName = Path.GetFileName(fileName), StoredPath = path, FileBytes = length,
                Format = source.Format, Encoding = encoding, Delimiter = source.Delimiter, Headers = [.. headers],
                PhoneColumn = LeadColumns.GuessPhone(headers), RegionColumn = LeadColumns.GuessRegion(headers), CommentColumn = LeadColumns.GuessComment(headers),
                SupplierId = project.SupplierIds.Count == 1 ? project.SupplierIds[0] : null,
                Status = LeadImportStatus.Uploaded, CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = user.UserName,
            };
            db.LeadImports.Add(import);
            await db.SaveChangesAsync(ct);
            return id;
        }
        catch
        {
            if (File.Exists(temp)) File.Delete(temp);
            foreach (var f in Directory.EnumerateFiles(files.Folder, $"{id:N}.*")) File.Delete(f);
            throw;
        }
    }
}

/// <summary>Guesses of the mapping step from the header row (Russian and English titles suppliers use).</summary>
public static class LeadColumns
{
    /// <summary>The column titled like a phone ("Телефон", "phone", "Номер", "тел."), else null.</summary>
    public static int? GuessPhone(IReadOnlyList<string> headers) => Find(headers, "телефон", "phone", "номер", "тел", "msisdn", "mobile", "моб");

    /// <summary>The column titled like a region, else null.</summary>
    public static int? GuessRegion(IReadOnlyList<string> headers) => Find(headers, "регион", "region", "область", "город", "city");

    /// <summary>The column titled like a comment, else null.</summary>
    public static int? GuessComment(IReadOnlyList<string> headers) => Find(headers, "комментар", "comment", "примечан", "note");

    private static int? Find(IReadOnlyList<string> headers, params string[] words)
    {
        foreach (var w in words)
            for (var i = 0; i < headers.Count; i++)
                if (headers[i].Contains(w, StringComparison.OrdinalIgnoreCase)) return i;
        return null;
    }
}
