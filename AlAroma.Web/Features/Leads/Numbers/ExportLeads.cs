using System.Globalization;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Time;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Numbers;

/// <summary>
/// A filter of «Номера» (<see cref="ListLeads.Filtered"/>) as CSV, streamed row by row from the database to the response
/// or a file, so an export of millions never sits in memory: UTF-8 with BOM, <c>;</c>, phones as digits (79161234567, what
/// dialers load), times in Moscow time, formula-like text quoted (<see cref="SpreadsheetText.ForCsv"/>); or as XLSX
/// (<see cref="WriteXlsxAsync"/>), continuing on the next sheet past Excel's 1 048 576 rows.
/// </summary>
public sealed class ExportLeads(AppDbContext db, ListLeads list)
{
    /// <summary>The header row.</summary>
    public static readonly string[] Headers =
        ["Телефон", "Проект", "Поставщик", "Регион", "Часовой пояс", "Статус", "Попыток", "Последний звонок", "Загружен", "Комментарий"];

    /// <summary>One exported number (the columns of <see cref="Headers"/>).</summary>
    public sealed record Row(long Phone, string Project, string? Supplier, string? Region, string TimeZoneId, LeadStatus Status, int Attempts,
        DateTime? LastCallAtUtc, DateTime LoadedAtUtc, string? Comment);

    /// <summary>The rows of the filter in id order, streamed.</summary>
    public IAsyncEnumerable<Row> RowsAsync(ListLeads.Input filter) =>
        (from l in list.Filtered(filter)
         join p in db.LeadProjects on l.ProjectId equals p.Id
         join s in db.LeadSuppliers on l.SupplierId equals s.Id into sj
         from s in sj.DefaultIfEmpty()
         orderby l.Id
         select new Row(l.Phone, p.Name, s.Name, l.Region, l.TimeZoneId, l.Status, l.Attempts, l.LastCallAtUtc, l.LoadedAtUtc, l.Comment))
        .AsAsyncEnumerable();

    /// <summary>Writes the CSV of <paramref name="filter"/> to <paramref name="output"/>; returns the rows written.</summary>
    public async Task<long> WriteCsvAsync(ListLeads.Input filter, Stream output, CancellationToken ct)
    {
        long n = 0;
        // The writer fills a 64 KB buffer that goes to the output asynchronously (a response stream refuses synchronous writes).
        using var buffer = new MemoryStream(80 * 1024);
        using var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default with { Separator = ';', WriteByteOrderMark = true }, leaveOpen: true);
        csv.WriteRecord(Headers);
        await foreach (var r in RowsAsync(filter).WithCancellation(ct))
        {
            csv.WriteRecord([
                r.Phone.ToString(CultureInfo.InvariantCulture), SpreadsheetText.ForCsv(r.Project), SpreadsheetText.ForCsv(r.Supplier),
                Numbering.RegionNames.NameOf(r.Region), r.TimeZoneId, LeadStatuses.Label(r.Status), r.Attempts.ToString(CultureInfo.InvariantCulture),
                r.LastCallAtUtc is { } c ? LocalTime.Format(c) : "", LocalTime.Format(r.LoadedAtUtc), SpreadsheetText.ForCsv(r.Comment),
            ]);
            n++;
            csv.Flush();
            if (buffer.Length >= 64 * 1024) await Drain(buffer, output, ct);
        }
        csv.Flush();
        await Drain(buffer, output, ct);
        return n;
    }

    /// <summary>Most rows of a worksheet (Excel's limit, 1 048 576, less the header row): a larger export continues on the next sheet.</summary>
    public const int RowsPerSheet = 1_048_575;

    /// <summary>
    /// Writes the XLSX of <paramref name="filter"/> to <paramref name="output"/> with SpreadCheetah's forward-only writer
    /// (rows streamed, memory flat whatever the count); sheets «Номера», «Номера 2»… of at most <paramref name="rowsPerSheet"/>
    /// rows each, every one with the header. Text goes in as text cells, never as formulas. Returns the rows written.
    /// </summary>
    public async Task<long> WriteXlsxAsync(ListLeads.Input filter, Stream output, CancellationToken ct, int rowsPerSheet = RowsPerSheet)
    {
        long n = 0;
        var sheet = 0;
        await using var xlsx = await SpreadCheetah.Spreadsheet.CreateNewAsync(output, cancellationToken: ct);
        var header = Headers.Select(h => new SpreadCheetah.DataCell(h)).ToArray();
        var cells = new SpreadCheetah.DataCell[Headers.Length];
        await foreach (var r in RowsAsync(filter).WithCancellation(ct))
        {
            if (n % rowsPerSheet == 0)
            {
                await xlsx.StartWorksheetAsync(++sheet == 1 ? "Номера" : $"Номера {sheet}", token: ct);
                await xlsx.AddRowAsync(header, ct);
            }
            cells[0] = new(r.Phone.ToString(CultureInfo.InvariantCulture));
            cells[1] = new(r.Project);
            cells[2] = new(r.Supplier);
            cells[3] = new(Numbering.RegionNames.NameOf(r.Region));
            cells[4] = new(r.TimeZoneId);
            cells[5] = new(LeadStatuses.Label(r.Status));
            cells[6] = new(r.Attempts);
            cells[7] = new(r.LastCallAtUtc is { } c ? LocalTime.Format(c) : null);
            cells[8] = new(LocalTime.Format(r.LoadedAtUtc));
            cells[9] = new(r.Comment);
            await xlsx.AddRowAsync(cells, ct);
            n++;
        }
        if (sheet == 0)
        {
            await xlsx.StartWorksheetAsync("Номера", token: ct);
            await xlsx.AddRowAsync(header, ct);
        }
        await xlsx.FinishAsync(ct);
        return n;
    }

    private static async Task Drain(MemoryStream buffer, Stream output, CancellationToken ct)
    {
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
        buffer.SetLength(0);
    }
}
