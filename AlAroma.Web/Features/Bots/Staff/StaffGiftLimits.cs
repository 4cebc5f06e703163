using AlAroma.Web.Features.Account;

namespace AlAroma.Web.Features.Bots.Staff;

/// <summary>
/// How many gift points a staff member may give customers per local day (Europe/Moscow), by role (section
/// "Bots:Staff:GiftPointsPerDay", e.g. <c>{"Manager": 3000, "Seller": 300}</c>). A role not listed gives none; a user with
/// several roles has the largest of their limits. Gifts of the catalogue that are not points (a sample, a discount) count
/// against "Bots:Staff:GiftsPerDay" (gifts a day by role); points gifts of the catalogue count against the points.
/// </summary>
public sealed class StaffGiftLimits
{
    public Dictionary<string, int> GiftPointsPerDay { get; set; } = [];
    public Dictionary<string, int> GiftsPerDay { get; set; } = [];

    /// <summary>Why one more catalogue gift (not points) cannot be given by a user with <paramref name="roles"/> who gave <paramref name="givenToday"/> today; null when it can.</summary>
    public string? GiftCountRefusal(IReadOnlyCollection<string> roles, int givenToday)
    {
        var limit = roles.Select(r => GiftsPerDay.GetValueOrDefault(r)).DefaultIfEmpty(0).Max();
        if (givenToday < limit) return null;
        var role = string.Join(", ", roles.Select(Roles.Label));
        return limit == 0 ? $"Роль «{role}» не дарит подарки из каталога. Попросите управляющего."
            : $"Лимит подарков для роли «{role}» — {limit} в день; сегодня вы их уже подарили.";
    }

    /// <summary>The day's limit of a user with <paramref name="roles"/>, points.</summary>
    public int PerDay(IEnumerable<string> roles) => roles.Select(r => GiftPointsPerDay.GetValueOrDefault(r)).DefaultIfEmpty(0).Max();

    /// <summary>
    /// Why <paramref name="points"/> more cannot be given by a user with <paramref name="roles"/> who gave
    /// <paramref name="givenToday"/> today; null when they can.
    /// </summary>
    public string? Refusal(IReadOnlyCollection<string> roles, int givenToday, int points)
    {
        var limit = PerDay(roles);
        if (givenToday + points <= limit) return null;
        var role = string.Join(", ", roles.Select(Roles.Label));
        if (limit == 0) return $"Роль «{role}» не дарит баллы. Попросите управляющего.";
        var left = Math.Max(limit - givenToday, 0);
        return $"Лимит подарков для роли «{role}» — {limit} баллов в день; сегодня вы уже подарили {givenToday}, можно ещё {left}.";
    }
}
