using AlAroma.Web.Data;
using AlAroma.Web.Features.Leads.Numbering;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Import;

/// <summary>
/// The mapping step of a base load: which column is the phone (and the region, the comment), the supplier, the encoding and
/// delimiter of a CSV, and the duplicate checks; «Загрузить» queues the import for the background worker. Also cancel and
/// «Запустить снова» of a failed run.
/// </summary>
public sealed class MapLeadImport(AppDbContext db)
{
    /// <summary>Sample rows shown under the columns.</summary>
    public const int SampleRows = 5;

    /// <summary>The form as posted.</summary>
    public sealed class Input
    {
        public int? PhoneColumn { get; set; }
        public int? RegionColumn { get; set; }
        public int? CommentColumn { get; set; }
        public int? SupplierId { get; set; }
        public string? Encoding { get; set; }
        public string? Delimiter { get; set; }
        public bool DedupProject { get; set; } = true;
        public bool DedupSystem { get; set; }
        public int? SystemDays { get; set; }
        public bool DedupDnc { get; set; } = true;
    }

    /// <summary>The page: the import, its header and samples (each sample's phone as it will be read), the suppliers to choose from.</summary>
    public sealed record Model(LeadImport Import, string ProjectName, IReadOnlyList<string> Headers, IReadOnlyList<string[]> Samples,
        IReadOnlyList<(int Id, string Name)> Suppliers, Input Form, string? Error);

    /// <summary>The mapping page of an import still to be mapped (or the last mapping of one that failed); null when unknown.</summary>
    public async Task<Model?> GetAsync(Guid id, string? error, Input? posted, CancellationToken ct, string? encoding = null, string? delimiter = null)
    {
        var import = await db.LeadImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (import is null) return null;
        var project = await db.LeadProjects.AsNoTracking().Where(p => p.Id == import.ProjectId).Select(p => p.Name).SingleAsync(ct);
        var form = posted ?? new Input
        {
            PhoneColumn = import.PhoneColumn, RegionColumn = import.RegionColumn, CommentColumn = import.CommentColumn, SupplierId = import.SupplierId,
            Encoding = import.Encoding, Delimiter = import.Delimiter, DedupProject = import.Dedup.HasFlag(DedupOptions.Project),
            DedupSystem = import.Dedup.HasFlag(DedupOptions.System), SystemDays = import.SystemDays, DedupDnc = import.Dedup.HasFlag(DedupOptions.DoNotCall),
        };
        if (encoding is not null) form.Encoding = encoding;
        if (delimiter is not null) form.Delimiter = delimiter;
        IReadOnlyList<string> headers = import.Headers;
        IReadOnlyList<string[]> samples = [];
        if (File.Exists(import.StoredPath))
        {
            try
            {
                using var reader = new LeadFileReader(import.StoredPath, import.Format, form.Encoding ?? import.Encoding, form.Delimiter ?? import.Delimiter);
                (headers, samples) = reader.Head(SampleRows);
            }
            catch (BusinessRuleException e) { error ??= e.Message; }
        }
        var suppliers = await db.LeadSuppliers.AsNoTracking().Where(s => s.IsActive || s.Id == import.SupplierId).OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return new Model(import, project, headers, samples, suppliers.Select(s => (s.Id, s.Name)).ToList(), form, error);
    }

    /// <summary>Saves the mapping and queues the import; returns a Russian error for the form instead when the input is not usable.</summary>
    /// <exception cref="BusinessRuleException">The import is unknown or already past the mapping step.</exception>
    public async Task<string?> QueueAsync(Guid id, Input input, CancellationToken ct)
    {
        var import = await db.LeadImports.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new BusinessRuleException("Загрузка не найдена.");
        if (import.Status is not (LeadImportStatus.Uploaded or LeadImportStatus.Failed))
            throw new BusinessRuleException("Эта загрузка уже запущена. Следите за ней на странице загрузки.");
        if (!File.Exists(import.StoredPath)) throw new BusinessRuleException("Файл загрузки не найден на сервере. Загрузите базу заново.");
        if (input.Encoding is not null) import.Encoding = input.Encoding;
        if (input.Delimiter is not null) import.Delimiter = input.Delimiter;
        using (var reader = new LeadFileReader(import.StoredPath, import.Format, import.Encoding, import.Delimiter))
            import.Headers = [.. reader.Head(0).Headers];
        var width = import.Headers.Count;
        if (input.PhoneColumn is not { } phone || phone < 0 || phone >= width) return "Укажите, в каком столбце телефон.";
        if (input.RegionColumn is { } r && (r < 0 || r >= width || r == phone)) return "Столбец региона должен быть другим столбцом файла.";
        if (input.CommentColumn is { } c && (c < 0 || c >= width || c == phone)) return "Столбец комментария должен быть другим столбцом файла.";
        if (input.SupplierId is { } s && !await db.LeadSuppliers.AnyAsync(x => x.Id == s, ct)) return "Выберите поставщика из списка.";
        if (input.DedupSystem && input.SystemDays is < 1 or > 3650) return "Срок проверки по всем проектам — от 1 до 3650 дней (или пусто — за всё время).";
        (import.PhoneColumn, import.RegionColumn, import.CommentColumn, import.SupplierId) = (phone, input.RegionColumn, input.CommentColumn, input.SupplierId);
        import.Dedup = (input.DedupProject ? DedupOptions.Project : 0) | (input.DedupSystem ? DedupOptions.System : 0) | (input.DedupDnc ? DedupOptions.DoNotCall : 0);
        import.SystemDays = input.DedupSystem ? input.SystemDays : null;
        import.Status = LeadImportStatus.Queued;
        (import.RowsRead, import.BytesRead, import.Invalid, import.Error, import.CancelRequested) = (0, 0, 0, null, false);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Asks a queued or running import to stop; a queued one is cancelled at once, a running one at its next second.</summary>
    /// <exception cref="BusinessRuleException">The import is unknown or already over.</exception>
    public async Task CancelAsync(Guid id, CancellationToken ct)
    {
        var import = await db.LeadImports.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new BusinessRuleException("Загрузка не найдена.");
        if (import.IsOver) throw new BusinessRuleException("Загрузка уже завершена — отменять нечего.");
        // Set in SQL so a worker that claims it meanwhile still sees the flag; a queued one is simply not run.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE lead_imports SET cancel_requested = true,
                status = CASE WHEN status IN ('Queued', 'Uploaded') THEN 'Cancelled' ELSE status END,
                error = CASE WHEN status IN ('Queued', 'Uploaded') THEN 'Загрузка отменена. Ни один номер из неё не записан.' ELSE error END,
                finished_at_utc = CASE WHEN status IN ('Queued', 'Uploaded') THEN now() ELSE finished_at_utc END
            WHERE id = {id}
            """, ct);
    }

    /// <summary>The sample cell of the phone column as the import will read it: "+7 916 123-45-67" or the reason it is refused.</summary>
    public static string Preview(string cell) =>
        LeadPhone.Parse(cell, out var phone) is var why && why == PhoneRejection.None ? LeadPhone.Display(phone) : "✗ " + LeadPhone.Reason(why);
}
