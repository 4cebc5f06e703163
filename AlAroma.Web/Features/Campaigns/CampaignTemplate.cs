using System.Text.RegularExpressions;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Campaigns;

/// <summary>What the variables of a campaign text stand for, for one customer.</summary>
/// <param name="Name">The customer's name; empty = not on file.</param>
/// <param name="Points">Points balance (1 point = 1 ₽).</param>
/// <param name="Level">Level in Russian («Серебро»).</param>
/// <param name="Shop">Name of the home shop; null = none.</param>
public sealed record TemplateValues(string Name, int Points, string Level, string? Shop);

/// <summary>
/// The text of a campaign with variables in braces — {Имя}, {Баллы}, {Уровень}, {Магазин} — rendered for one
/// customer. A variable not in <see cref="Variables"/> is refused when the text is saved (a typo would otherwise reach
/// every customer as "{Имя }"). For Telegram the result is HTML-escaped as a whole (the message goes in HTML parse
/// mode, where a bare "&lt;" or "&amp;" makes the Bot API refuse it with 400: core.telegram.org/bots/api#html-style),
/// so the text is sent exactly as typed.
/// </summary>
public static partial class CampaignTemplate
{
    /// <summary>Longest text, characters (Telegram's limit of a message is 4 096 after entities are parsed).</summary>
    public const int MaxLength = 3500;

    /// <summary>What an empty name reads as.</summary>
    public const string NoName = "покупатель";

    /// <summary>What a customer without a home shop reads in {Магазин}.</summary>
    public const string NoShop = "Al Aroma";

    /// <summary>The variables a text may use, as written in it.</summary>
    public static readonly IReadOnlyList<string> Variables = ["{Имя}", "{Баллы}", "{Уровень}", "{Магазин}"];

    [GeneratedRegex(@"\{([^{}\r\n]{0,40})\}")]
    private static partial Regex Placeholder();

    /// <summary>The variables <paramref name="text"/> uses that are not in <see cref="Variables"/>, as written ("{Скидка}").</summary>
    public static IReadOnlyList<string> UnknownVariables(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Where(v => !Variables.Contains(v)).Distinct().ToList();

    /// <summary>Checks a text before it is saved.</summary>
    /// <exception cref="BusinessRuleException">Empty, longer than <see cref="MaxLength"/>, or with an unknown variable.</exception>
    public static void Validate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new BusinessRuleException("Напишите текст рассылки.");
        if (text.Length > MaxLength) throw new BusinessRuleException($"Текст длиннее {MaxLength} символов: сократите его.");
        if (UnknownVariables(text) is [var first, ..] unknown)
            throw new BusinessRuleException($"Неизвестная переменная {first}{(unknown.Count > 1 ? $" (и ещё {unknown.Count - 1})" : "")}: " +
                $"можно использовать {string.Join(", ", Variables)}.");
    }

    /// <summary>
    /// The text for one customer: each known variable replaced by its value, anything else left as typed (an unknown
    /// variable stays visible; <see cref="Validate"/> keeps it from being saved). <paramref name="html"/>: escape the
    /// result for Telegram's HTML parse mode (the values too: a name may hold "&lt;").
    /// </summary>
    public static string Render(string text, TemplateValues v, bool html)
    {
        var result = Placeholder().Replace(text, m => m.Value switch
        {
            "{Имя}" => string.IsNullOrWhiteSpace(v.Name) ? NoName : v.Name.Trim(),
            "{Баллы}" => v.Points.ToString("N0", Money.Ru),
            "{Уровень}" => v.Level,
            "{Магазин}" => string.IsNullOrWhiteSpace(v.Shop) ? NoShop : v.Shop,
            _ => m.Value,
        });
        return html ? EscapeHtml(result) : result;
    }

    /// <summary>"&amp;", "&lt;", "&gt;" as entities, nothing else (Bot API "HTML style": those three must be escaped outside tags).</summary>
    public static string EscapeHtml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
