using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Tests.Warehouse.Labels;

/// <summary>The labels page, scan/search and the print view over HTTP, on the demo chain.</summary>
public sealed class LabelsPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Storekeeper = "storekeeper@alaroma.local";

    [Fact]
    public async Task Storekeeper_opens_the_labels_page_and_a_cashier_is_refused()
    {
        var storekeeper = await app.ClientAsync(Storekeeper);
        var page = await storekeeper.GetAsync("/warehouse/labels");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Ценники", html);
        Assert.Contains("href=\"/warehouse/labels\"", html); // sidebar link

        var cashier = await app.ClientAsync("cashier@alaroma.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await cashier.GetAsync("/warehouse/labels")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cashier.GetAsync("/warehouse/labels/print?p=1&q=1")).StatusCode);
    }

    [Fact]
    public async Task Label_paper_is_named_as_print_dialogs_and_label_packs_name_it()
    {
        var chanel = await ProductAsync("AA-0001");
        var client = await app.ClientAsync(Storekeeper);
        var picker = WebUtility.HtmlDecode(await client.GetStringAsync("/warehouse/labels"));
        Assert.Contains("A4, 3×8 этикеток 70×37 мм", picker);
        Assert.Contains("Термопринтер 58×40 мм", picker);

        var a4 = WebUtility.HtmlDecode(await client.GetStringAsync($"/warehouse/labels/print?format=a4&p={chanel.Id}&q=1"));
        Assert.Contains("выберите размер бумаги «A4»", a4);
        var thermal = WebUtility.HtmlDecode(await client.GetStringAsync($"/warehouse/labels/print?format=58x40&p={chanel.Id}&q=1"));
        Assert.Contains("выберите размер бумаги «58 x 40 mm»", thermal);
    }

    [Fact]
    public async Task Print_view_repeats_each_label_by_quantity_with_name_price_sku_and_barcode()
    {
        var (chanel, coco) = (await ProductAsync("AA-0001"), await ProductAsync("AA-0002"));
        var client = await app.ClientAsync(Storekeeper);
        var resp = await client.GetAsync($"/warehouse/labels/print?format=a4&p={chanel.Id}&q=2&p={coco.Id}&q=3");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var html = WebUtility.HtmlDecode(await resp.Content.ReadAsStringAsync());

        Assert.Equal(5, Regex.Matches(html, "<div class=\"label\" ").Count);
        Assert.Equal(2, Regex.Matches(html, "data-barcode=\"" + chanel.MainBarcode + "\"").Count);
        Assert.Equal(3, Regex.Matches(html, "aria-label=\"Штрихкод " + coco.MainBarcode + "\"").Count);
        Assert.Contains(chanel.Name, html);
        Assert.Contains(Money.Format(18990m), html);
        Assert.Contains(Money.Format(13490m), html);
        Assert.Contains("AA-0002", html);
        Assert.Contains("100 мл · EDP", html);
        Assert.Contains("@page { size: A4; margin: 0; }", html);
        Assert.Single(Regex.Matches(html, "class=\"label-sheet sheet-a4\""));

        var thermal = WebUtility.HtmlDecode(await client.GetStringAsync($"/warehouse/labels/print?format=58x40&p={chanel.Id}&q=2&p={coco.Id}&q=3"));
        Assert.Equal(5, Regex.Matches(thermal, "class=\"label-sheet sheet-58x40\"").Count);
        Assert.Contains("@page { size: 58mm 40mm; margin: 0; }", thermal);
    }

    [Fact]
    public async Task By_stock_prints_one_label_per_unit_at_the_current_location()
    {
        var p = await ProductAsync("AA-0003");
        var client = await app.ClientAsync(Storekeeper);
        var url = $"/warehouse/labels/print?p={p.Id}&q=1&s={p.Id}";
        await SwitchLocationAsync(client, "WH");
        Assert.Equal(20, Regex.Matches(await client.GetStringAsync(url), "<div class=\"label\" ").Count); // 40 received − 2 × 10 transferred
        await SwitchLocationAsync(client, "S1");
        Assert.Equal(10, Regex.Matches(await client.GetStringAsync(url), "<div class=\"label\" ").Count);
    }

    [Fact]
    public async Task Products_without_a_barcode_or_a_price_are_refused_by_name_and_the_choice_is_kept()
    {
        int noBarcodeId, noPriceId;
        await using (var db = app.Db())
        {
            var noBarcode = new Product { Sku = "T-NOBC", Name = "Пробник без штрихкода", IsActive = true, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
            noBarcode.SetPrice(990m, DateTime.UtcNow, "test");
            var noPrice = new Product { Sku = "T-NOPRICE", Name = "Новинка без цены", IsActive = true, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
            noPrice.Barcodes.Add(new Barcode { Code = Ean.InStore(777) });
            db.Products.AddRange(noBarcode, noPrice);
            await db.SaveChangesAsync();
            (noBarcodeId, noPriceId) = (noBarcode.Id, noPrice.Id);
        }
        var ok = await ProductAsync("AA-0004");
        var client = await app.ClientAsync(Storekeeper);
        var resp = await client.GetAsync($"/warehouse/labels/print?p={ok.Id}&q=1&p={noBarcodeId}&q=2&p={noPriceId}&q=1");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var html = WebUtility.HtmlDecode(await resp.Content.ReadAsStringAsync());
        Assert.DoesNotContain("label-sheet", html);
        Assert.Contains("Нет штрихкода EAN-13/EAN-8 у товара: «Пробник без штрихкода» (T-NOBC)", html);
        Assert.Contains("Не задана розничная цена у товара: «Новинка без цены» (T-NOPRICE)", html);
        // The choice is shown again: all three rows with their quantities.
        Assert.Contains($"id=\"label-row-{ok.Id}\"", html);
        Assert.Contains($"id=\"label-row-{noBarcodeId}\"", html);
        Assert.Contains($"id=\"label-row-{noPriceId}\"", html);

        var bad = WebUtility.HtmlDecode(await client.GetStringAsync($"/warehouse/labels/print?p={ok.Id}&q=abc"));
        Assert.Contains($"Количество ценников для «{ok.Name}» должно быть целым числом от 0 до 1000 (введено «abc»)", bad);
        var empty = WebUtility.HtmlDecode(await client.GetStringAsync("/warehouse/labels/print"));
        Assert.Contains("Не выбрано ни одного товара", empty);
    }

    [Fact]
    public async Task Scanning_adds_a_row_and_scanning_it_again_adds_one_more_label()
    {
        var p = await ProductAsync("AA-0005");
        var client = await app.ClientAsync(Storekeeper);
        var first = WebUtility.HtmlDecode(await Htmx(client, $"/warehouse/labels/add?code={p.MainBarcode}"));
        Assert.Contains($"<tr id=\"label-row-{p.Id}\">", first);
        Assert.Contains("name=\"q\" value=\"1\"", first);

        var again = WebUtility.HtmlDecode(await Htmx(client, $"/warehouse/labels/add?code={p.MainBarcode}&p={p.Id}&q=4"));
        Assert.Contains($"<tr id=\"label-row-{p.Id}\" hx-swap-oob=\"true\">", again);
        Assert.Contains("name=\"q\" value=\"5\"", again);

        var bySku = WebUtility.HtmlDecode(await Htmx(client, "/warehouse/labels/add?code=aa-0005"));
        Assert.Contains($"label-row-{p.Id}", bySku);

        using var unknown = new HttpRequestMessage(HttpMethod.Get, "/warehouse/labels/add?code=2000000000008");
        unknown.Headers.Add("HX-Request", "true");
        var resp = await client.SendAsync(unknown);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal("", await resp.Content.ReadAsStringAsync());
        var trigger = System.Text.Json.JsonDocument.Parse(resp.Headers.GetValues("HX-Trigger").Single()).RootElement.GetProperty("toast");
        Assert.Equal("error", trigger.GetProperty("kind").GetString());
        Assert.Contains("2000000000008", trigger.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Search_finds_products_by_name_with_stock_at_the_location()
    {
        var client = await app.ClientAsync(Storekeeper);
        await SwitchLocationAsync(client, "WH");
        var html = WebUtility.HtmlDecode(await Htmx(client, "/warehouse/labels/search?code=sauvage"));
        Assert.Contains("Dior Sauvage EDT 100 мл", html);
        Assert.Contains("остаток 20", html);
        var none = WebUtility.HtmlDecode(await Htmx(client, "/warehouse/labels/search?code=нет-такого"));
        Assert.Contains("Ничего не найдено", none);
    }

    [Fact]
    public async Task With_stock_lists_every_product_on_hand_by_stock()
    {
        var client = await app.ClientAsync(Storekeeper);
        var html = await client.GetStringAsync("/warehouse/labels?withStock=true");
        Assert.True(Regex.Matches(html, "<tr id=\"label-row-").Count >= 30);
        Assert.True(Regex.Matches(html, "name=\"s\" value=\"\\d+\" id=\"label-s-\\d+\" checked=\"checked\"").Count >= 30);
    }

    private async Task SwitchLocationAsync(HttpClient client, string code)
    {
        await using var db = app.Db();
        var location = await db.Locations.SingleAsync(l => l.Code == code);
        var token = await AppFixture.FormTokenAsync(client, "/warehouse/labels");
        var switched = await client.PostAsync("/account/location", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["locationId"] = location.Id.ToString(), ["returnUrl"] = "/warehouse/labels", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
    }

    private static async Task<string> Htmx(HttpClient client, string url)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, url);
        req.Headers.Add("HX-Request", "true");
        var resp = await client.SendAsync(req);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        return await resp.Content.ReadAsStringAsync();
    }

    private async Task<Product> ProductAsync(string sku)
    {
        await using var db = app.Db();
        return await db.Products.Include(p => p.Barcodes).SingleAsync(p => p.Sku == sku);
    }
}
