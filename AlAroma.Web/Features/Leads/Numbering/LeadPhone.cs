using PhoneNumbers;

namespace AlAroma.Web.Features.Leads.Numbering;

/// <summary>Why a phone cell of a base is not a lead.</summary>
public enum PhoneRejection : byte { None, Empty, Letters, TooShort, TooLong, Kazakhstan, ServiceNumber, NotRussian, Invalid }

/// <summary>
/// A phone cell of a supplier's base to a Russian number (E.164 digits as a <see cref="long"/>: 79161234567). The common
/// shapes — 8 916 123-45-67, +7(916)1234567, 79161234567, 9161234567, 8-916-… — take a fast path that allocates nothing;
/// anything else goes through libphonenumber-csharp (region "RU"). Only valid Russian numbers pass: +7 6xx/7xx are
/// Kazakhstan (INTEGRATIONS.md, "Phone numbers"), 8-800 and other non-geographic service numbers are not leads, a digit
/// short or long is refused. Letters are refused rather than read as a vanity number. Thread-safe.
/// </summary>
public static class LeadPhone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The first Russian E.164 number as a long (+7 000 000-00-00).</summary>
    public const long Country = 70_000_000_000;

    /// <summary>Parses one cell; <paramref name="phone"/> is 7XXXXXXXXXX when the result is <see cref="PhoneRejection.None"/>.</summary>
    public static PhoneRejection Parse(ReadOnlySpan<char> text, out long phone)
    {
        phone = 0;
        long digits = 0;
        int count = 0, firstDigit = -1;
        bool plus = false, other = false, any = false;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                if (count == 0) firstDigit = c - '0';
                if (++count <= 15) digits = digits * 10 + (c - '0');
                any = true;
            }
            else if (c is ' ' or '-' or '(' or ')' or '.' or '\t' or '\u00A0' or '\u2011' or '\u2012' or '\u2013' or '\u2014') { }
            else if (c == '+' && !any && !plus) plus = true;
            else if (char.IsLetter(c)) return PhoneRejection.Letters;
            else other = true;
        }
        if (count == 0) return other ? PhoneRejection.Invalid : PhoneRejection.Empty;
        if (other) return Slow(text, out phone);
        long national;
        if (count == 11 && (firstDigit == 7 || (firstDigit == 8 && !plus))) national = digits % 10_000_000_000;
        else if (count == 10 && !plus) national = digits;
        else if (plus && firstDigit != 7) return Slow(text, out phone);
        else return count < 10 ? PhoneRejection.TooShort : count > 11 ? PhoneRejection.TooLong : firstDigit == 7 || firstDigit == 8 ? PhoneRejection.Invalid : PhoneRejection.TooLong;
        return National(national, out phone);
    }

    /// <summary>Parses a cell; null when it is not a lead (see <see cref="Parse"/>).</summary>
    public static long? Normalize(string? text) => Parse(text.AsSpan(), out var p) == PhoneRejection.None ? p : null;

    // Ten national digits: 9xx mobile by the fast path; 6xx/7xx Kazakhstan; the rest by libphonenumber's validity and type.
    private static PhoneRejection National(long national, out long phone)
    {
        phone = 0;
        var first = national / 1_000_000_000;
        if (first == 9) { phone = Country + national; return PhoneRejection.None; }
        if (first is 6 or 7) return PhoneRejection.Kazakhstan;
        if (national / 10_000_000 == 800) return PhoneRejection.ServiceNumber;
        if (first is 0 or 1 or 2) return PhoneRejection.Invalid;
        var number = new PhoneNumber.Builder().SetCountryCode(7).SetNationalNumber((ulong)national).Build();
        var check = Check(number);
        if (check == PhoneRejection.None) phone = Country + national;
        return check;
    }

    private static PhoneRejection Slow(ReadOnlySpan<char> text, out long phone)
    {
        phone = 0;
        PhoneNumber number;
        try { number = Util.Parse(text.ToString(), "RU"); }
        catch (NumberParseException) { return PhoneRejection.Invalid; }
        if (number.CountryCode != 7) return PhoneRejection.NotRussian;
        return National((long)number.NationalNumber, out phone);
    }

    private static PhoneRejection Check(PhoneNumber number)
    {
        if (!Util.IsValidNumber(number))
            return Util.GetRegionCodeForNumber(number) == "KZ" ? PhoneRejection.Kazakhstan : PhoneRejection.Invalid;
        if (Util.GetRegionCodeForNumber(number) != "RU") return Util.GetRegionCodeForNumber(number) == "KZ" ? PhoneRejection.Kazakhstan : PhoneRejection.NotRussian;
        return Util.GetNumberType(number) switch
        {
            PhoneNumberType.FIXED_LINE or PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE => PhoneRejection.None,
            _ => PhoneRejection.ServiceNumber,
        };
    }

    /// <summary>The reason of a refused cell, in Russian, for the rejected-rows file.</summary>
    public static string Reason(PhoneRejection r) => r switch
    {
        PhoneRejection.Empty => "Нет номера телефона",
        PhoneRejection.Letters => "В номере буквы",
        PhoneRejection.TooShort => "Номер короче 10 цифр",
        PhoneRejection.TooLong => "В номере лишние цифры",
        PhoneRejection.Kazakhstan => "Номер Казахстана (+7 6xx/7xx), не России",
        PhoneRejection.ServiceNumber => "Служебный номер (8-800 и подобные), не абонент",
        PhoneRejection.NotRussian => "Номер не российский",
        PhoneRejection.Invalid => "Это не номер телефона",
        _ => "",
    };

    /// <summary>"+7 916 123-45-67", as customers' phones are shown (<see cref="Customers.PhoneNormalizer.Display"/>).</summary>
    public static string Display(long phone) =>
        Customers.PhoneNormalizer.Display("+" + phone.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Region (slug) and IANA zone of a fixed-line number by libphonenumber's Russian geocoder and time-zone map, matched to
    /// the numbering plan's regions; (null, null) when it names no single region or zone. Mobile numbers use the plan instead.
    /// </summary>
    public static (string? Region, string? TimeZoneId) GeocodeFixedLine(long phone)
    {
        var number = new PhoneNumber.Builder().SetCountryCode(7).SetNationalNumber((ulong)(phone - Country)).Build();
        var description = Geocoder.Value.GetDescriptionForNumber(number, new Locale("ru", "RU"));
        var zones = TimeZones.Value.GetTimeZonesForNumber(number).Where(z => z.Contains('/') && !z.StartsWith("Etc/")).ToList();
        var region = RegionNames.Match(description);
        var zone = region is not null ? RegionNames.TimeZoneOf(region) : zones.Count == 1 ? zones[0] : null;
        return (region, zone);
    }

    private static readonly Lazy<PhoneNumberOfflineGeocoder> Geocoder = new(PhoneNumberOfflineGeocoder.GetInstance);
    private static readonly Lazy<PhoneNumberToTimeZonesMapper> TimeZones = new(PhoneNumberToTimeZonesMapper.GetInstance);
}
