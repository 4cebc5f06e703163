namespace AlAroma.Web.Infrastructure;

/// <summary>
/// Text cells written to files people open in Excel or LibreOffice: a cell that starts with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, tab or CR is taken there for a formula and run (OWASP "CSV Injection"). Every CSV and Excel
/// export asks this one class whether a text needs defusing.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>True when a spreadsheet would read <paramref name="text"/> as a formula (the OWASP list of first characters).</summary>
    public static bool LooksLikeFormula(string? text) =>
        !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>
    /// The text for a CSV cell: a formula-like text gets a leading single quote, which Excel shows as text and
    /// hides (OWASP's advice); any other text as is.
    /// </summary>
    public static string ForCsv(string? text) => LooksLikeFormula(text) ? "'" + text : text ?? "";

    /// <summary>
    /// The inverse of <see cref="ForCsv"/> for a file coming back (a rejected-rows CSV fixed and uploaded again):
    /// the quote before a formula-like text is dropped, any other text is returned as is.
    /// </summary>
    public static string FromCsv(string text) => text.Length > 1 && text[0] == '\'' && LooksLikeFormula(text[1..]) ? text[1..] : text;
}
