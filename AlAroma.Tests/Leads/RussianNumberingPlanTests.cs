using AlAroma.Web.Features.Leads.Numbering;

namespace AlAroma.Tests.Leads;

/// <summary>
/// The embedded Russian numbering plan answers what libphonenumber cannot: the region, time zone and operator of a
/// +7 9xx number. Expected values read by hand from the registry's ranges (DEF-9xx, build 2026-07-18).
/// </summary>
public class RussianNumberingPlanTests
{
    private static readonly RussianNumberingPlan Plan = RussianNumberingPlan.Default;

    [Theory]
    [InlineData("+79161234567", "moscow", "город Москва", "Europe/Moscow", "ПАО \"Мобильные ТелеСистемы\"")]
    [InlineData("+79139123456", "novosibirsk-oblast", "Новосибирская область", "Asia/Novosibirsk", "ПАО \"Мобильные ТелеСистемы\"")]
    [InlineData("+79145000000", "zabaykalsky-krai", "Забайкальский край", "Asia/Chita", "ПАО \"Мобильные ТелеСистемы\"")]
    [InlineData("+79024000000", "sverdlovsk-oblast", "Свердловская область", "Asia/Yekaterinburg", "ООО \"Т2 Мобайл\"")]
    [InlineData("+79001000000", "kemerovo-oblast", "Кемеровская область - Кузбасс", "Asia/Novokuznetsk", "ООО \"Т2 Мобайл\"")]
    [InlineData("+79842000000", "primorsky-krai", "Приморский край", "Asia/Vladivostok", "ПАО \"Мобильные ТелеСистемы\"")]
    public void A_mobile_number_gets_its_region_time_zone_and_operator(string e164, string slug, string name, string zone, string op)
    {
        var r = Plan.Find(e164);
        Assert.NotNull(r);
        Assert.Equal((slug, name, zone, op), (r.RegionSlug, r.RegionName, r.TimeZoneId, r.Operator));
    }

    [Fact]
    public void The_first_and_last_number_of_a_range_belong_to_it_and_the_neighbours_to_the_next()
    {
        // Code 900: 1 750 000–1 759 999 is Kamchatka, 1 760 000–1 799 999 Samara.
        Assert.Equal("Asia/Kamchatka", Plan.Find("+79001750000")!.TimeZoneId);
        Assert.Equal("Asia/Kamchatka", Plan.Find("+79001759999")!.TimeZoneId);
        Assert.Equal("Europe/Samara", Plan.Find("+79001760000")!.TimeZoneId);
        Assert.Equal(("kaliningrad-oblast", "Europe/Kaliningrad"), (Plan.Find("+79003450000")!.RegionSlug, Plan.Find("+79003549999")!.TimeZoneId));
    }

    [Fact]
    public void A_range_serving_a_city_and_its_oblast_names_both()
    {
        Assert.Equal(["moscow", "moscow-oblast"], Plan.Find("+79990000000")!.RegionSlugs);
        var spb = Plan.Find("+79500000000")!;
        Assert.Equal(["leningrad-oblast", "saint-petersburg"], spb.RegionSlugs);
        Assert.Equal("Europe/Moscow", spb.TimeZoneId);
    }

    [Fact]
    public void A_federal_range_has_no_single_time_zone()
    {
        var r = Plan.Find("+79541015000")!; // 954 1 010 000–1 019 999: assigned for all of Russia
        Assert.Equal((RussianNumberingPlan.AllRussia, "вся Россия", (string?)null), (r.RegionSlug, r.RegionName, r.TimeZoneId));
    }

    [Theory]
    [InlineData("+79086089400")] // a gap between ranges of 908
    [InlineData("+79070000000")] // 907: no code in the registry
    [InlineData("+74951234567")] // a Moscow landline: not a DEF number
    [InlineData("+77011234567")] // Kazakhstan
    [InlineData("+7916123456")]  // a digit short
    [InlineData("+7916123456a")]
    [InlineData("89161234567")]  // not E.164
    [InlineData("")]
    public void Anything_else_has_no_mobile_region(string e164) => Assert.Null(Plan.Find(e164));

    [Fact]
    public void Every_range_of_the_registry_is_loaded_and_every_region_has_a_time_zone() =>
        Assert.Equal(16_498, Plan.RangeCount); // Load throws when a region has no time zone
}
