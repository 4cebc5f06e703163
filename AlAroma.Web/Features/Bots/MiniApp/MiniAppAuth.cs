using AlAroma.Web.Data;
using AlAroma.Web.Features.Notifications.Channels.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlAroma.Web.Features.Bots.MiniApp;

/// <summary>
/// Authenticates a Mini App request by its Telegram initData (<see cref="InitDataValidator"/>) against the bot token
/// "Notifications:Telegram:Token" and the window <see cref="MiniAppOptions.InitDataMaxAgeSeconds"/>, and finds the
/// customer whose <c>TelegramUserId</c> is the signed <c>user.id</c> (a merged duplicate leads to the kept card).
/// No cookie and no session: every request carries its initData.
/// </summary>
public sealed class MiniAppAuth(AppDbContext db, IOptionsMonitor<TelegramOptions> telegram, IOptionsMonitor<MiniAppOptions> options, TimeProvider clock)
{
    /// <summary>The outcome: the check, and the customer's id when one is linked to that Telegram user.</summary>
    public sealed record Result(InitDataResult Check, long? CustomerId);

    /// <summary>Checks <paramref name="initData"/>; an unconfigured bot token refuses everything.</summary>
    public async Task<Result> AuthenticateAsync(string? initData, CancellationToken ct)
    {
        var token = telegram.CurrentValue.Token;
        var check = string.IsNullOrWhiteSpace(token)
            ? new InitDataResult(InitDataError.Malformed)
            : InitDataValidator.Validate(initData, token, clock.GetUtcNow(), TimeSpan.FromSeconds(options.CurrentValue.InitDataMaxAgeSeconds));
        if (!check.IsValid) return new Result(check, null);
        var id = await db.Customers.Where(c => c.TelegramUserId == check.TelegramUserId)
            .OrderBy(c => c.MergedIntoId != null).ThenBy(c => c.Id)
            .Select(c => (long?)(c.MergedIntoId ?? c.Id)).FirstOrDefaultAsync(ct);
        return new Result(check, id);
    }
}
