using PhoneNumbers;

namespace AlAroma.Web.Features.Customers;

/// <summary>
/// Russian mobile and landline numbers to E.164 ("+79161234567") with libphonenumber-csharp, region "RU".
/// Accepts what people type: "8 916 123-45-67", "+7(916)1234567", "79161234567", "9161234567".
/// Traps handled (INTEGRATIONS.md): "+7 7xx…" numbers are Kazakhstan, not Russia; a number one digit short still
/// parses, so validity is always checked.
/// </summary>
public static class PhoneNormalizer
{
    // PhoneNumberUtil is thread-safe and expensive to create (~70 ms for the metadata): one instance.
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Result of normalising one number: the E.164 form, or a Russian reason for the person who typed it.</summary>
    public readonly record struct Result(string? E164, string? Error)
    {
        public bool IsValid => E164 is not null;
    }

    /// <summary>Normalises a Russian number to E.164.</summary>
    public static Result NormalizeRussian(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return new(null, "Введите номер телефона.");
        var text = input.Trim();
        var digits = new string(text.Where(char.IsDigit).ToArray());
        // "8 916 …" is the domestic trunk prefix; libphonenumber handles it for region RU, and a bare 10-digit
        // "916…" is read as national. A leading "7" with 11 digits and no "+" means the country code was typed.
        if (!text.StartsWith('+') && digits.Length == 11 && digits[0] == '7') text = "+" + digits;
        PhoneNumber number;
        try { number = Util.Parse(text, "RU"); }
        catch (NumberParseException) { return new(null, "Это не похоже на номер телефона. Пример: +7 916 123-45-67."); }
        if (!Util.IsValidNumber(number))
            return new(null, "Номер неполный или с лишними цифрами. Проверьте: российский номер — 10 цифр после +7.");
        if (Util.GetRegionCodeForNumber(number) != "RU")
            return new(null, "Принимаются только российские номера (+7 9xx, +7 4xx…). Номера +7 7xx — казахстанские.");
        return new(Util.Format(number, PhoneNumberFormat.E164), null);
    }

    /// <summary>"+7 916 123-45-67" for display; returns the input unchanged when it is not a valid E.164 number.</summary>
    public static string Display(string? e164)
    {
        if (string.IsNullOrEmpty(e164) || e164.Length != 12 || !e164.StartsWith("+7")) return e164 ?? "";
        return $"+7 {e164[2..5]} {e164[5..8]}-{e164[8..10]}-{e164[10..12]}";
    }
}
