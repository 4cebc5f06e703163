using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Tests.Admin;

/// <summary>
/// A shop's coordinates and opening hours, edited by the admin on "Реквизиты компании" next to its address (what the
/// client bot's «Ближайший магазин» answers with). A fixture of its own: it changes the company details.
/// </summary>
public class ShopCoordinatesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient admin, int shopId, string coordinates, string hours)
    {
        var token = await AppFixture.FormTokenAsync(admin, "/admin/company");
        return await admin.PostAsync("/admin/company", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "ООО «Аль Арома»", ["Inn"] = "7707083893", ["Kpp"] = "773601001", ["__RequestVerificationToken"] = token,
            ["Addresses[0].LocationId"] = shopId.ToString(), ["Addresses[0].Address"] = "Новосибирск, Красный пр-т, 1",
            ["Addresses[0].Coordinates"] = coordinates, ["Addresses[0].OpeningHours"] = hours,
        }));
    }

    [Fact]
    public async Task The_admin_puts_a_shop_on_the_map_with_its_hours_and_a_swapped_pair_is_refused()
    {
        int shopId;
        await using (var db = app.Db()) shopId = await db.Locations.Where(l => l.Code == "S2").Select(l => l.Id).SingleAsync();
        var admin = await app.ClientAsync("admin@alaroma.local");
        async Task<Location> ShopAsync() { await using var db = app.Db(); return await db.Locations.AsNoTracking().SingleAsync(l => l.Id == shopId); }

        var refused = await SaveAsync(admin, shopId, "131.8869, 43.1155", "пн–вс 10:00–21:00"); // Vladivostok, longitude first
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Проверьте порядок: сначала широта", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(55.7904, (await ShopAsync()).Latitude);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, shopId, "55,0084 82,9346", "пн–вс 10:00–21:00")).StatusCode);
        var shop = await ShopAsync();
        Assert.Equal((55.0084, 82.9346, "пн–вс 10:00–21:00"), (shop.Latitude, shop.Longitude, shop.OpeningHours));
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/company"));
        Assert.Contains("value=\"55.0084, 82.9346\"", page);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, shopId, " ", "")).StatusCode);
        Assert.Equal((null, null, ""), ((await ShopAsync()).Latitude, (await ShopAsync()).Longitude, (await ShopAsync()).OpeningHours));
    }

    [Theory]
    [InlineData("55.7636, 37.6062", 55.7636, 37.6062)]
    [InlineData("55,7636, 37,6062", 55.7636, 37.6062)]
    [InlineData("55.7636;37.6062", 55.7636, 37.6062)]
    [InlineData("-33.8688 151.2093", -33.8688, 151.2093)]
    public void Coordinates_are_read_as_maps_copy_them(string text, double lat, double lon) =>
        Assert.Equal((lat, lon, (string?)null), Coordinates.Parse(text));

    [Theory]
    [InlineData("Москва")]
    [InlineData("55.7636")]
    [InlineData("95, 37")]
    public void Other_text_is_not_coordinates(string text) => Assert.NotNull(Coordinates.Parse(text).Error);
}
