using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Catalog;

/// <summary>
/// <c>import-catalog &lt;file&gt; [--unpriced]</c>: imports a CSV/XLSX catalog with the detected encoding, delimiter and
/// column mapping, prints the counts and the rejected rows with reasons. Before writing anything it prints what the
/// preview would warn about, and refuses when the encoding would garble text or when new products would get no price
/// (no price column recognised) unless <c>--unpriced</c> says that is meant. Exit code 0 on success, 1 when the file is
/// missing or unreadable, the import is refused, or it fails.
/// </summary>
public static class ImportCatalogCommand
{
    public const string Name = "import-catalog";
    public const string Usage = "import-catalog <file> [--unpriced]        import products from CSV/XLSX (auto-detected mapping; --unpriced: new products may have no price)";

    /// <summary>The flag that lets new products be created without a price column.</summary>
    public const string UnpricedFlag = "--unpriced";

    /// <summary>Runs the command with the scope's services, writing to the console.</summary>
    public static async Task<int> RunAsync(IServiceProvider sp, string[] args) => await RunAsync(sp, args, Console.Out, Console.Error);

    /// <summary>Runs the command with the scope's services, writing the report to <paramref name="output"/> and errors to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(IServiceProvider sp, string[] args, TextWriter output, TextWriter error)
    {
        var unpriced = args.Contains(UnpricedFlag);
        var files = args.Where(a => a != UnpricedFlag).ToArray();
        if (files.Length != 1 || files[0].StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("usage: " + Usage);
            return 1;
        }
        var path = files[0];
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"error: file not found: {path}");
            return 1;
        }
        try
        {
            var id = await sp.GetRequiredService<UploadCatalogImport>().HandleAsync(path, await File.ReadAllBytesAsync(path), CancellationToken.None);
            var import = await sp.GetRequiredService<MapCatalogImport>().GetAsync(id, null, null, CancellationToken.None);
            var mapping = import.Mapping;
            await output.WriteLineAsync($"File: {Path.GetFileName(path)} ({import.Format}{(import.Format == "csv" ? $", {mapping.Encoding}, {mapping.Delimiter}" : "")}), {import.TotalRows} rows");
            await output.WriteLineAsync("Columns: " + string.Join(", ", mapping.Columns.OrderBy(c => c.Value).Select(c => $"{import.Headers[c.Value]} → {c.Key}")));
            var input = new MapCatalogImport.Input
            {
                Columns = mapping.Columns.ToDictionary(c => c.Key.ToString(), c => c.Value),
                DefaultPrice = "0",
            };
            if (await sp.GetRequiredService<MapCatalogImport>().SaveAsync(id, input, CancellationToken.None) is { } invalid)
            {
                foreach (var e in invalid.Errors.Values) await error.WriteLineAsync("error: " + e);
                return 1;
            }
            var preview = await sp.GetRequiredService<PreviewCatalogImport>().HandleAsync(id, CancellationToken.None);
            if (preview.Encoding is { } notice)
            {
                await (notice.Blocks ? error : output).WriteLineAsync((notice.Blocks ? "error: " : "warning: ") + notice.Message);
                foreach (var (line, text) in notice.Lines) await output.WriteLineAsync($"  line {line}: {text}");
                if (notice.Blocks) return 1;
            }
            foreach (var missing in preview.Missing)
                await (unpriced ? output : error).WriteLineAsync((unpriced ? "warning: " : "error: ") + missing);
            if (preview.Missing.Count > 0 && !unpriced)
            {
                await error.WriteLineAsync($"error: nothing imported. Add a price column to the file, or run again with {UnpricedFlag} to create the new products without a price.");
                return 1;
            }
            var r = await sp.GetRequiredService<RunCatalogImport>().HandleAsync(id, CancellationToken.None);
            await output.WriteLineAsync($"Created: {r.Created}, updated: {r.Updated}, unchanged: {r.Unchanged}, rejected: {r.Rejected}");
            foreach (var (row, reason) in r.RejectedRows) await output.WriteLineAsync($"  row {row}: {reason}");
            return 0;
        }
        catch (BusinessRuleException e)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return 1;
        }
    }
}
