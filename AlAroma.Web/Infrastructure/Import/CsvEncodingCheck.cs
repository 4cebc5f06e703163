using System.Text;
using System.Text.Unicode;

namespace AlAroma.Web.Infrastructure.Import;

/// <summary>A warning about how the chosen encoding reads a CSV, with the lines concerned decoded the right way.</summary>
/// <param name="Blocks">True when importing this way would write garbage: the import is refused until the person fixes it.</param>
/// <param name="Message">What is wrong and what to do, in Russian.</param>
/// <param name="Lines">Some of the lines concerned: line number in the file (1 = first line) and its text as decoded line by line.</param>
public sealed record EncodingNotice(bool Blocks, string Message, IReadOnlyList<(int Line, string Text)> Lines);

/// <summary>
/// Decides the encoding of a CSV line by line: a line with non-ASCII bytes is UTF-8 when it decodes as strict UTF-8,
/// else single-byte (Windows-1251 or -1252, see <see cref="ImportFile.DetectEncoding"/>). A file with lines of both
/// kinds (pasted together from two exports) is "mixed": each line is then decoded in its own encoding, and a single
/// encoding chosen for the whole file is refused, because it turns some lines into "ÐÑ€Ð¾Ð¼Ð°Ñ‚" or "�".
/// </summary>
public static class CsvEncodingCheck
{
    /// <summary>Lines quoted in a notice (all are counted in its message).</summary>
    public const int ShownLines = 10;

    /// <summary>The lines with non-ASCII bytes (1-based numbers), split into valid UTF-8 and not; a BOM is skipped.</summary>
    public static (List<int> Utf8, List<int> SingleByte) Classify(ReadOnlySpan<byte> bytes)
    {
        List<int> utf8 = [], other = [];
        var line = 1;
        foreach (var range in Lines(bytes))
        {
            var l = bytes[range];
            if (!Ascii.IsValid(l)) (Utf8.IsValid(l) ? utf8 : other).Add(line);
            line++;
        }
        return (utf8, other);
    }

    /// <summary>The single-byte encoding ("windows-1251" or "windows-1252") of the lines that are not UTF-8.</summary>
    public static string SingleByteEncoding(ReadOnlySpan<byte> bytes)
    {
        var buffer = new List<byte>();
        foreach (var range in Lines(bytes))
            if (!Utf8.IsValid(bytes[range])) { buffer.AddRange(bytes[range]); buffer.Add((byte)'\n'); }
        return ImportFile.SingleByteEncoding(buffer.ToArray());
    }

    /// <summary>Decodes each line in its own encoding: UTF-8 when valid, else <paramref name="singleByte"/>; line breaks kept.</summary>
    public static string DecodeByLine(ReadOnlySpan<byte> bytes, string singleByte)
    {
        var sb = new StringBuilder(bytes.Length);
        var fallback = ImportFile.EncodingFor(singleByte);
        var first = true;
        foreach (var range in Lines(bytes))
        {
            if (!first) sb.Append('\n');
            first = false;
            var l = bytes[range];
            sb.Append(Utf8.IsValid(l) ? Encoding.UTF8.GetString(l) : fallback.GetString(l));
        }
        return sb.ToString();
    }

    /// <summary>
    /// What is wrong with reading <paramref name="bytes"/> as <paramref name="encoding"/> (one of <see cref="ImportFile.Encodings"/>),
    /// or null when nothing is: a mixed file read as one encoding, a UTF-8 file read as Windows-125x, a Windows-125x file
    /// read as UTF-8 (all blocking); a file that looks Windows-1251 read as Windows-1252 or back (a warning only: that guess may be wrong).
    /// </summary>
    public static EncodingNotice? Check(byte[] bytes, string encoding)
    {
        var body = WithoutBom(bytes, out var bom);
        var effective = bom && encoding != ImportFile.Mixed ? "utf-8" : encoding;
        var (utf8, other) = Classify(body);
        if (utf8.Count == 0 && other.Count == 0) return null;
        var singleByte = other.Count > 0 ? SingleByteEncoding(body) : "windows-1251";
        var singleLabel = ImportFile.Label(singleByte);
        if (utf8.Count > 0 && other.Count > 0)
        {
            // The fewer lines are the ones to look at (on a tie, the ones that are not UTF-8).
            var (few, many) = utf8.Count < other.Count ? (utf8, "UTF-8") : (other, singleLabel);
            var rest = few == utf8 ? singleLabel : "UTF-8";
            var lines = Quote(body, few, singleByte);
            if (effective == ImportFile.Mixed)
                return new EncodingNotice(false,
                    $"Строки в разных кодировках: {Numbers(few)} — в {many}, остальные — в {rest}. Каждая строка прочитана в своей кодировке; проверьте текст ниже.", lines);
            return new EncodingNotice(true,
                $"Файл не в одной кодировке: {Numbers(few)} — в {many}, остальные — в {rest}. Выберите кодировку «{ImportFile.Label(ImportFile.Mixed)}» " +
                "(каждая строка будет прочитана в своей) или сохраните файл в одной кодировке и загрузите снова. Ниже — эти строки, прочитанные правильно.", lines);
        }
        if (utf8.Count > 0 && effective is "windows-1251" or "windows-1252")
            return new EncodingNotice(true,
                $"Файл в кодировке UTF-8, а выбрана {ImportFile.Label(effective)}: буквы превратятся в «кракозябры». Выберите UTF-8. Так строки читаются в UTF-8:",
                Quote(body, utf8, singleByte));
        if (other.Count > 0 && effective == "utf-8")
            return new EncodingNotice(true,
                $"{Numbers(other)} не читаются как UTF-8 (вместо букв будут «�»). Похоже, файл в {singleLabel}: выберите эту кодировку. Так строки читаются в {singleLabel}:",
                Quote(body, other, singleByte));
        if (other.Count > 0 && effective != singleByte && effective != ImportFile.Mixed)
            return new EncodingNotice(false,
                $"Похоже, файл в {singleLabel}, а выбрана {ImportFile.Label(effective)}. Если в образце «кракозябры» — выберите {singleLabel}. Так строки читаются в {singleLabel}:",
                Quote(body, other, singleByte));
        return null;
    }

    /// <summary>The bytes after a UTF-8 byte order mark, if there is one.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes, out bool bom)
    {
        bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        return bom ? bytes[3..] : bytes;
    }

    // "строки 3, 7, 12" / "строка 5", the first 20 numbers and how many more.
    private static string Numbers(List<int> lines)
    {
        var shown = string.Join(", ", lines.Take(20));
        var more = lines.Count > 20 ? $" и ещё {lines.Count - 20}" : "";
        return (lines.Count == 1 ? "строка " : "строки ") + shown + more;
    }

    private static List<(int, string)> Quote(ReadOnlySpan<byte> bytes, List<int> lines, string singleByte)
    {
        var wanted = lines.Take(ShownLines).ToHashSet();
        var fallback = ImportFile.EncodingFor(singleByte);
        var result = new List<(int, string)>();
        var n = 1;
        foreach (var range in Lines(bytes))
        {
            if (wanted.Contains(n))
            {
                var l = bytes[range];
                var text = (Utf8.IsValid(l) ? Encoding.UTF8.GetString(l) : fallback.GetString(l)).TrimEnd('\r');
                result.Add((n, text.Length > 300 ? text[..300] + "…" : text));
                if (result.Count == wanted.Count) break;
            }
            n++;
        }
        return result;
    }

    // The byte ranges of the lines, split at "\n" (a "\r" before it stays with the line: it is ASCII in all three encodings).
    private static List<Range> Lines(ReadOnlySpan<byte> bytes)
    {
        var ranges = new List<Range>();
        var start = 0;
        while (start <= bytes.Length)
        {
            var i = bytes[start..].IndexOf((byte)'\n');
            if (i < 0)
            {
                if (start < bytes.Length) ranges.Add(start..bytes.Length);
                break;
            }
            ranges.Add(start..(start + i));
            start += i + 1;
        }
        return ranges;
    }
}
