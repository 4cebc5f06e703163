using AlAroma.Web.Features.Leads.Numbering;

namespace AlAroma.Tests.Leads;

/// <summary>The suppliers' phone formats (issue 13's normalisation table): what becomes a lead and what is refused, and why.</summary>
public class LeadPhoneTests
{
    [Theory]
    [InlineData("8 916 123-45-67", 79161234567)]
    [InlineData("+7(916)1234567", 79161234567)]
    [InlineData("+7 (916) 123-45-67", 79161234567)]
    [InlineData("79161234567", 79161234567)]
    [InlineData("9161234567", 79161234567)]
    [InlineData("8-916-123-45-67", 79161234567)]
    [InlineData("89161234567", 79161234567)]
    [InlineData(" 8 (916) 123 45 67 ", 79161234567)]
    [InlineData("8.916.123.45.67", 79161234567)]
    [InlineData("+7 916 123‑45‑67", 79161234567)] // non-breaking hyphens, as Word pastes them
    [InlineData("8 (812) 315-17-01", 78123151701)] // St Petersburg landline
    [InlineData("+7 495 123-45-67", 74951234567)] // Moscow landline
    [InlineData("7/916/123/45/67", 79161234567)] // an unusual separator: the libphonenumber path
    public void Russian_numbers_in_the_suppliers_formats_become_E164(string cell, long expected)
    {
        Assert.Equal(PhoneRejection.None, LeadPhone.Parse(cell, out var phone));
        Assert.Equal(expected, phone);
    }

    [Theory]
    [InlineData("", PhoneRejection.Empty)]
    [InlineData("   ", PhoneRejection.Empty)]
    [InlineData("+7 701 123-45-67", PhoneRejection.Kazakhstan)] // Kcell, Kazakhstan
    [InlineData("87771234567", PhoneRejection.Kazakhstan)]
    [InlineData("+7 600 123-45-67", PhoneRejection.Kazakhstan)]
    [InlineData("8-800-555-35-35", PhoneRejection.ServiceNumber)]
    [InlineData("+7 800 100-00-00", PhoneRejection.ServiceNumber)]
    [InlineData("916123456", PhoneRejection.TooShort)]
    [InlineData("8 916 123-45", PhoneRejection.TooShort)]
    [InlineData("8916123456789", PhoneRejection.TooLong)]
    [InlineData("+7 916 123-45-678", PhoneRejection.TooLong)]
    [InlineData("8 916 ABC-45-67", PhoneRejection.Letters)]
    [InlineData("нет телефона", PhoneRejection.Letters)]
    [InlineData("+380 44 123 4567", PhoneRejection.NotRussian)] // Kyiv
    [InlineData("+1 212 555 0100", PhoneRejection.NotRussian)]
    [InlineData("0123456789", PhoneRejection.Invalid)]
    public void Numbers_that_are_not_leads_are_refused_with_their_reason(string cell, PhoneRejection expected)
    {
        Assert.Equal(expected, LeadPhone.Parse(cell, out var phone));
        Assert.Equal(0, phone);
        Assert.False(string.IsNullOrEmpty(LeadPhone.Reason(expected)));
    }

    [Fact]
    public void Display_groups_the_digits()
    {
        Assert.Equal("+7 916 123-45-67", LeadPhone.Display(79161234567));
        Assert.Equal(79161234567, LeadPhone.Normalize("8 916 123-45-67"));
        Assert.Null(LeadPhone.Normalize("8-800-555-35-35"));
    }

    [Theory]
    [InlineData("Москва", "moscow")]
    [InlineData("г. Москва", "moscow")]
    [InlineData("Новосибирская обл.", "novosibirsk-oblast")]
    [InlineData("новосибирская область", "novosibirsk-oblast")]
    [InlineData("Санкт-Петербург", "saint-petersburg")]
    [InlineData("Республика Татарстан", "tatarstan")]
    [InlineData("Приморский край", "primorsky-krai")]
    public void A_region_column_is_matched_to_the_numbering_plan(string text, string slug)
    {
        Assert.Equal(slug, RegionNames.Match(text));
        Assert.NotNull(RegionNames.TimeZoneOf(slug));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Атлантида")]
    [InlineData("область")]
    public void An_unknown_region_is_not_guessed(string text) => Assert.Null(RegionNames.Match(text));

    [Fact]
    public void A_fixed_line_number_is_placed_by_libphonenumbers_geocoder()
    {
        var (region, zone) = LeadPhone.GeocodeFixedLine(78123151701);
        Assert.Equal("saint-petersburg", region);
        Assert.Equal("Europe/Moscow", zone);
        (region, zone) = LeadPhone.GeocodeFixedLine(73832000000); // Novosibirsk
        Assert.Equal("Asia/Novosibirsk", zone);
    }
}
