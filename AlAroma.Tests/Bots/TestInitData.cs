using System.Security.Cryptography;
using System.Text;

namespace AlAroma.Tests.Bots;

/// <summary>
/// Builds a Telegram Mini App initData string as Telegram does, signed by the tests' own HMAC code (not the
/// production validator's), so a test of the validator checks it against an independent computation.
/// </summary>
public static class TestInitData
{
    /// <summary>A query string with <c>auth_date</c>, <c>query_id</c>, <c>user</c> (id <paramref name="userId"/>) and <c>hash</c>.</summary>
    public static string For(long userId, DateTimeOffset authDate, string botToken, string firstName = "Мария")
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["auth_date"] = authDate.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["query_id"] = "AAH" + userId,
            ["user"] = $$"""{"id":{{userId}},"first_name":"{{firstName}}","language_code":"ru"}""",
        };
        var dataCheckString = string.Join("\n", fields.Select(f => $"{f.Key}={f.Value}"));
        using var keyMac = new HMACSHA256(Encoding.UTF8.GetBytes("WebAppData"));
        using var mac = new HMACSHA256(keyMac.ComputeHash(Encoding.UTF8.GetBytes(botToken)));
        var hash = Convert.ToHexStringLower(mac.ComputeHash(Encoding.UTF8.GetBytes(dataCheckString)));
        return string.Join("&", fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")) + "&hash=" + hash;
    }
}
