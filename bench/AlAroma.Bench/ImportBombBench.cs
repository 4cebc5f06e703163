using AlAroma.Web.Infrastructure.Import;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Infrastructure;
using ClosedXML.Excel;

namespace AlAroma.Bench;

/// <summary>
/// <c>import-bomb</c>: builds hostile and legitimate catalog files and uploads each in a fresh child process (so every
/// peak is its own), printing accepted/refused, time, peak working set and GC bytes allocated. The target is a peak
/// under 300 MiB for any upload. The child does what the upload handler does short of the INSERT: the form's bytes
/// copied into a MemoryStream, then <see cref="UploadCatalogImport.Detect"/> (limits, parse, guessed mapping, rows packed).
/// </summary>
internal static class ImportBombBench
{
    private const long TargetBytes = 300L * 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.FirstOrDefault() == "--one") return UploadOne(args[1]);
        var dir = Directory.CreateTempSubdirectory("alaroma-import-bomb-");
        try
        {
            var files = new List<(string Label, string Path)>
            {
                ("xlsx bomb, sheet expands to 1 GB", Build(dir, "bomb.xlsx", XlsxBomb)),
                ("csv, 200 000 columns", Build(dir, "wide.csv", WideCsv)),
                ("xlsx, 50 000 rows × 10 (ClosedXML)", Build(dir, "legit.xlsx", LegitXlsx)),
                ("csv, 50 000 rows × 10", Build(dir, "legit.csv", LegitCsv)),
                ("csv, 1 500 000 distinct cells (cell limit)", Build(dir, "max.csv", MaxCsv)),
                ("xlsx, 1 500 000 distinct cells (cell limit)", Build(dir, "max.xlsx", MaxXlsx)),
                ("csv, 20 MB of 1-char cells (over the limit)", Build(dir, "over.csv", OverCsv)),
            };
            Console.WriteLine($"{"file",-42} {"size",9} {"result",-60} {"s",6} {"peak WS",9} {"GC alloc",9}");
            var worst = 0L;
            foreach (var (label, path) in files)
            {
                var (line, peak) = await ChildAsync(path);
                worst = Math.Max(worst, peak);
                Console.WriteLine($"{label,-42} {Mib(new FileInfo(path).Length),9} {line}");
            }
            Console.WriteLine($"worst peak working set {Mib(worst)} (target < {Mib(TargetBytes)}): {(worst < TargetBytes ? "OK" : "OVER")}");
            return worst < TargetBytes ? 0 : 1;
        }
        finally { dir.Delete(true); }
    }

    private static string Build(DirectoryInfo dir, string name, Action<string> write)
    {
        var path = Path.Combine(dir.FullName, name);
        write(path);
        return path;
    }

    // A child process of this same program, so that its peak working set is this upload's alone.
    private static async Task<(string Line, long Peak)> ChildAsync(string file)
    {
        var exe = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(exe) == "dotnet") psi.ArgumentList.Add(typeof(ImportBombBench).Assembly.Location);
        foreach (var a in new[] { "import-bomb", "--one", file }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = (await p.StandardOutput.ReadToEndAsync()).Trim();
        await p.WaitForExitAsync();
        var parts = output.Split('\t');
        return parts.Length == 2 && long.TryParse(parts[1], out var peak) ? (parts[0], peak) : ($"child failed ({p.ExitCode}): {output}", long.MaxValue);
    }

    private static int UploadOne(string path)
    {
        var sw = Stopwatch.StartNew();
        string result;
        try
        {
            using var ms = new MemoryStream();
            using (var f = File.OpenRead(path)) f.CopyTo(ms);
            var import = UploadCatalogImport.Detect(Path.GetFileName(path), ms.ToArray());
            result = $"accepted: {import.Format}, {import.Mapping().Columns.Count} columns mapped, rows packed to {Mib(import.ParsedTable!.Length)}";
        }
        catch (BusinessRuleException e)
        {
            result = "refused: " + (e.Message.Length > 52 ? e.Message[..52] + "…" : e.Message);
        }
        var me = Process.GetCurrentProcess();
        me.Refresh();
        Console.WriteLine($"{result,-60} {sw.Elapsed.TotalSeconds,6:0.0} {Mib(me.PeakWorkingSet64),9} {Mib(GC.GetTotalAllocatedBytes(true)),9}\t{me.PeakWorkingSet64}");
        return 0;
    }

    private static string Mib(long bytes) => $"{bytes / (1024.0 * 1024):0.0} MiB";

    // 1 GiB of sheet XML that deflates about 1000:1: the same row over and over.
    private static void XlsxBomb(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var sheet = Sheet(zip);
        var row = "<row>" + string.Concat(Enumerable.Repeat("<c t=\"inlineStr\"><is><t>Aroma</t></is></c>", 10)) + "</row>";
        var chunk = string.Concat(Enumerable.Repeat(row, 1000));
        for (long written = 0; written < 1L << 30; written += chunk.Length) sheet.Write(chunk);
        sheet.Write("</sheetData></worksheet>");
    }

    // A minimal package (content types, workbook, its relationships) and the writer of its one sheet, <sheetData> opened.
    private static StreamWriter Sheet(ZipArchive zip)
    {
        void Part(string name, string xml)
        {
            using var w = new StreamWriter(zip.CreateEntry(name).Open());
            w.Write(xml);
        }
        Part("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
        Part("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        Part("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
        var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 1 << 20);
        sheet.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        return sheet;
    }

    private static void WideCsv(string path)
    {
        var header = string.Join(";", Enumerable.Range(1, 200_000).Select(i => "c" + i));
        File.WriteAllText(path, header + "\n" + header.Replace('c', 'v') + "\n");
    }

    private static readonly string[] Headers = ["Артикул", "Наименование", "Бренд", "Категория", "Объём, мл", "Концентрация", "Пол", "Цена, руб.", "Штрихкод", "Описание"];

    private static string[] Row(int i) =>
    [
        $"BN-{i:D6}", $"Аромат номер {i} парфюмерная вода", $"Бренд {i % 300}", "Парфюмерия", (50 + i % 3 * 25).ToString(), "EDP",
        (i % 3) switch { 0 => "женский", 1 => "мужской", _ => "унисекс" }, (990 + i % 9000).ToString(), "", $"Описание аромата {i}: ноты бергамота, розы и амбры.",
    ];

    private static void LegitXlsx(string path)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Каталог");
        for (var c = 0; c < Headers.Length; c++) ws.Cell(1, c + 1).Value = Headers[c];
        for (var i = 1; i <= 50_000; i++)
        {
            var r = Row(i);
            for (var c = 0; c < r.Length; c++) ws.Cell(i + 1, c + 1).Value = r[c];
        }
        wb.SaveAs(path);
    }

    private static void LegitCsv(string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(true));
        w.WriteLine(string.Join(';', Headers));
        for (var i = 1; i <= 50_000; i++) w.WriteLine(string.Join(';', Row(i)));
    }

    private const int MaxRows = ImportFile.MaxCells / 10;

    // The worst a CSV can be and still be accepted: as many cells as allowed, each distinct (9 digits), ~15 MB.
    private static void MaxCsv(string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine(string.Join(';', Headers));
        var rnd = new Random(1);
        for (var i = 1; i < MaxRows; i++) w.WriteLine(string.Join(';', Enumerable.Range(0, 10).Select(_ => rnd.Next(100_000_000, 999_999_999))));
    }

    // 20 MB of "1;1;1…": ten million cells, refused at the cell limit while being read.
    private static void OverCsv(string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        var line = string.Join(';', Enumerable.Repeat("1", 50));
        for (var i = 0; i < 200_000; i++) w.WriteLine(line);
    }

    // The worst an XLSX can be and still be accepted: as many cells as allowed, of distinct 10-character inline text.
    private static void MaxXlsx(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var sheet = Sheet(zip);
        var rnd = new Random(2);
        for (var i = 0; i < MaxRows; i++)
        {
            sheet.Write("<row>");
            for (var c = 0; c < 10; c++) sheet.Write($"<c t=\"inlineStr\"><is><t>x{rnd.Next(100_000_000, 999_999_999)}</t></is></c>");
            sheet.Write("</row>");
        }
        sheet.Write("</sheetData></worksheet>");
    }
}
