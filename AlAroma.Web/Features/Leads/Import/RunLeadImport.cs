using System.Diagnostics;
using System.Text.Json;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Leads.Numbering;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AlAroma.Web.Features.Leads.Import;

/// <summary>
/// Loads a mapped base into its project at the speed of PostgreSQL's bulk path (INTEGRATIONS.md "Bulk loading"): the file
/// is streamed row by row, each phone normalised (<see cref="LeadPhone"/>) and placed (<see cref="RussianNumberingPlan"/>,
/// the file's region column, libphonenumber's geocoder for fixed lines), the rows sent by binary COPY into a temporary
/// staging table, then one statement classifies the duplicates (file, do-not-call, project, all projects) and inserts
/// the rest. The whole run is one transaction — all or nothing: a cancel, an error or a killed process leaves no number of
/// it (<see cref="LeadImportWorker"/> marks a run whose process died). Progress and the cancel flag travel over a second
/// connection once a second. Memory stays flat whatever the file's size (rejected rows stream to their CSV on disk).
/// </summary>
public sealed class RunLeadImport(AppDbContext db, TimeProvider clock, ILogger<RunLeadImport> log)
{
    /// <summary>What the run did; <see cref="Status"/> is Done, Cancelled or Failed (then <see cref="Error"/> says why, in Russian).</summary>
    public sealed record Result(LeadImportStatus Status, long RowsRead, long Imported, long Requeued, long DuplicatesInFile, long DuplicatesInProject,
        long DuplicatesInSystem, long DoNotCall, long Invalid, TimeSpan Elapsed, string? Error)
    {
        /// <summary>How long reading, normalising and staging the rows took, of <see cref="Elapsed"/> (the rest is the classify-and-insert statement).</summary>
        public TimeSpan StagedIn { get; init; }

        /// <summary>Invalid rows by reason (for the CLI's summary).</summary>
        public IReadOnlyDictionary<PhoneRejection, long> InvalidByReason { get; init; } = new Dictionary<PhoneRejection, long>();
    }

    private const string StageTable = "lead_stage";

    /// <summary>PostgreSQL's <c>work_mem</c> for the load's transaction only (one load runs at a time per instance).</summary>
    public const string SortMemory = "256MB";

    /// <summary>Runs the import <paramref name="importId"/>, which must be Running (claimed by the worker or the CLI).</summary>
    /// <exception cref="BusinessRuleException">The import is unknown or not claimed.</exception>
    public async Task<Result> HandleAsync(Guid importId, CancellationToken ct)
    {
        var import = await db.LeadImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == importId, ct)
            ?? throw new BusinessRuleException("Загрузка не найдена.");
        if (import.Status != LeadImportStatus.Running) throw new BusinessRuleException("Эта загрузка сейчас не выполняется.");
        if (import.PhoneColumn is null) throw new BusinessRuleException("Сначала укажите столбец с телефоном.");
        var clockStart = Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        var rejectedPath = Path.ChangeExtension(import.StoredPath, ".rejected.csv");
        var counters = new Counters();

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await using var side = new NpgsqlConnection(db.Database.GetConnectionString());
        await side.OpenAsync(ct);
        // Ended at once when the load is over, instead of at the pulse's next second (half a second lost per run on average).
        using var stopPulse = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pulse = PulseAsync(side, importId, counters, cancel, stopPulse.Token);
        try
        {
            var result = await LoadAsync(import, now, rejectedPath, counters, clockStart, cancel.Token);
            counters.Stop = true;
            await stopPulse.CancelAsync();
            await pulse;
            Delete(import.StoredPath);
            return result;
        }
        catch (Exception e)
        {
            counters.Stop = true;
            await stopPulse.CancelAsync();
            await pulse;
            Delete(rejectedPath);
            var cancelled = counters.Cancelled;
            var status = counters.Cancelled ? LeadImportStatus.Cancelled : LeadImportStatus.Failed;
            var error = counters.Cancelled ? "Загрузка отменена. Ни один номер из неё не записан."
                : e is BusinessRuleException b ? b.Message
                : e is OperationCanceledException ? "Загрузка прервана: приложение останавливается. Ни один номер из неё не записан — запустите её снова."
                : "Загрузка не выполнена: " + e.Message + " Ни один номер из неё не записан.";
            if (!cancelled && e is not BusinessRuleException) log.LogError(e, "Lead import {ImportId} failed", importId);
            await FinishAsync(side, importId, status, error, counters, CancellationToken.None);
            if (status == LeadImportStatus.Cancelled) Delete(import.StoredPath);
            return new Result(status, counters.Rows, 0, 0, 0, 0, 0, 0, counters.Invalid, clockStart.Elapsed, error);
        }
    }

    private async Task<Result> LoadAsync(LeadImport import, DateTime now, string rejectedPath, Counters counters, Stopwatch clockStart, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The duplicate check sorts the staged rows by phone (which also makes the inserts into the phone indexes
        // sequential): in memory for a base of a million rows instead of an external merge on disk (−0.5 s per million).
        await Exec(conn, $"SET LOCAL work_mem = '{SortMemory}'", ct);
        await Exec(conn, $"CREATE TEMP TABLE {StageTable} (line bigint, phone bigint, region text, tz text, comment text, extra jsonb) ON COMMIT DROP", ct);

        var plan = RussianNumberingPlan.Default;
        var invalidBy = new Dictionary<PhoneRejection, long>();
        await using var rejected = new RejectedLeadsFile(rejectedPath);
        using (var reader = new LeadFileReader(import.StoredPath, import.Format, import.Encoding, import.Delimiter))
        {
            counters.Total = reader.Length;
            var phoneAt = import.PhoneColumn!.Value;
            var extraColumns = Enumerable.Range(0, import.Headers.Count)
                .Where(i => i != phoneAt && i != import.RegionColumn && i != import.CommentColumn).ToArray();
            await using var copy = await conn.BeginBinaryImportAsync(
                $"COPY {StageTable} (line, phone, region, tz, comment, extra) FROM STDIN (FORMAT BINARY)", ct);
            var first = true;
            foreach (var row in reader.Rows())
            {
                if (first) { first = false; continue; } // the header
                ct.ThrowIfCancellationRequested();
                counters.Rows++;
                counters.Bytes = reader.Position;
                var cell = Cell(row.Cells, phoneAt);
                var why = LeadPhone.Parse(cell, out var phone);
                if (why != PhoneRejection.None)
                {
                    counters.Invalid++;
                    invalidBy[why] = invalidBy.GetValueOrDefault(why) + 1;
                    rejected.Write(row.Number, cell, LeadPhone.Reason(why));
                    continue;
                }
                var (region, zone) = Place(phone, Cell(row.Cells, import.RegionColumn), plan);
                // Synchronous writes into Npgsql's buffer: a socket write only when it fills, instead of six awaits per row.
                copy.StartRow();
                copy.Write((long)row.Number, NpgsqlDbType.Bigint);
                copy.Write(phone, NpgsqlDbType.Bigint);
                Nullable(copy, region, NpgsqlDbType.Text);
                copy.Write(zone ?? DefaultZone, NpgsqlDbType.Text);
                Nullable(copy, Trim(Cell(row.Cells, import.CommentColumn), 2000), NpgsqlDbType.Text);
                Nullable(copy, Extra(import.Headers, row.Cells, extraColumns), NpgsqlDbType.Jsonb);
            }
            await copy.CompleteAsync(ct);
        }
        counters.Bytes = counters.Total;
        var stagedIn = clockStart.Elapsed;

        long imported = 0, requeued = 0, dupFile = 0, dupProject = 0, dupSystem = 0, dnc = 0;
        await using (var cmd = new NpgsqlCommand(ClassifyAndInsert, conn, (NpgsqlTransaction)tx.GetDbTransaction()))
        {
            cmd.CommandTimeout = 0;
            var dedup = import.Dedup;
            cmd.Parameters.Add(new("project", NpgsqlDbType.Integer) { Value = import.ProjectId });
            cmd.Parameters.Add(new("supplier", NpgsqlDbType.Integer) { Value = (object?)import.SupplierId ?? DBNull.Value });
            cmd.Parameters.Add(new("import", NpgsqlDbType.Uuid) { Value = import.Id });
            cmd.Parameters.Add(new("now", NpgsqlDbType.TimestampTz) { Value = now });
            cmd.Parameters.Add(new("in_project", NpgsqlDbType.Boolean) { Value = dedup.HasFlag(DedupOptions.Project) });
            cmd.Parameters.Add(new("in_system", NpgsqlDbType.Boolean) { Value = dedup.HasFlag(DedupOptions.System) });
            cmd.Parameters.Add(new("dnc", NpgsqlDbType.Boolean) { Value = dedup.HasFlag(DedupOptions.DoNotCall) });
            cmd.Parameters.Add(new("since", NpgsqlDbType.TimestampTz) { Value = import.SystemDays is { } d ? now.AddDays(-d) : DateTime.UnixEpoch });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                if (r.GetInt32(0) == 1) { imported = r.GetInt64(4); requeued = r.GetInt64(5); continue; }
                var reason = r.GetInt32(3);
                switch (reason) { case 1: dupFile++; break; case 2: dupProject++; break; case 3: dupSystem++; break; default: dnc++; break; }
                rejected.Write(r.GetInt64(1), r.GetInt64(2).ToString(System.Globalization.CultureInfo.InvariantCulture), reason switch
                {
                    1 => "Повтор номера в этом файле",
                    2 => "Номер уже есть в проекте",
                    3 => "Номер уже есть в другом проекте",
                    _ => "Номер в списке «Не звонить»",
                });
            }
        }
        await rejected.DisposeAsync();
        var anyRejected = counters.Invalid + dupFile + dupProject + dupSystem + dnc > 0;
        if (!anyRejected) Delete(rejectedPath);

        var elapsed = clockStart.Elapsed;
        counters.CountRows();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE lead_imports SET status = 'Done', rows_read = {counters.Rows}, bytes_read = {counters.Total}, imported = {imported},
                requeued = {requeued}, duplicates_in_file = {dupFile}, duplicates_in_project = {dupProject},
                duplicates_in_system = {dupSystem}, do_not_call = {dnc}, invalid = {counters.Invalid},
                rejected_path = {(anyRejected ? rejectedPath : null)}, finished_at_utc = {clock.GetUtcNow().UtcDateTime}, heartbeat_at_utc = {clock.GetUtcNow().UtcDateTime}, error = NULL
            WHERE id = {import.Id}
            """, ct);
        // One audit entry per import: who, which file, into which project, the counts.
        await AuditInterceptor.WriteSystemAsync(db, new NamedUser(null, import.CreatedBy ?? "system"), now, "Загрузка базы", import.Id.ToString(), new
        {
            Проект = import.ProjectId, Файл = import.FileName, Строк = counters.Rows, Загружено = imported, Возвращено_в_работу = requeued,
            Повторы_в_файле = dupFile, Уже_в_проекте = dupProject, В_других_проектах = dupSystem, Не_звонить = dnc, Неверный_номер = counters.Invalid,
        }, ct);
        await tx.CommitAsync(ct);
        return new Result(LeadImportStatus.Done, counters.Rows, imported, requeued, dupFile, dupProject, dupSystem, dnc, counters.Invalid, elapsed, null)
        {
            InvalidByReason = invalidBy,
            StagedIn = stagedIn,
        };
    }

    /// <summary>Where numbers of no known region are called: the chain's own zone.</summary>
    public const string DefaultZone = "Europe/Moscow";

    // The file's region column first (when it names a region we know), else the plan for a mobile, the geocoder for a fixed line.
    private static (string? Region, string? Zone) Place(long phone, string regionCell, RussianNumberingPlan plan)
    {
        if (RegionNames.Match(regionCell) is { } slug) return (slug, RegionNames.TimeZoneOf(slug));
        if (phone / 1_000_000_000 == 79)
        {
            var found = plan.FindPlace(phone);
            return found is null || found.RegionSlug == RussianNumberingPlan.AllRussia ? (null, null) : (found.RegionSlug, found.TimeZoneId);
        }
        return LeadPhone.GeocodeFixedLine(phone);
    }

    /// <summary>
    /// The classification and the insert in one statement: the first row of a phone wins within the file; then the
    /// do-not-call lists, the project, the other projects (loaded since @since), each only when chosen; what is left is
    /// inserted, or — without the project check — an existing number of the project is put back to work. The rejected
    /// rows come back with their reason (1 file, 2 project, 3 system, 4 do-not-call), and one row (kind 1) carries the counts.
    /// </summary>
    private const string ClassifyAndInsert = $"""
        WITH ranked AS (
            SELECT s.*, row_number() OVER (PARTITION BY s.phone ORDER BY s.line) AS n FROM {StageTable} s
        ), classified AS (
            SELECT r.line, r.phone, r.region, r.tz, r.comment, r.extra,
                   CASE WHEN r.n > 1 THEN 1
                        WHEN @dnc AND EXISTS (SELECT 1 FROM lead_do_not_call d WHERE d.phone = r.phone AND (d.project_id IS NULL OR d.project_id = @project)) THEN 4
                        WHEN @in_project AND EXISTS (SELECT 1 FROM leads l WHERE l.project_id = @project AND l.phone = r.phone) THEN 2
                        WHEN @in_system AND EXISTS (SELECT 1 FROM leads l WHERE l.phone = r.phone AND l.project_id <> @project AND l.loaded_at_utc >= @since) THEN 3
                   END AS reason
            FROM ranked r
        ), ins AS (
            INSERT INTO leads (project_id, phone, supplier_id, region, time_zone_id, status, attempts, queue_at_utc, comment, extra, loaded_at_utc, import_id)
            SELECT @project, c.phone, @supplier, c.region, c.tz, 0, 0, @now, c.comment, c.extra, @now, @import FROM classified c WHERE c.reason IS NULL
            ON CONFLICT (project_id, phone) DO UPDATE
                SET status = 0, attempts = 0, queue_at_utc = @now, supplier_id = excluded.supplier_id, region = excluded.region,
                    time_zone_id = excluded.time_zone_id, extra = excluded.extra, loaded_at_utc = @now, import_id = @import, taken_by = NULL, taken_until_utc = NULL
                WHERE NOT @in_project
            RETURNING (xmax = 0) AS inserted
        )
        SELECT 0 AS kind, c.line, c.phone, c.reason, 0::bigint, 0::bigint FROM classified c WHERE c.reason IS NOT NULL
        UNION ALL
        SELECT 1, 0, 0, 0, count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM ins
        """;

    // Once a second: the counters and a heartbeat to the import's row; a cancel asked for there cancels the run.
    private static async Task PulseAsync(NpgsqlConnection side, Guid id, Counters c, CancellationTokenSource cancel, CancellationToken ct)
    {
        while (!c.Stop)
        {
            try { await Task.Delay(1000, ct); } catch (OperationCanceledException) { return; }
            if (c.Stop) return;
            c.CountRows();
            await using var cmd = new NpgsqlCommand(
                "UPDATE lead_imports SET rows_read = @r, bytes_read = @b, invalid = @i, heartbeat_at_utc = now() WHERE id = @id RETURNING cancel_requested", side);
            cmd.Parameters.AddWithValue("r", c.Rows);
            cmd.Parameters.AddWithValue("b", c.Bytes);
            cmd.Parameters.AddWithValue("i", c.Invalid);
            cmd.Parameters.AddWithValue("id", id);
            try
            {
                if (await cmd.ExecuteScalarAsync(CancellationToken.None) is true)
                {
                    c.Cancelled = true;
                    await cancel.CancelAsync();
                    return;
                }
            }
            catch (NpgsqlException) { return; }
        }
    }

    private static async Task FinishAsync(NpgsqlConnection side, Guid id, LeadImportStatus status, string error, Counters c, CancellationToken ct)
    {
        try
        {
            await using var cmd = new NpgsqlCommand("""
                UPDATE lead_imports SET status = @s, error = @e, rows_read = @r, bytes_read = @b, invalid = @i, imported = 0, requeued = 0,
                    duplicates_in_file = 0, duplicates_in_project = 0, duplicates_in_system = 0, do_not_call = 0, rejected_path = NULL,
                    finished_at_utc = now(), heartbeat_at_utc = now()
                WHERE id = @id
                """, side);
            cmd.Parameters.AddWithValue("s", status.ToString());
            cmd.Parameters.AddWithValue("e", error);
            cmd.Parameters.AddWithValue("r", c.Rows);
            cmd.Parameters.AddWithValue("b", c.Bytes);
            cmd.Parameters.AddWithValue("i", c.Invalid);
            cmd.Parameters.AddWithValue("id", id);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        catch (NpgsqlException) { /* the database is gone too: the worker marks the run when it comes back */ }
    }

    private sealed class Counters
    {
        public long Rows, Bytes, Total, Invalid;
        public volatile bool Stop, Cancelled;
        private long _counted;

        /// <summary>Adds the rows read since the last call to the import rows metric (its rate is rows per second).</summary>
        public void CountRows()
        {
            var rows = Interlocked.Read(ref Rows);
            var before = Interlocked.Exchange(ref _counted, rows);
            if (rows > before) Infrastructure.Observability.AppMetrics.ImportRows.Add(rows - before, new KeyValuePair<string, object?>("kind", "leads"));
        }
    }

    private static string Cell(string[] cells, int? at) => at is { } i && i < cells.Length ? cells[i] : "";

    private static string? Trim(string s, int max)
    {
        s = s.Trim();
        return s.Length == 0 ? null : s.Length > max ? s[..max] : s;
    }

    // The other columns as {"header": "value"}, empty values left out; null when nothing is left.
    private static string? Extra(IReadOnlyList<string> headers, string[] cells, int[] columns)
    {
        Dictionary<string, string>? d = null;
        foreach (var i in columns)
        {
            if (i >= cells.Length || string.IsNullOrWhiteSpace(cells[i])) continue;
            (d ??= [])[headers[i]] = cells[i].Trim();
        }
        return d is null ? null : JsonSerializer.Serialize(d);
    }

    private static void Nullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, type);
    }

    private static async Task Exec(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void Delete(string? path)
    {
        try { if (path is not null && File.Exists(path)) File.Delete(path); } catch (IOException) { }
    }
}
