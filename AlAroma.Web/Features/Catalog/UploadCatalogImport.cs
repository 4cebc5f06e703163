using AlAroma.Web.Infrastructure.Import;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Catalog;

/// <summary>
/// Step 1 of the import: stores the uploaded file with its detected format, encoding and delimiter and a mapping
/// guessed from the headers. Nothing is imported yet.
/// </summary>
public sealed class UploadCatalogImport(AppDbContext db, TimeProvider clock, ICurrentUser user)
{
    /// <summary>Largest file accepted, in bytes (20 MB: about a hundred thousand products).</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>Stores the file and returns the new import's id.</summary>
    /// <exception cref="BusinessRuleException">The file is empty, too large, or not a readable CSV/XLSX table.</exception>
    public async Task<Guid> HandleAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var import = Detect(fileName, content);
        import.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        import.CreatedBy = user.UserName;
        db.CatalogImports.Add(import);
        await db.SaveChangesAsync(ct);
        return import.Id;
    }

    /// <summary>A new import of <paramref name="content"/> with format, encoding, delimiter, the guessed mapping and the parsed rows (not saved).</summary>
    /// <exception cref="BusinessRuleException">The file is over <see cref="MaxBytes"/>, not a readable table, or bigger than <see cref="ImportFile"/> takes.</exception>
    public static CatalogImport Detect(string fileName, byte[] content)
    {
        if (content.Length > MaxBytes) throw new BusinessRuleException("Файл больше 20 МБ. Разделите каталог на несколько файлов.");
        var import = new CatalogImport { Id = Guid.CreateVersion7(), FileName = Path.GetFileName(fileName), Content = content };
        var mapping = new ImportMapping();
        var source = ImportSource.Detect(content);
        import.Format = source.Format;
        if (source is { Encoding: { } encoding, Delimiter: { } delimiter })
            (mapping.Encoding, import.DetectedEncoding, mapping.Delimiter, import.DetectedDelimiter) = (encoding, encoding, delimiter, delimiter);
        var table = import.ReadTable(mapping);
        if (table.Rows.Count == 0) throw new BusinessRuleException("В файле только строка заголовков, товаров нет.");
        mapping.Columns = ImportMapping.Guess(table.Headers);
        import.Keep(mapping, table); // the later steps read these rows, not the file
        return import;
    }
}
