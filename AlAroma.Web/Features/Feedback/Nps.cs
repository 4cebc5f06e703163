namespace AlAroma.Web.Features.Feedback;

/// <summary>
/// Net Promoter Score on the chain's 1–10 scale (issue 12): promoters rate 9–10, detractors 1–6, passives 7–8;
/// NPS = % of promoters − % of detractors, from −100 to +100. (Bain's original question is 0–10 with detractors 0–6;
/// the bot asks 1–10, so 0 simply never occurs.)
/// </summary>
public static class Nps
{
    /// <summary>Lowest promoter's rating.</summary>
    public const int PromoterFrom = 9;

    /// <summary>Highest detractor's rating (the same as <see cref="Feedback.LowRating"/>).</summary>
    public const int DetractorTo = Feedback.LowRating;

    /// <summary>The figures of a set of ratings.</summary>
    /// <param name="Count">How many ratings.</param>
    /// <param name="Average">Mean rating, 1–10, rounded to 0.1; null when there are none.</param>
    /// <param name="Promoters">Ratings 9–10.</param>
    /// <param name="Detractors">Ratings 1–6.</param>
    /// <param name="Score">NPS in points (−100…+100), rounded to a whole number half away from zero; null when there are no ratings.</param>
    public sealed record Figures(int Count, decimal? Average, int Promoters, int Detractors, int? Score);

    /// <summary>Whether <paramref name="rating"/> is a promoter's (9–10).</summary>
    public static bool IsPromoter(int rating) => rating >= PromoterFrom;

    /// <summary>Whether <paramref name="rating"/> is a detractor's (1–6).</summary>
    public static bool IsDetractor(int rating) => rating <= DetractorTo;

    /// <summary>The figures of <paramref name="ratings"/> (each 1–10).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rating outside 1–10.</exception>
    public static Figures Of(IEnumerable<int> ratings)
    {
        var all = ratings.ToList();
        if (all.Any(r => r is < 1 or > 10))
            throw new ArgumentOutOfRangeException(nameof(ratings), "A rating is 1–10.");
        if (all.Count == 0) return new Figures(0, null, 0, 0, null);
        var promoters = all.Count(IsPromoter);
        var detractors = all.Count(IsDetractor);
        var score = (int)Math.Round(100m * (promoters - detractors) / all.Count, MidpointRounding.AwayFromZero);
        var average = Math.Round((decimal)all.Sum() / all.Count, 1, MidpointRounding.AwayFromZero);
        return new Figures(all.Count, average, promoters, detractors, score);
    }
}
