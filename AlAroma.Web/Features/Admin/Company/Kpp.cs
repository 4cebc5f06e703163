using System.Text.RegularExpressions;

namespace AlAroma.Web.Features.Admin.Company;

/// <summary>
/// КПП (код причины постановки на учёт): 9 characters, NNNN PP XXX — tax office code (4 digits), reason (2 digits or
/// capital Latin letters A–Z, Приказ ФНС от 29.06.2012 № ММВ-7-6/435@) and a serial number (3 digits). Pure: no I/O.
/// </summary>
public static partial class Kpp
{
    /// <summary>Null when <paramref name="kpp"/> is a well-formed КПП, otherwise a Russian message saying what to fix.</summary>
    public static string? Error(string? kpp)
    {
        var s = kpp?.Trim() ?? "";
        if (s.Length != 9) return $"КПП — 9 знаков, а введено {s.Length}. Возьмите его из свидетельства о постановке на учёт.";
        return Format().IsMatch(s) ? null : "КПП: 4 цифры, затем 2 цифры или латинские буквы, затем 3 цифры (например 770101001).";
    }

    [GeneratedRegex("^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$")]
    private static partial Regex Format();
}
