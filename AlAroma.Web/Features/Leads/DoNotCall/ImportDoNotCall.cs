using AlAroma.Web.Data;
using AlAroma.Web.Features.Leads.Import;
using AlAroma.Web.Features.Leads.Numbering;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Auditing;
using AlAroma.Web.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AlAroma.Web.Features.Leads.DoNotCall;

/// <summary>
/// «Загрузить список» of «Не звонить»: a CSV or XLSX of numbers onto the system-wide list or a project's. The phone column
/// is the one titled like a phone («Телефон», «phone», «номер»), else the first whose cells read as phones; a column titled
/// like a reason («Причина», «reason», «комментарий») gives each row its reason, else the form's default reason. A file
/// without a header row works too (its first row is then a number). Valid numbers are inserted in one statement
/// (<c>INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING</c>), their loaded leads marked «Не звонить»
/// (<see cref="DoNotCallLeads"/>) and one audit entry written, all in one transaction; refused rows come back as a CSV
/// (<see cref="ImportSource.RejectedRowsCsv"/>) kept in the leads' folder for download for <see cref="RejectedFileLifetime"/>.
/// </summary>
public sealed class ImportDoNotCall(AppDbContext db, LeadFiles files, TimeProvider clock, ICurrentUser user)
{
    /// <summary>Largest file, bytes (200 000 rows of CSV are a few MB; an XLSX is read whole).</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>Longest reason kept; a longer cell is cut.</summary>
    public const int MaxReason = 500;

    /// <summary>The counts of a load; <paramref name="RejectedFile"/> is the id of the rejected-rows CSV (null when no row was refused).</summary>
    /// <param name="Added">Numbers put on the list.</param>
    /// <param name="AlreadyListed">Valid numbers that were on the list before.</param>
    /// <param name="Repeated">Rows repeating a number of an earlier row of the file.</param>
    /// <param name="Rejected">Rows refused (not a Russian number, no reason).</param>
    /// <param name="LeadsMarked">Loaded leads that became «Не звонить».</param>
    /// <param name="ListName">«Общий» or the project's name.</param>
    public sealed record Result(int Added, int AlreadyListed, int Repeated, int Rejected, int LeadsMarked, string ListName, Guid? RejectedFile);

    /// <summary>Loads the file onto the list of <paramref name="projectId"/> (null = system-wide).</summary>
    /// <exception cref="BusinessRuleException">
    /// An unknown or deleted project, a file that is empty, too big or not a table (<see cref="ImportFile.Read"/>), no column
    /// of phones, or no reason anywhere (no reason column and no default reason).
    /// </exception>
    public async Task<Result> HandleAsync(string fileName, byte[] content, int? projectId, string? defaultReason, CancellationToken ct)
    {
        var listName = "Общий";
        if (projectId is { } pid)
            listName = await db.LeadProjects.AsNoTracking().Where(p => p.Id == pid && p.DeletedAtUtc == null).Select(p => p.Name).FirstOrDefaultAsync(ct)
                       ?? throw new BusinessRuleException("Проект не найден или удалён — выберите другой список.");
        if (content.Length > MaxBytes) throw new BusinessRuleException($"Файл больше {MaxBytes / 1024 / 1024} МБ. Разделите список на несколько файлов.");
        if (content.Length == 0) throw new BusinessRuleException("Файл пустой. Выберите список номеров в формате CSV или XLSX.");
        var source = ImportSource.Detect(content);
        var table = ImportFile.Read(content, source.Encoding ?? "utf-8", source.Delimiter ?? "semicolon");

        var phoneColumn = PhoneColumn(table) ?? throw new BusinessRuleException(
            "В файле не нашёлся столбец с номерами телефонов. Назовите его «Телефон» или поставьте номера в первый столбец и загрузите снова.");
        var reasonColumn = ReasonColumn(table.Headers, phoneColumn);
        var fallback = string.IsNullOrWhiteSpace(defaultReason) ? null : Cut(defaultReason.Trim());
        if (reasonColumn is null && fallback is null)
            throw new BusinessRuleException("Укажите причину по умолчанию: в файле нет столбца «Причина».");

        // A header that is itself a phone means the file has no header row: its first row is data too.
        var rows = LeadPhone.Normalize(table.Headers[phoneColumn]) is not null
            ? [new ImportRow(1, [.. table.Headers]), .. table.Rows]
            : table.Rows;
        var headers = LeadPhone.Normalize(table.Headers[phoneColumn]) is not null
            ? table.Headers.Select((_, i) => $"Столбец {i + 1}").ToList()
            : table.Headers;

        var phones = new List<long>();
        var reasons = new List<string>();
        var seen = new HashSet<long>();
        var rejected = new List<(ImportRow, string)>();
        var repeated = 0;
        foreach (var row in rows)
        {
            var rejection = LeadPhone.Parse(row.Cells[phoneColumn].AsSpan(), out var phone);
            if (rejection != PhoneRejection.None) { rejected.Add((row, LeadPhone.Reason(rejection))); continue; }
            var reason = reasonColumn is { } rc && !string.IsNullOrWhiteSpace(row.Cells[rc]) ? Cut(row.Cells[rc].Trim()) : fallback;
            if (reason is null) { rejected.Add((row, "Нет причины: заполните столбец «Причина» или укажите причину по умолчанию")); continue; }
            if (!seen.Add(phone)) { repeated++; continue; }
            phones.Add(phone);
            reasons.Add(reason);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var added = phones.Count == 0 ? 0 : await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO lead_do_not_call (phone, project_id, reason, added_at_utc, added_by)
            SELECT t.phone, @project, t.reason, @now, @by FROM unnest(@phones, @reasons) AS t(phone, reason)
            ON CONFLICT DO NOTHING
            """,
            [
                new NpgsqlParameter("phones", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = phones.ToArray() },
                new NpgsqlParameter("reasons", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = reasons.ToArray() },
                new NpgsqlParameter("project", NpgsqlDbType.Integer) { Value = (object?)projectId ?? DBNull.Value },
                new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now },
                new NpgsqlParameter("by", NpgsqlDbType.Text) { Value = user.UserName },
            ], ct);
        var marked = phones.Count == 0 ? 0 : await DoNotCallLeads.MarkAsync(db, [.. phones], projectId, ct);
        await AuditInterceptor.WriteSystemAsync(db, user, now, nameof(DoNotCallEntry), projectId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "общий", new
        {
            Действие = "Загрузка списка", Файл = Path.GetFileName(fileName), Список = listName, Добавлено = added, Уже_в_списке = phones.Count - added,
            Повторы_в_файле = repeated, Отклонено = rejected.Count, Лидов_отмечено = marked,
        }, ct);
        await tx.CommitAsync(ct);

        Guid? rejectedFile = null;
        if (rejected.Count > 0)
        {
            rejectedFile = Guid.NewGuid();
            await File.WriteAllBytesAsync(RejectedPath(rejectedFile.Value), ImportSource.RejectedRowsCsv(headers, rejected), ct);
            RemoveOldRejectedFiles(now);
        }
        return new Result(added, phones.Count - added, repeated, rejected.Count, marked, listName, rejectedFile);
    }

    /// <summary>The lists a file may go on besides «Общий»: the live projects, by name.</summary>
    public Task<List<ListDoNotCall.ProjectChoice>> ProjectsAsync(CancellationToken ct) => ListDoNotCall.ProjectsAsync(db, ct);

    /// <summary>The rejected-rows CSV of a load, or null when there is none (or it was cleaned away).</summary>
    public async Task<byte[]?> RejectedFileAsync(Guid id, CancellationToken ct)
    {
        var path = RejectedPath(id);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    /// <summary>How long a rejected-rows file stays downloadable.</summary>
    public static readonly TimeSpan RejectedFileLifetime = TimeSpan.FromDays(7);

    // Rejected-rows files are only for the download right after a load: older ones are removed as new ones come.
    private void RemoveOldRejectedFiles(DateTime nowUtc)
    {
        foreach (var f in Directory.EnumerateFiles(files.Folder, "dnc-rejected-*.csv"))
            try { if (File.GetLastWriteTimeUtc(f) < nowUtc - RejectedFileLifetime) File.Delete(f); }
            catch (IOException) { } // another instance removed it, or it is being read: next time
    }

    private string RejectedPath(Guid id) => Path.Combine(files.Folder, $"dnc-rejected-{id:N}.csv");

    /// <summary>The column titled like a phone, else the first column where one of the first rows (or the header itself) reads as a phone.</summary>
    private static int? PhoneColumn(ImportTable table)
    {
        if (LeadColumns.GuessPhone(table.Headers) is { } titled) return titled;
        for (var c = 0; c < table.Headers.Count; c++)
            if (LeadPhone.Normalize(table.Headers[c]) is not null || table.Rows.Take(20).Any(r => LeadPhone.Normalize(r.Cells[c]) is not null)) return c;
        return null;
    }

    private static string Cut(string s) => s.Length > MaxReason ? s[..MaxReason] : s;

    // The reason column: titled like a reason or a comment, and not the phone column.
    private static int? ReasonColumn(IReadOnlyList<string> headers, int phoneColumn)
    {
        foreach (var w in new[] { "причин", "reason", "комментар", "comment", "примечан" })
            for (var i = 0; i < headers.Count; i++)
                if (i != phoneColumn && headers[i].Contains(w, StringComparison.OrdinalIgnoreCase)) return i;
        return null;
    }
}
