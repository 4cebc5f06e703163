using System.Globalization;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Bots.Client;

/// <summary>What a customer changes on their own card from the bot: the Telegram consent and the birthday (once).</summary>
public sealed class ClientAccount(AppDbContext db, TimeProvider clock)
{
    /// <summary>Records the customer's answer about Telegram messages (source: bot, now).</summary>
    /// <returns>The consent now on file.</returns>
    public async Task<bool> SetTelegramConsentAsync(long customerId, bool given, CancellationToken ct)
    {
        var c = await db.Customers.FirstAsync(x => x.Id == customerId, ct);
        c.SetConsent(ConsentChannel.Telegram, given, ConsentSource.Bot, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return c.MarketingTelegram;
    }

    /// <summary>Puts the birthday on file unless one is there already (DOMAIN.md: the customer sets it once, a manager changes it).</summary>
    /// <returns>False when a birthday was already on file (nothing changed).</returns>
    public async Task<bool> SetBirthdayAsync(long customerId, DateOnly birthday, CancellationToken ct)
    {
        var c = await db.Customers.FirstAsync(x => x.Id == customerId, ct);
        if (c.Birthday is not null) return false;
        c.Birthday = birthday;
        c.BirthdaySetAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// A birthday as typed: "15.03.1990", "15.3.1990", "15/03/1990", "1990-03-15"; not in the future and at most 120
    /// years back from <paramref name="today"/>.
    /// </summary>
    /// <returns>The date, or null with a Russian sentence saying how to type it.</returns>
    public static (DateOnly? Date, string? Error) ParseBirthday(string? text, DateOnly today)
    {
        var t = (text ?? "").Trim().Replace('/', '.').Replace('-', '.');
        string[] formats = ["d.M.yyyy", "yyyy.M.d"];
        if (!DateOnly.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (null, "Не получилось прочитать дату. Напишите её так: 15.03.1990.");
        if (date > today || date < today.AddYears(-120))
            return (null, "Проверьте год рождения и напишите дату ещё раз, например 15.03.1990.");
        return (date, null);
    }
}
