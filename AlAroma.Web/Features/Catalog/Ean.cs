namespace AlAroma.Web.Features.Catalog;

/// <summary>
/// EAN-13 / EAN-8 check digits (GS1 General Specifications, §7.9: weights 3 and 1 from the right).
/// In-store numbers use GS1 prefix 2xx ("restricted circulation number within a company").
/// </summary>
public static class Ean
{
    /// <summary>Check digit for the payload digits (12 for EAN-13, 7 for EAN-8).</summary>
    /// <exception cref="ArgumentException">The payload is not all digits.</exception>
    public static int CheckDigit(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var c = payload[payload.Length - 1 - i];
            if (c is < '0' or > '9') throw new ArgumentException("Barcode payload must be digits only.", nameof(payload));
            sum += (c - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10;
    }

    /// <summary>True for a 13- or 8-digit code whose last digit is the right check digit.</summary>
    public static bool IsValid(string? code)
    {
        if (code is null || (code.Length != 13 && code.Length != 8)) return false;
        foreach (var c in code) if (c is < '0' or > '9') return false;
        return CheckDigit(code.AsSpan(0, code.Length - 1)) == code[^1] - '0';
    }

    /// <summary>
    /// An in-store EAN-13 "2" + 11-digit sequence + check digit, for products without a manufacturer barcode.
    /// </summary>
    /// <param name="sequence">0 … 99 999 999 999.</param>
    public static string InStore(long sequence)
    {
        if (sequence is < 0 or > 99_999_999_999) throw new ArgumentOutOfRangeException(nameof(sequence));
        var payload = "2" + sequence.ToString("D11");
        return payload + CheckDigit(payload);
    }

    /// <summary>
    /// A barcode as typed or read from a file, cleaned: spaces and dashes removed; 12 digits get the leading 0 that
    /// spreadsheets drop from EAN-13 codes starting with 0 (and that turns a UPC-A into its EAN-13).
    /// </summary>
    public static string Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return "";
        var s = new string(input.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        return s.Length == 12 && s.All(char.IsAsciiDigit) ? "0" + s : s;
    }

    /// <summary>Why <paramref name="code"/> is not a valid EAN-13/EAN-8 (a Russian sentence), or null when it is valid.</summary>
    public static string? Problem(string code)
    {
        if (!code.All(char.IsAsciiDigit)) return $"Штрихкод «{code}» должен состоять только из цифр.";
        if (code.Length is not (13 or 8)) return $"Штрихкод «{code}» должен содержать 13 цифр (EAN-13) или 8 цифр (EAN-8), а в нём {code.Length}.";
        if (!IsValid(code)) return $"Штрихкод «{code}» с неверной контрольной цифрой: проверьте, не ошиблись ли в цифрах.";
        return null;
    }
}
