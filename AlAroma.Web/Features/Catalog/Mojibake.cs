using AlAroma.Web.Infrastructure.Import;
using System.Text;
using System.Text.RegularExpressions;

namespace AlAroma.Web.Features.Catalog;

/// <summary>
/// Text garbled before it reached us: UTF-8 bytes once read as Windows-1252 and saved again, so "Concentrée" became
/// "ConcentrÃ©e" and "’" became "â€™". Each run of Windows-1252 letters is encoded back to its bytes and read as
/// UTF-8; only a run that then is valid UTF-8 is replaced, so genuine "é" or "Narziß" stay as they are.
/// </summary>
public static partial class Mojibake
{
    // The characters Windows-1252 gives the bytes 0x80–0xFF (UTF-8 lead and continuation bytes all fall there).
    [GeneratedRegex("[\u0080-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]{2,}")]
    private static partial Regex Run();

    private static readonly Lazy<Encoding> Cp1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text as it was written ("ConcentrÃ©e" → "Concentrée"), or null when nothing in it looks garbled.</summary>
    public static string? Repair(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var changed = false;
        var repaired = Run().Replace(text, m =>
        {
            var fixedRun = RepairRun(m.Value);
            if (fixedRun is null) return m.Value;
            changed = true;
            return fixedRun;
        });
        return changed ? repaired : null;
    }

    /// <summary>The rows with garbled text: row number, the first garbled cell as in the file and as repaired.</summary>
    public static List<(int Row, string Garbled, string Repaired)> Find(ImportTable table)
    {
        var found = new List<(int, string, string)>();
        foreach (var row in table.Rows)
            foreach (var cell in row.Cells)
                if (Repair(cell) is { } repaired)
                {
                    found.Add((row.Number, cell, repaired));
                    break;
                }
        return found;
    }

    /// <summary>
    /// The part of a garbled cell and of its repair around the first garbled letter, at most
    /// <paramref name="context"/> characters either side ("…" marks a cut), for a notice that quotes an example:
    /// a whole product description would push the preview table off the screen.
    /// </summary>
    public static (string Garbled, string Repaired) Excerpt(string garbled, string repaired, int context = 40)
    {
        var first = 0;
        while (first < garbled.Length && first < repaired.Length && garbled[first] == repaired[first]) first++;
        var start = Math.Max(0, first - context);
        string Cut(string s)
        {
            var end = Math.Min(s.Length, first + context);
            return (start > 0 ? "…" : "") + s[start..end] + (end < s.Length ? "…" : "");
        }
        return (Cut(garbled), Cut(repaired));
    }

    /// <summary>The table with every garbled cell repaired (the same table when none is).</summary>
    public static ImportTable Repair(ImportTable table) =>
        table with { Rows = table.Rows.Select(r => r with { Cells = r.Cells.Select(c => Repair(c) ?? c).ToArray() }).ToList() };

    private static string? RepairRun(string run)
    {
        try
        {
            var decoded = StrictUtf8.GetString(Cp1252.Value.GetBytes(run));
            return decoded == run ? null : decoded;
        }
        catch (ArgumentException) // EncoderFallbackException / DecoderFallbackException: not a UTF-8 sequence
        {
            return null;
        }
    }
}
