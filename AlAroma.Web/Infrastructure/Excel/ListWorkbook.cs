namespace AlAroma.Web.Infrastructure.Excel;

/// <summary>
/// "Экспорт в Excel" of a back-office list: one sheet holding the filtered list in the order shown, laid out by
/// <see cref="ExcelSheetWriter"/> like every report.
/// </summary>
public static class ListWorkbook
{
    /// <summary>Most rows one export holds; a longer list asks for a narrower filter (Excel stays responsive).</summary>
    public const int MaxRows = 50_000;

    /// <summary>The .xlsx bytes and the ASCII download name "<paramref name="filePrefix"/>-yyyy-MM-dd.xlsx" of <paramref name="today"/> (local).</summary>
    /// <param name="title">Title of the sheet and the workbook, e.g. "Каталог".</param>
    /// <param name="subtitle">What the list was filtered by, in words.</param>
    /// <param name="sheetName">Name of the sheet when it is not the title (at most 31 characters, no : \ / ? * [ ]); the title cut to 31 characters otherwise.</param>
    public static (byte[] Content, string FileName) Build<T>(string title, string filePrefix, DateOnly today, string? subtitle,
        IReadOnlyList<ExcelColumn<T>> columns, IReadOnlyList<T> rows, string emptyText = "Нет данных по этим условиям", string? sheetName = null)
    {
        using var wb = ExcelSheetWriter.NewWorkbook(title);
        ExcelSheetWriter.Table(wb, sheetName ?? (title.Length > 31 ? title[..31] : title), title, subtitle, columns, rows, emptyText);
        return (ExcelSheetWriter.ToBytes(wb), ExcelSheetWriter.FileName(filePrefix, today));
    }

    /// <summary>"Фильтр: a; b" from the filters that are set (empty ones left out), or "Все записи".</summary>
    public static string Subtitle(params (string Label, string? Value)[] filters)
    {
        var set = filters.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => $"{f.Label}: {f.Value}").ToList();
        return set.Count == 0 ? "Все записи" : "Фильтр — " + string.Join("; ", set);
    }
}
