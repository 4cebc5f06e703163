using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AlAroma.Web.Features.Bots.MiniApp;

/// <summary>Why an initData string was refused (or <see cref="Valid"/>).</summary>
public enum InitDataError
{
    Valid,

    /// <summary>Empty, not a query string, or a field repeated.</summary>
    Malformed,

    /// <summary>No <c>hash</c> field.</summary>
    MissingHash,

    /// <summary>The hash does not match: a field changed, or signed with another bot's token.</summary>
    BadHash,

    /// <summary>No <c>auth_date</c>, or not a Unix time.</summary>
    MissingAuthDate,

    /// <summary><c>auth_date</c> older than the allowed window.</summary>
    Stale,

    /// <summary><c>auth_date</c> in the future (beyond a small clock skew).</summary>
    FromTheFuture,

    /// <summary>No <c>user</c> JSON with a numeric <c>id</c>.</summary>
    NoUser,
}

/// <summary>The outcome of <see cref="InitDataValidator.Validate"/>: the Telegram user id when valid.</summary>
/// <param name="TelegramUserId">The <c>user.id</c> of the signed data; null unless valid.</param>
/// <param name="AuthDateUtc">The <c>auth_date</c> (UTC); null when missing.</param>
public sealed record InitDataResult(InitDataError Error, long? TelegramUserId = null, DateTimeOffset? AuthDateUtc = null)
{
    public bool IsValid => Error == InitDataError.Valid;
}

/// <summary>
/// Checks the <c>initData</c> string Telegram hands a Mini App (Telegram docs, "Validating data received via the
/// Mini App"; INTEGRATIONS.md): <c>secret_key = HMAC_SHA256(key: "WebAppData", message: bot_token)</c>; the
/// data-check-string is every field except <c>hash</c> (so <c>signature</c> stays in), URL-decoded, sorted by key
/// ordinally, <c>key=value</c> joined by <c>\n</c>; valid when <c>hex(HMAC_SHA256(secret_key, data_check_string))</c>
/// equals <c>hash</c>, compared in constant time. Telegram does not limit the age: <c>auth_date</c> (Unix seconds)
/// must be no older than the window given and not in the future (30 s of clock skew allowed). Pure: no I/O, the
/// time is passed in.
/// </summary>
public static class InitDataValidator
{
    /// <summary>Seconds an <c>auth_date</c> may lie ahead of our clock (the two clocks differ a little).</summary>
    public const int ClockSkewSeconds = 30;

    /// <summary>Validates <paramref name="initData"/> (the raw query string, as <c>Telegram.WebApp.initData</c>) for the bot of <paramref name="botToken"/>.</summary>
    /// <param name="maxAge">How old <c>auth_date</c> may be.</param>
    public static InitDataResult Validate(string? initData, string botToken, DateTimeOffset nowUtc, TimeSpan maxAge)
    {
        if (string.IsNullOrWhiteSpace(initData) || string.IsNullOrEmpty(botToken)) return new(InitDataError.Malformed);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in initData.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) return new(InitDataError.Malformed);
            var key = Uri.UnescapeDataString(pair[..eq].Replace('+', ' '));
            var value = Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            if (!fields.TryAdd(key, value)) return new(InitDataError.Malformed);
        }
        if (!fields.Remove("hash", out var hash) || hash.Length == 0) return new(InitDataError.MissingHash);

        var dataCheckString = string.Join('\n', fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value));
        var expected = Sign(dataCheckString, botToken);
        byte[] given;
        try { given = Convert.FromHexString(hash); }
        catch (FormatException) { return new(InitDataError.BadHash); }
        if (!CryptographicOperations.FixedTimeEquals(expected, given)) return new(InitDataError.BadHash);

        if (!fields.TryGetValue("auth_date", out var authText) || !long.TryParse(authText, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
            return new(InitDataError.MissingAuthDate);
        DateTimeOffset authDate;
        try { authDate = DateTimeOffset.FromUnixTimeSeconds(unix); }
        catch (ArgumentOutOfRangeException) { return new(InitDataError.MissingAuthDate); }
        if (authDate > nowUtc.AddSeconds(ClockSkewSeconds)) return new(InitDataError.FromTheFuture, null, authDate);
        if (nowUtc - authDate > maxAge) return new(InitDataError.Stale, null, authDate);

        return UserId(fields.GetValueOrDefault("user")) is { } id ? new(InitDataError.Valid, id, authDate) : new(InitDataError.NoUser, null, authDate);
    }

    /// <summary>The HMAC of a data-check-string by the bot's token: the 32 bytes whose hex is the <c>hash</c> field.</summary>
    public static byte[] Sign(string dataCheckString, string botToken)
    {
        var secret = HMACSHA256.HashData(Encoding.UTF8.GetBytes("WebAppData"), Encoding.UTF8.GetBytes(botToken));
        return HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(dataCheckString));
    }

    private static long? UserId(string? userJson)
    {
        if (string.IsNullOrEmpty(userJson)) return null;
        try
        {
            using var doc = JsonDocument.Parse(userJson);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id) && id.TryGetInt64(out var v) ? v : null;
        }
        catch (JsonException) { return null; }
    }
}
