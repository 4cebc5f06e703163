using AlAroma.Web.Infrastructure.Import;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Catalog;

/// <summary>
/// Step 2 of the import: shows the file's columns with sample rows, the detected encoding and delimiter (which the
/// person may change), the mapping of columns to product fields, and the default price; saves the confirmed mapping.
/// </summary>
public sealed class MapCatalogImport(AppDbContext db)
{
    /// <summary>Rows shown under the headers so the person sees what each column holds.</summary>
    public const int SampleRows = 5;

    /// <summary>The mapping screen.</summary>
    public sealed record Model(
        Guid Id, string FileName, string Format, string? DetectedEncoding, string? DetectedDelimiter, ImportMapping Mapping,
        IReadOnlyList<string> Headers, IReadOnlyList<string[]> Sample, int TotalRows, string DefaultPriceText, IReadOnlyDictionary<string, string> Errors,
        EncodingNotice? Encoding, IReadOnlyList<string> Missing);

    /// <summary>What the mapping form posts. <see cref="Columns"/>: field name → column index, -1 = not imported.</summary>
    public sealed class Input
    {
        public string? Encoding { get; set; }
        public string? Delimiter { get; set; }
        public Dictionary<string, int> Columns { get; set; } = [];
        public string? DefaultPrice { get; set; }
    }

    /// <summary>
    /// The mapping screen; with <paramref name="encoding"/>/<paramref name="delimiter"/> the file is re-read that way and,
    /// if they differ from the stored ones, the columns are guessed again from the new headers.
    /// </summary>
    /// <exception cref="BusinessRuleException">Unknown import, or the file cannot be read that way.</exception>
    public async Task<Model> GetAsync(Guid id, string? encoding, string? delimiter, CancellationToken ct)
    {
        var import = await FindAsync(id, ct);
        var mapping = import.Mapping();
        var reread = (encoding is not null && encoding != mapping.Encoding) || (delimiter is not null && delimiter != mapping.Delimiter);
        mapping.Encoding = encoding ?? mapping.Encoding;
        mapping.Delimiter = delimiter ?? mapping.Delimiter;
        var table = import.ReadTable(mapping);
        if (reread) mapping.Columns = ImportMapping.Guess(table.Headers);
        return ToModel(import, mapping, table, mapping.DefaultPrice.ToString("0.##", Money.Ru), new Dictionary<string, string>());
    }

    /// <summary>
    /// Validates and saves the mapping. Returns null on success, or the screen with the errors (e.g. no name column).
    /// </summary>
    /// <exception cref="BusinessRuleException">Unknown import or it already ran.</exception>
    public async Task<Model?> SaveAsync(Guid id, Input input, CancellationToken ct)
    {
        var import = await FindAsync(id, ct);
        if (import.Status == CatalogImportStatus.Done) throw new BusinessRuleException("Этот импорт уже выполнен. Начните новый импорт.");
        var mapping = import.Mapping();
        if (import.Format == "csv")
        {
            mapping.Encoding = input.Encoding ?? mapping.Encoding;
            mapping.Delimiter = input.Delimiter ?? mapping.Delimiter;
        }
        var reread = import.Format == "csv" && (mapping.Encoding != import.Mapping().Encoding || mapping.Delimiter != import.Mapping().Delimiter);
        var table = import.ReadTable(mapping);
        var errors = new Dictionary<string, string>();
        mapping.Columns = [];
        foreach (var (field, column) in input.Columns)
        {
            if (!Enum.TryParse<ImportField>(field, out var f) || column < 0) continue;
            if (column >= table.Headers.Count) errors[field] = "Такого столбца в файле нет.";
            else mapping.Columns[f] = column;
        }
        if (!mapping.Columns.ContainsKey(ImportField.Name))
            errors[nameof(ImportField.Name)] = "Выберите столбец с названием товара: без него импорт невозможен.";
        var price = string.IsNullOrWhiteSpace(input.DefaultPrice) ? 0m : Money.Parse(input.DefaultPrice);
        if (price is null) errors[nameof(Input.DefaultPrice)] = "Цена по умолчанию должна быть числом, например 0 или 1 990,00.";
        else if (price < 0) errors[nameof(Input.DefaultPrice)] = "Цена по умолчанию не может быть отрицательной.";
        else mapping.DefaultPrice = price.Value;
        if (errors.Count > 0) return ToModel(import, mapping, table, input.DefaultPrice ?? "", errors);

        if (reread) import.Keep(mapping, table);
        else import.MappingJson = mapping.ToJson();
        import.Status = CatalogImportStatus.Mapped;
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<CatalogImport> FindAsync(Guid id, CancellationToken ct) =>
        await db.CatalogImports.FirstOrDefaultAsync(i => i.Id == id, ct)
        ?? throw new BusinessRuleException("Импорт не найден. Загрузите файл заново.");

    private static Model ToModel(CatalogImport i, ImportMapping m, ImportTable t, string priceText, IReadOnlyDictionary<string, string> errors) =>
        new(i.Id, i.FileName, i.Format, i.DetectedEncoding, i.DetectedDelimiter, m, t.Headers,
            t.Rows.Take(SampleRows).Select(r => r.Cells).ToList(), t.Rows.Count, priceText, errors,
            i.EncodingNotice(m), CatalogImportPlan.MissingForNewProducts(m));
}
