using AlAroma.Web.Infrastructure.Time;
using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Promotions;
using AlAroma.Web.Features.Reports;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Tests.Promotions.Admin;

/// <summary>The screens over HTTP as the real roles: the form, the preview, the list, and the 403 for shop staff.</summary>
public sealed class PromotionsHttpTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string Today = LocalTime.Today(TimeProvider.System.GetUtcNow(), null).ToString("yyyy-MM-dd");

    private static async Task<string> HtmlAsync(HttpResponseMessage resp) => WebUtility.HtmlDecode(await resp.Content.ReadAsStringAsync());

    private static List<KeyValuePair<string, string>> ThreeForTwoForm(string token, string name, string? id = null) =>
    [
        new("__RequestVerificationToken", token),
        new("Form.Id", id ?? ""),
        new("Form.Name", name),
        new("Form.Type", nameof(PromotionType.ThreeForTwo)),
        new("Form.Group.Brands", "Chanel"),
        new("Form.ValidFrom", Today),
        new("Form.ValidTo", ""),
        new("Form.Priority", "0"),
    ];

    [Fact]
    public async Task Manager_creates_a_1_plus_1_equals_3_and_the_preview_of_three_units_gives_the_cheapest_free()
    {
        var client = await app.ClientAsync("manager@alaroma.local");
        var token = await AppFixture.FormTokenAsync(client, "/promotions/new");

        var save = await client.PostAsync("/promotions/save", new FormUrlEncodedContent(ThreeForTwoForm(token, "1+1=3 на Chanel")));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var id = Regex.Match(save.Headers.Location!.ToString(), @"^/promotions/(\d+)$").Groups[1].Value;
        Assert.NotEmpty(id);

        await using var db = app.Db();
        var stored = await db.Promotions.SingleAsync(p => p.Id == int.Parse(id));
        Assert.Equal((PromotionType.ThreeForTwo, PromotionStatus.Active, "manager@alaroma.local"), (stored.Type, stored.Status, stored.CreatedBy));
        Assert.Equal(["Chanel"], stored.Group.Brands);
        var chanel = await db.Products.Where(p => p.Brand == "Chanel").OrderBy(p => p.RetailPrice).ToListAsync();
        Assert.Equal(3, chanel.Count);
        var s1 = await db.Locations.SingleAsync(l => l.Code == "S1");

        var edit = await HtmlAsync(await client.GetAsync($"/promotions/{id}"));
        Assert.Contains("1+1=3 на Chanel", edit);
        Assert.Contains("Действует", edit);

        var form = ThreeForTwoForm(token, "1+1=3 на Chanel", id);
        form.Add(new("PreviewDate", Today));
        form.Add(new("PreviewLocationId", s1.Id.ToString()));
        for (var i = 0; i < 3; i++)
        {
            form.Add(new($"Cart[{i}].ProductId", chanel[i].Id.ToString()));
            form.Add(new($"Cart[{i}].Quantity", "1"));
        }
        using var req = new HttpRequestMessage(HttpMethod.Post, "/promotions/preview") { Content = new FormUrlEncodedContent(form) };
        req.Headers.Add("HX-Request", "true");
        var preview = await client.SendAsync(req);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await HtmlAsync(preview);

        var cheapest = chanel[0];
        var lines = Regex.Matches(html, "<tr class=\"preview-line\" data-product-id=\"(\\d+)\">(.*?)</tr>", RegexOptions.Singleline)
            .ToDictionary(m => int.Parse(m.Groups[1].Value), m => m.Groups[2].Value);
        Assert.Equal(3, lines.Count);
        // The cheapest unit is the free one; the discount is spread over the three units by price (DOMAIN.md).
        Assert.Contains("(1 шт. бесплатно)", lines[cheapest.Id]);
        Assert.DoesNotContain("бесплатно", lines[chanel[1].Id]);
        Assert.DoesNotContain("бесплатно", lines[chanel[2].Id]);
        Assert.All(lines.Values, l => Assert.Contains("1+1=3 на Chanel: −", l));
        var subtotal = chanel.Sum(p => p.RetailPrice);
        Assert.Contains($"id=\"preview-subtotal\">{Money.Format(subtotal)}<", html);
        Assert.Contains($"id=\"preview-discount\">−{Money.Format(cheapest.RetailPrice)}<", html);
        Assert.Contains($"id=\"preview-total\">{Money.Format(subtotal - cheapest.RetailPrice)}<", html);
        Assert.Contains($"1+1=3 на Chanel — −{Money.Format(cheapest.RetailPrice)} (3 шт.)", html);

        var list = await HtmlAsync(await client.GetAsync("/promotions"));
        Assert.Contains("1+1=3 на Chanel", list);
    }

    [Fact]
    public async Task Mistakes_come_back_as_messages_next_to_the_fields_with_status_200()
    {
        var client = await app.ClientAsync("manager@alaroma.local");
        var token = await AppFixture.FormTokenAsync(client, "/promotions/new");
        var form = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token), new("Form.Name", "Ошибочная"), new("Form.Type", nameof(PromotionType.Percent)),
            new("Form.Value", "150"), new("Form.ValidFrom", "2026-12-10"), new("Form.ValidTo", "2026-12-01"),
        };
        var resp = await client.PostAsync("/promotions/save", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var html = await HtmlAsync(resp);
        Assert.Contains("Процент скидки должен быть от 1 до 99.", html);
        Assert.Contains("Дата окончания не может быть раньше даты начала.", html);
        Assert.Contains("Выберите бренды, категории или артикулы товаров", html);
        await using var db = app.Db();
        Assert.False(await db.Promotions.AnyAsync(p => p.Name == "Ошибочная"));
    }

    [Fact]
    public async Task Changing_the_type_swaps_in_its_fieldset()
    {
        var client = await app.ClientAsync("manager@alaroma.local");
        var token = await AppFixture.FormTokenAsync(client, "/promotions/new");
        var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Form.Type", nameof(PromotionType.Combo)),
            new("Form.Slots[0].Price", "1500"), new("Form.Slots[1].Price", "700"), new("addSlot", "true")]);
        var html = await HtmlAsync(await client.PostAsync("/promotions/type-fields", form));
        Assert.StartsWith("<fieldset id=\"type-fields\"", html.Trim());
        Assert.Equal(3, Regex.Matches(html, "class=\"combo-slot ").Count);
        Assert.Contains("value=\"700\"", html);
        Assert.DoesNotContain("name=\"Form.Value\"", html);
    }

    [Fact]
    public async Task Product_search_finds_by_name_sku_and_barcode_prefix()
    {
        var client = await app.ClientAsync("manager@alaroma.local");
        foreach (var q in new[] { "sauvage", "AA-0004", "460123400004" })
            Assert.Contains("Dior Sauvage", await HtmlAsync(await client.GetAsync($"/promotions/products?q={q}")));
    }

    [Theory]
    [InlineData("cashier@alaroma.local")]
    [InlineData("seller@alaroma.local")]
    [InlineData("storekeeper@alaroma.local")]
    public async Task Shop_staff_get_403(string email)
    {
        var client = await app.ClientAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/promotions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/promotions/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/promotions/save", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/promotions/preview", new FormUrlEncodedContent([]))).StatusCode);
    }
}
