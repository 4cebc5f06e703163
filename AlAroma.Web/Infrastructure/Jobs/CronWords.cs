using System.Text.RegularExpressions;

namespace AlAroma.Web.Infrastructure.Jobs;

/// <summary>
/// A Quartz cron expression (seconds minutes hours day-of-month month day-of-week) in Russian words for the
/// «Задания» page: «ежедневно в 03:00», «каждые 5 минут», «каждый час в :30», «по понедельникам в 09:00»,
/// «по будням в 08:00», «1-го числа каждого месяца в 04:00». The forms the app's schedules use are put in words;
/// anything else is shown as the expression itself («по расписанию 0 15 10 L * ?»), never guessed at.
/// </summary>
public static partial class CronWords
{
    private static readonly string[] DayCodes = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    // Dative plural, as in «по понедельникам».
    private static readonly string[] DaysDative = ["воскресеньям", "понедельникам", "вторникам", "средам", "четвергам", "пятницам", "субботам"];

    /// <summary>The schedule in words; the expression is read in the time zone its trigger was given.</summary>
    public static string Describe(string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron)) return "вручную";
        var f = cron.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length is < 6 or > 7 || f[0] != "0" || f[4] != "*" || (f.Length == 7 && f[6] != "*")) return Raw(cron);
        var (min, hour, dom, dow) = (f[1], f[2], f[3], f[5]);
        var anyDay = dom is "*" or "?" && dow is "*" or "?";

        if (anyDay && hour == "*" && min == "*") return "каждую минуту";
        if (anyDay && hour == "*" && Every(min) is { } everyMinutes)
            return everyMinutes == 1 ? "каждую минуту" : $"каждые {everyMinutes} {Plural.Of(everyMinutes, "минуту", "минуты", "минут")}";
        if (anyDay && hour == "*" && Number(min, 59) is { } m) return m == 0 ? "каждый час" : $"каждый час в :{m:D2}";
        if (anyDay && min == "0" && Every(hour) is { } everyHours)
            return everyHours == 1 ? "каждый час" : $"каждые {everyHours} {Plural.Of(everyHours, "час", "часа", "часов")}";

        if (Number(min, 59) is not { } mm || Number(hour, 23) is not { } hh) return Raw(cron);
        var at = $"в {hh:D2}:{mm:D2}";
        if (anyDay) return $"ежедневно {at}";
        if (dom is "?" or "*" && Days(dow) is { } days) return $"{days} {at}";
        if (dow is "?" or "*" && Number(dom, 31) is { } day && day >= 1) return $"{day}-го числа каждого месяца {at}";
        return Raw(cron);
    }

    private static string Raw(string cron) => $"по расписанию {cron.Trim()}";

    /// <summary>"0/5" or "*/5" → 5.</summary>
    private static int? Every(string field) =>
        StepPattern().Match(field) is { Success: true } m && int.TryParse(m.Groups[1].Value, out var n) && n > 0 ? n : null;

    private static int? Number(string field, int max) => int.TryParse(field, out var n) && n >= 0 && n <= max ? n : null;

    /// <summary>"MON" → «по понедельникам», "MON-FRI" → «по будням», "SAT,SUN" → «по выходным», "MON,WED" → «по понедельникам и средам».</summary>
    private static string? Days(string field)
    {
        if (field == "MON-FRI" || field == "2-6") return "по будням";
        if (field is "SAT,SUN" or "SUN,SAT" or "1,7" or "7,1") return "по выходным";
        var days = new List<int>();
        foreach (var part in field.Split(','))
        {
            var i = Array.IndexOf(DayCodes, part);
            if (i < 0 && int.TryParse(part, out var n) && n is >= 1 and <= 7) i = n - 1; // Quartz numbers Sunday as 1
            if (i < 0) return null;
            days.Add(i);
        }
        var words = days.Select(d => DaysDative[d]).ToList();
        return "по " + (words.Count == 1 ? words[0] : string.Join(", ", words[..^1]) + " и " + words[^1]);
    }

    [GeneratedRegex(@"^(?:0|\*)/(\d+)$")]
    private static partial Regex StepPattern();
}
