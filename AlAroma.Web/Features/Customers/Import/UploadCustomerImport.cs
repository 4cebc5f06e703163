using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Import;

namespace AlAroma.Web.Features.Customers.Import;

/// <summary>
/// Step 1 of «Импорт клиентов»: stores an uploaded CSV (UTF-8, Windows-1251/1252 or mixed; <c>;</c>, <c>,</c> or tab)
/// or XLSX with the detected encoding and delimiter, the rows parsed and the mapping guessed from the headers.
/// </summary>
public sealed class UploadCustomerImport(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Largest file accepted, bytes.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>Stores the file; the new import's id.</summary>
    /// <exception cref="BusinessRuleException">The file is empty, over 20 MB, not a readable table, or has no data rows.</exception>
    public async Task<long> HandleAsync(string fileName, byte[] content, CancellationToken ct)
    {
        if (content.Length > MaxBytes) throw new BusinessRuleException("Файл больше 20 МБ. Разделите список клиентов на несколько файлов.");
        if (content.Length == 0) throw new BusinessRuleException("Файл пустой. Выберите файл со списком клиентов в формате CSV или XLSX.");
        var source = ImportSource.Detect(content);
        var mapping = new CustomerImportMapping { Encoding = source.Encoding ?? "utf-8", Delimiter = source.Delimiter ?? "semicolon" };
        var table = ImportFile.Read(content, mapping.Encoding, mapping.Delimiter);
        if (table.Rows.Count == 0) throw new BusinessRuleException("В файле только строка заголовков, клиентов нет.");
        mapping.Columns = CustomerImportMapping.Guess(table.Headers);
        var import = new CustomerImport
        {
            FileName = Path.GetFileName(fileName), Format = source.Format, Content = content, ParsedTable = ImportTableStore.Pack(table),
            MappingJson = mapping.ToJson(), CreatedBy = user.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.CustomerImports.Add(import);
        await db.SaveChangesAsync(ct);
        return import.Id;
    }
}
