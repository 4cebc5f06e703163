using System.Security.Cryptography;

namespace AlAroma.Web.Features.GiftCards;

/// <summary>
/// Gift certificate codes: 12 random digits + a Luhn check digit (ISO/IEC 7812-1, Annex B), printed in groups
/// "1234 5678 9012 3". The check digit catches any single mistyped digit and most swaps of neighbours
/// before the database is asked.
/// </summary>
public static class CertificateCode
{
    /// <summary>A new random 13-digit code (cryptographic RNG: codes must not be guessable).</summary>
    public static string New()
    {
        Span<char> payload = stackalloc char[12];
        payload[0] = (char)('1' + RandomNumberGenerator.GetInt32(9)); // no leading zero: survives spreadsheets
        for (var i = 1; i < 12; i++) payload[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        return new string(payload) + LuhnDigit(payload);
    }

    /// <summary>Digits only, or null when the input has anything but digits, spaces and dashes.</summary>
    public static string? Clean(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var digits = new List<char>(16);
        foreach (var c in input)
        {
            if (char.IsAsciiDigit(c)) digits.Add(c);
            else if (c is not (' ' or '-' or '\u00A0')) return null;
        }
        return new string(digits.ToArray());
    }

    /// <summary>True for 13 digits whose last is the Luhn check digit of the first 12.</summary>
    public static bool IsValid(string? code) =>
        code is { Length: 13 } && code.All(char.IsAsciiDigit) && LuhnDigit(code.AsSpan(0, 12)) == code[12];

    /// <summary>"1234 5678 9012 3" for print and screen.</summary>
    public static string Format(string code) => code.Length == 13 ? $"{code[..4]} {code[4..8]} {code[8..12]} {code[12]}" : code;

    /// <summary>Luhn check digit of a digit string.</summary>
    public static char LuhnDigit(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var d = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }
}
