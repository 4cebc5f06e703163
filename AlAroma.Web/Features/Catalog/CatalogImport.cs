using AlAroma.Web.Infrastructure.Import;

namespace AlAroma.Web.Features.Catalog;

/// <summary>Where a catalog import is in its steps: upload → mapping → preview → import.</summary>
public enum CatalogImportStatus
{
    /// <summary>The file is stored; the columns are not confirmed yet.</summary>
    Uploaded = 0,

    /// <summary>The mapping is confirmed; the preview can be shown and the import run.</summary>
    Mapped = 1,

    /// <summary>The products are written; counts and the rejected-rows file are filled.</summary>
    Done = 2,
}

/// <summary>
/// One catalog import: the uploaded file itself and its mapping, kept in the database so the steps survive a restart
/// and work across several app instances; after the import, the counts and the rejected-rows file.
/// </summary>
[Infrastructure.Auditing.AuditName("Импорт каталога")]
public class CatalogImport
{
    public Guid Id { get; set; }
    public string FileName { get; set; } = "";

    /// <summary>The uploaded file as is.</summary>
    public byte[] Content { get; set; } = [];

    /// <summary>"csv" or "xlsx", by content.</summary>
    public string Format { get; set; } = "csv";

    /// <summary>Encoding detected on upload ("utf-8", "windows-1251", "windows-1252"); null for XLSX.</summary>
    public string? DetectedEncoding { get; set; }

    /// <summary>Delimiter code detected on upload ("semicolon", "comma", "tab"); null for XLSX.</summary>
    public string? DetectedDelimiter { get; set; }

    /// <summary>The confirmed <see cref="ImportMapping"/> as JSON (jsonb); null before the mapping step.</summary>
    public string? MappingJson { get; set; }

    /// <summary>
    /// The rows as the upload parsed them with the encoding and delimiter of <see cref="MappingJson"/>
    /// (<see cref="ImportTableStore"/>); null for imports stored before it existed.
    /// </summary>
    public byte[]? ParsedTable { get; set; }

    public CatalogImportStatus Status { get; set; }
    public int TotalRows { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }

    /// <summary>Rejected rows with the reason: CSV, UTF-8 with BOM, <c>;</c>. Null until the import ran or when none was rejected.</summary>
    public byte[]? RejectedFile { get; set; }

    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? CompletedAtUtc { get; set; }

    /// <summary>The confirmed mapping, or before the mapping step the one guessed on upload.</summary>
    public ImportMapping Mapping() => ImportMapping.FromJson(MappingJson) ?? new ImportMapping();

    /// <summary>
    /// The rows of the file read with the encoding and delimiter of <paramref name="mapping"/>: the ones the upload
    /// stored when those are the stored mapping's (an XLSX has neither), otherwise the file parsed again.
    /// </summary>
    /// <exception cref="Infrastructure.BusinessRuleException">The file cannot be read as a table.</exception>
    public ImportTable ReadTable(ImportMapping mapping)
    {
        var stored = Mapping();
        if (ParsedTable is not null && (Format == "xlsx" || (stored.Encoding == mapping.Encoding && stored.Delimiter == mapping.Delimiter)))
            return ImportTableStore.Unpack(ParsedTable);
        return ImportFile.Read(Content, mapping.Encoding, mapping.Delimiter);
    }

    /// <summary>Stores <paramref name="mapping"/> together with the rows read with its encoding and delimiter.</summary>
    public void Keep(ImportMapping mapping, ImportTable table)
    {
        MappingJson = mapping.ToJson();
        ParsedTable = ImportTableStore.Pack(table);
    }

    /// <summary>How the stored encoding reads the file (a CSV in several encodings, UTF-8 read as Windows-1252…); null for XLSX or when fine.</summary>
    public EncodingNotice? EncodingNotice(ImportMapping mapping) => Format == "csv" ? CsvEncodingCheck.Check(Content, mapping.Encoding) : null;
}
