namespace AlAroma.Tests.Warehouse.Labels;

/// <summary>
/// A small EAN-13 reader written for the tests, independently of the renderer: scans horizontal lines of an
/// image, binarises each at the midpoint of its darkest and lightest pixel, measures run lengths, finds the 59 runs
/// between a light quiet zone and the end guard, normalises each digit's four runs to its 7 modules, matches them
/// against the number sets A/B/C by width, derives the first digit from the A/B parity and checks the check digit.
/// </summary>
public static class Ean13Scanner
{
    /// <summary>Run widths (space, bar, space, bar) of number set A by digit; set B is set A mirrored, set C equals set A starting with a bar.</summary>
    private static readonly int[][] SetAWidths =
    [
        [3, 2, 1, 1], [2, 2, 2, 1], [2, 1, 2, 2], [1, 4, 1, 1], [1, 1, 3, 2],
        [1, 2, 3, 1], [1, 1, 1, 4], [1, 3, 1, 2], [1, 2, 1, 3], [3, 1, 1, 2],
    ];

    /// <summary>A/B pattern of digits 2…7 → first digit.</summary>
    private static readonly string[] Parity = ["AAAAAA", "AABABB", "AABBAB", "AABBBA", "ABAABB", "ABBAAB", "ABBBAA", "ABABAB", "ABABBA", "ABBABA"];

    /// <summary>The code read on most lines of the image, or null when no line decodes.</summary>
    public static string? Decode(PngImage image)
    {
        var reads = new Dictionary<string, int>();
        for (var y = 0; y < image.Height; y++)
            if (DecodeRow(image.Row(y)) is { } code) reads[code] = reads.GetValueOrDefault(code) + 1;
        return reads.Count == 0 ? null : reads.MaxBy(r => r.Value).Key;
    }

    /// <summary>Number of image lines that decode to <paramref name="code"/> (how much of the symbol height reads).</summary>
    public static int LinesReading(PngImage image, string code)
    {
        var n = 0;
        for (var y = 0; y < image.Height; y++) if (DecodeRow(image.Row(y)) == code) n++;
        return n;
    }

    /// <summary>Decodes one scan line of luminance values (0 = black), or null.</summary>
    public static string? DecodeRow(ReadOnlySpan<byte> line)
    {
        if (line.Length == 0) return null;
        int min = 255, max = 0;
        foreach (var v in line) { min = Math.Min(min, v); max = Math.Max(max, v); }
        if (max - min < 80) return null;
        var threshold = (min + max) / 2;

        var runs = new List<(bool Dark, int Length)>();
        foreach (var v in line)
        {
            var dark = v < threshold;
            if (runs.Count > 0 && runs[^1].Dark == dark) runs[^1] = (dark, runs[^1].Length + 1);
            else runs.Add((dark, 1));
        }

        for (var i = 1; i + 59 <= runs.Count; i++)
        {
            if (!runs[i].Dark) continue;
            if (TryDecodeAt(runs, i) is { } code) return code;
        }
        return null;
    }

    private static string? TryDecodeAt(List<(bool Dark, int Length)> runs, int start)
    {
        double total = 0;
        for (var k = 0; k < 59; k++) total += runs[start + k].Length;
        var module = total / 95;
        if (module < 1) return null;
        if (runs[start - 1].Length < 9 * module) return null;
        if (start + 59 < runs.Count && runs[start + 59].Length < 5 * module) return null;
        if (!IsGuard(runs, start, 3, module) || !IsGuard(runs, start + 27, 5, module) || !IsGuard(runs, start + 56, 3, module)) return null;

        var digits = new int[13];
        var parity = new char[6];
        for (var d = 0; d < 6; d++)
        {
            var (digit, set) = MatchDigit(runs, start + 3 + 4 * d, left: true);
            if (digit < 0) return null;
            digits[1 + d] = digit;
            parity[d] = set;
        }
        for (var d = 0; d < 6; d++)
        {
            var (digit, _) = MatchDigit(runs, start + 32 + 4 * d, left: false);
            if (digit < 0) return null;
            digits[7 + d] = digit;
        }
        var first = Array.IndexOf(Parity, new string(parity));
        if (first < 0) return null;
        digits[0] = first;

        var sum = 0;
        for (var k = 0; k < 12; k++) sum += digits[k] * (k % 2 == 0 ? 1 : 3);
        if ((10 - sum % 10) % 10 != digits[12]) return null;
        return string.Concat(digits);
    }

    private static bool IsGuard(List<(bool Dark, int Length)> runs, int at, int count, double module)
    {
        for (var k = 0; k < count; k++)
        {
            var m = runs[at + k].Length / module;
            if (m < 0.5 || m > 1.6) return false;
        }
        return true;
    }

    /// <summary>Best-matching digit of the four runs at <paramref name="at"/>, and its set ('A', 'B' or 'C'); -1 when none is close.</summary>
    private static (int Digit, char Set) MatchDigit(List<(bool Dark, int Length)> runs, int at, bool left)
    {
        double width = 0;
        for (var k = 0; k < 4; k++) width += runs[at + k].Length;
        var unit = width / 7;
        var best = (Digit: -1, Set: ' ', Error: double.MaxValue);
        for (var d = 0; d < 10; d++)
        {
            var a = SetAWidths[d];
            var candidates = left ? new[] { ('A', a), ('B', a.Reverse().ToArray()) } : new[] { ('C', a) };
            foreach (var (set, widths) in candidates)
            {
                double error = 0;
                for (var k = 0; k < 4; k++)
                {
                    var diff = runs[at + k].Length / unit - widths[k];
                    error += diff * diff;
                }
                if (error < best.Error) best = (d, set, error);
            }
        }
        return best.Error < 1.2 ? (best.Digit, best.Set) : (-1, ' ');
    }
}
