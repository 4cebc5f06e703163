using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Customers.Card;

/// <summary>
/// How far a customer is from the next loyalty level (DOMAIN.md "Loyalty"; thresholds of <see cref="LoyaltyRules"/>):
/// the level the purchases of 12 months (₽, net of returns) earn, the next one, what is missing (₽, rounded up to whole
/// roubles) and the share of the way from this level's threshold to the next one's.
/// </summary>
/// <param name="Level">The level the progress starts from: the card's, or the one the purchases earn when higher.</param>
/// <param name="Next">The next level; null at Platinum.</param>
/// <param name="Missing">₽ to buy for <see cref="Next"/>; 0 at Platinum.</param>
/// <param name="Percent">0–100 of the way from this level's threshold to the next one's; 100 at Platinum.</param>
public sealed record LevelProgress(LoyaltyLevel Level, LoyaltyLevel? Next, decimal Missing, int Percent)
{
    /// <summary>
    /// The progress for <paramref name="purchases12Months"/> ₽ (negative counts as 0) from the card's
    /// <paramref name="current"/> level when it is above what the purchases earn (a level kept until the nightly run,
    /// or given by hand): the next level is then the one above it.
    /// </summary>
    public static LevelProgress Of(LoyaltyRules rules, decimal purchases12Months, LoyaltyLevel? current = null)
    {
        var spent = Math.Max(0m, purchases12Months);
        var earned = rules.LevelFor(spent);
        var level = current is { } c && c > earned ? c : earned;
        (decimal From, LoyaltyLevel? Next, decimal To) step = level switch
        {
            LoyaltyLevel.Standard => (0m, LoyaltyLevel.Silver, rules.SilverFrom),
            LoyaltyLevel.Silver => (rules.SilverFrom, LoyaltyLevel.Gold, rules.GoldFrom),
            LoyaltyLevel.Gold => (rules.GoldFrom, LoyaltyLevel.Platinum, rules.PlatinumFrom),
            _ => (rules.PlatinumFrom, null, rules.PlatinumFrom),
        };
        if (step.Next is null) return new LevelProgress(level, null, 0m, 100);
        var missing = decimal.Ceiling(step.To - spent);
        var percent = (int)decimal.Floor((spent - step.From) * 100m / (step.To - step.From));
        return new LevelProgress(level, step.Next, missing, Math.Clamp(percent, 0, 99));
    }

    /// <summary>"до Золота 12 400 ₽", or "Высший уровень" at Platinum.</summary>
    /// <remarks>Whole roubles, thousands apart by a narrow no-break space (as <see cref="Money.Format"/>).</remarks>
    public string Text => Next is { } next
        ? $"до {Genitive(next)} {Missing.ToString("#,##0", Money.Ru).Replace('\u00A0', '\u202F').Replace(' ', '\u202F')}\u00A0₽"
        : "Высший уровень";

    /// <summary>The level's name after «до»: Серебра, Золота, Платины.</summary>
    public static string Genitive(LoyaltyLevel level) => level switch
    {
        LoyaltyLevel.Silver => "Серебра",
        LoyaltyLevel.Gold => "Золота",
        LoyaltyLevel.Platinum => "Платины",
        _ => "Стандарта",
    };
}
