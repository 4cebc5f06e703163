using AlAroma.Web.Infrastructure.Time;

namespace AlAroma.Web.Features.Loyalty.Settings;

/// <summary>The settings page: the terms in force today, the form (prefilled with them, from tomorrow) and the history.</summary>
public sealed class GetLoyaltySettings(LoyaltyTermsStore store, TimeProvider clock)
{
    /// <summary>Page model: the terms in force, the form and the versions, newest first.</summary>
    public sealed record Page(LoyaltyTerms Current, LoyaltyTerms Form, IReadOnlyList<LoyaltyTerms> History, DateOnly Today);

    /// <param name="form">The form as posted after a mistake, else null (a fresh form from the terms in force).</param>
    public async Task<Page> HandleAsync(LoyaltyTerms? form, CancellationToken ct)
    {
        store.Invalidate(); // the manager looks at the stored truth, not another instance's cache
        var versions = await store.VersionsAsync(ct);
        var today = LocalTime.Today(clock.GetUtcNow());
        var current = LoyaltyTermsStore.InForce(versions, today);
        if (form is null)
        {
            form = current.Copy();
            form.EffectiveFrom = today.AddDays(1);
            form.Comment = null;
        }
        return new Page(current, form, versions.Reverse().ToList(), today);
    }
}
