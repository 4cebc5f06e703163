using System.Net;
using AlAroma.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Tests.Admin;

/// <summary>
/// Each location's IANA time zone, picked by the admin on "Реквизиты компании" next to its address (a fixture of its
/// own: the company details it saves would change what <see cref="CompanyDetailsTests"/> starts from).
/// </summary>
public class LocationTimeZoneTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_admin_moves_a_shop_to_novosibirsk_time_and_an_unknown_zone_is_refused()
    {
        int shopId;
        await using (var db = app.Db()) shopId = await db.Locations.Where(l => l.Code == "S2").Select(l => l.Id).SingleAsync();
        var admin = await app.ClientAsync("admin@alaroma.local");
        async Task<string> ZoneAsync() { await using var db = app.Db(); return await db.Locations.Where(l => l.Id == shopId).Select(l => l.TimeZoneId).SingleAsync(); }

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/company"));
        Assert.Contains("<option value=\"Asia/Novosibirsk\">Новосибирск, UTC+7</option>", page);
        Assert.Contains("<option value=\"Europe/Moscow\" selected=\"selected\">Москва, UTC+3</option>", page);

        var refused = await CompanyFormPost.SaveAsync(admin, "ООО «Аль Арома»", "7707083893", "773601001", (shopId, "Москва, Ходынский б-р, 4", "Europe/Atlantis"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Часовой пояс «Europe/Atlantis» неизвестен. Выберите пояс точки из списка", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal("Europe/Moscow", await ZoneAsync());

        var saved = await CompanyFormPost.SaveAsync(admin, "ООО «Аль Арома»", "7707083893", "773601001", (shopId, "Новосибирск, Красный пр-т, 1", "Asia/Novosibirsk"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Asia/Novosibirsk", await ZoneAsync());
        Assert.Contains("<option value=\"Asia/Novosibirsk\" selected=\"selected\">Новосибирск, UTC+7</option>", WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/company")));

        // A form without the zone (only the address changed) keeps the zone the shop has.
        Assert.Equal(HttpStatusCode.Redirect, (await CompanyFormPost.SaveAsync(admin, "ООО «Аль Арома»", "7707083893", "773601001", (shopId, "Новосибирск, Красный пр-т, 2", null))).StatusCode);
        Assert.Equal("Asia/Novosibirsk", await ZoneAsync());
    }
}
