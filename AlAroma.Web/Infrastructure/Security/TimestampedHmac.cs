using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AlAroma.Web.Infrastructure.Security;

/// <summary>
/// The app's own request signature for callers it gives a secret to (the generic telephony event, the external POS
/// API): <c>X-Timestamp</c> = Unix seconds, <c>X-Signature</c> = lower-case hex HMAC-SHA256(secret, timestamp + "." + body),
/// the body as sent, byte for byte. A timestamp further than the window from the server's clock is refused, so a
/// captured request cannot be replayed later (inside the window, writes are idempotent by their event ids). The same
/// scheme as Stripe's and Slack's webhooks. Pure.
/// </summary>
public static class TimestampedHmac
{
    /// <summary>The answer of <see cref="Check"/>.</summary>
    public enum Verdict
    {
        Valid,

        /// <summary>No <c>X-Timestamp</c>, or not a whole number of seconds.</summary>
        NoTimestamp,

        /// <summary>The signature is missing or does not match the body.</summary>
        BadSignature,

        /// <summary>Signed correctly, but the timestamp is outside the window.</summary>
        Stale,
    }

    /// <summary>The signature of <paramref name="body"/> at <paramref name="timestamp"/> (Unix seconds, as sent).</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    /// <summary>
    /// Checks a request: the signature first (a forged request learns nothing about the clock), then the window of
    /// <paramref name="windowSeconds"/> seconds either side of <paramref name="now"/>.
    /// </summary>
    public static Verdict Check(string secret, string? timestamp, string? signature, string body, DateTimeOffset now, int windowSeconds)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)) return Verdict.NoTimestamp;
        if (!Same(Sign(secret, timestamp!, body), signature?.Trim().ToLowerInvariant())) return Verdict.BadSignature;
        return Math.Abs(now.ToUnixTimeSeconds() - unix) > windowSeconds ? Verdict.Stale : Verdict.Valid;
    }

    /// <summary>Whether two signatures are the same, in time independent of where they differ.</summary>
    public static bool Same(string? expected, string? given) =>
        given is not null && expected is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
}
