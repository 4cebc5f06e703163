using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Tests.Catalog;

public class CatalogHttpTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Manager = "manager@alaroma.local";

    private static async Task<string> Html(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
    private static async Task<string> Get(HttpClient c, string url) => WebUtility.HtmlDecode(await c.GetStringAsync(url));

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token)));

    [Fact]
    public async Task Manager_walks_upload_mapping_preview_import_and_downloads_rejected_rows()
    {
        var client = await app.ClientAsync(Manager);
        var token = await AppFixture.FormTokenAsync(client, "/catalog/import");

        // Windows-1252, comma, a duplicate row, no price column.
        var csv = Encoding.GetEncoding(1252).GetBytes(
            "Name,Brand,Description\r\n" +
            "Http Narziß Eau de Toilette 50 ml,Http Brand,\"Soft, “airy” – and warm\"\r\n" +
            "Http Sola Parfum,Http Brand,\"x\"\r\n" +
            "Http Narziß Eau de Toilette 50 ml,Http Brand,dup\r\n");
        var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(csv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "http-supplier.csv" },
        };
        var resp = await client.PostAsync("/catalog/import", upload);
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        var mappingUrl = resp.Headers.Location!.OriginalString;
        Assert.Matches("^/catalog/import/[0-9a-f-]{36}$", mappingUrl);

        var mapping = await Get(client, mappingUrl);
        Assert.Contains("Определена автоматически: Windows-1252", mapping);
        Assert.Contains("Определён автоматически: Запятая", mapping);
        Assert.Contains("Http Narziß Eau de Toilette 50 ml", mapping);
        Assert.Contains("Soft, “airy” – and warm", mapping);

        // Changing the encoding re-reads the file (htmx fragment): ß becomes Cyrillic "Я" in Windows-1251.
        var reread = new HttpRequestMessage(HttpMethod.Get, mappingUrl + "?Encoding=windows-1251&Delimiter=comma") { Headers = { { "HX-Request", "true" } } };
        var fragment = await Html(await client.SendAsync(reread));
        Assert.DoesNotContain("<html", fragment);
        Assert.Contains("Http NarziЯ", fragment);

        // Without a name column the mapping is refused next to the field.
        resp = await client.PostAsync(mappingUrl, Form(token, ("Encoding", "windows-1252"), ("Delimiter", "comma"), ("Columns[Name]", "-1"), ("DefaultPrice", "0")));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Contains("Выберите столбец с названием товара", await Html(resp));

        resp = await client.PostAsync(mappingUrl, Form(token, ("Encoding", "windows-1252"), ("Delimiter", "comma"),
            ("Columns[Name]", "0"), ("Columns[Brand]", "1"), ("Columns[Description]", "2"), ("DefaultPrice", "1 990,00")));
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        Assert.Equal(mappingUrl + "/preview", resp.Headers.Location!.OriginalString);

        var preview = await Get(client, mappingUrl + "/preview");
        Assert.Matches("id=\"to-create\">2<", preview);
        Assert.Matches("id=\"to-reject\">1<", preview);
        Assert.Contains("Повтор строки 2", preview);

        resp = await client.PostAsync(mappingUrl + "/run", Form(token));
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        Assert.Equal(mappingUrl + "/result", resp.Headers.Location!.OriginalString);
        var result = await Get(client, mappingUrl + "/result");
        Assert.Matches("id=\"created\">2<", result);
        Assert.Matches("id=\"rejected\">1<", result);

        var rejected = await client.GetAsync(mappingUrl + "/rejected");
        Assert.Equal("text/csv", rejected.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await rejected.Content.ReadAsByteArrayAsync());
        Assert.Contains("4;Http Narziß Eau de Toilette 50 ml;Http Brand;dup;Повтор строки 2", text);

        await using var db = app.Db();
        var p = await db.Products.SingleAsync(x => x.Name == "Http Narziß Eau de Toilette 50 ml");
        Assert.Equal((1990m, Concentration.EauDeToilette, 50, "Soft, “airy” – and warm"), (p.RetailPrice, p.Concentration!.Value, p.VolumeMl!.Value, p.Description));

        // Running it again is refused with a clear message, nothing duplicated.
        resp = await client.PostAsync(mappingUrl + "/run", Form(token));
        Assert.Equal(1, await db.Products.CountAsync(x => x.Name == "Http Narziß Eau de Toilette 50 ml"));
    }

    [Fact]
    public async Task Only_back_office_opens_the_catalog()
    {
        var seller = await app.ClientAsync("seller@alaroma.local");
        var resp = await seller.GetAsync("/catalog");
        Assert.True(resp.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && resp.Headers.Location?.OriginalString.Contains("login") != true,
            $"seller got {resp.StatusCode} {resp.Headers.Location}");
        Assert.NotEqual(HttpStatusCode.OK, (await seller.GetAsync("/catalog/import")).StatusCode);
        var anonymous = await app.ClientAsync(null);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/catalog")).StatusCode);
    }

    [Fact]
    public async Task List_searches_by_name_sku_barcode_and_brand_and_htmx_gets_the_table_only()
    {
        var client = await app.ClientAsync(Manager);
        var page = await Get(client, "/catalog");
        Assert.Contains("Dior Sauvage", page);
        Assert.Contains("Найдено товаров:", page);

        string Table(string q) => $"/catalog?q={Uri.EscapeDataString(q)}";
        async Task<string> Htmx(string url)
        {
            var req = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "HX-Request", "true" }, { "HX-Target", "catalog-table" } } };
            return await Html(await client.SendAsync(req));
        }
        var byName = await Htmx(Table("sauvage"));
        Assert.DoesNotContain("<html", byName);
        Assert.Contains("Dior Sauvage", byName);
        Assert.DoesNotContain("Chanel", byName);

        var chanelCode = "460123400001" + Ean.CheckDigit("460123400001");
        Assert.Contains("Chanel N°5", await Htmx(Table(chanelCode)));
        Assert.Contains("Dior Sauvage", await Htmx(Table("AA-0004")));
        Assert.Contains("Найдено товаров: 3", await Htmx("/catalog?brand=Dior"));
        Assert.Contains("Найдено товаров: 3", await Htmx("/catalog?brand=Chanel&category=Парфюмерия&active=yes"));
        Assert.Contains("Ничего не найдено", await Htmx(Table("нет такого товара")));
    }

    [Fact]
    public async Task Product_card_validates_next_to_fields_and_records_price_changes()
    {
        var client = await app.ClientAsync(Manager);
        var token = await AppFixture.FormTokenAsync(client, "/catalog/new");
        var sauvageCode = "460123400004" + Ean.CheckDigit("460123400004");

        var resp = await client.PostAsync("/catalog/new", Form(token, ("Name", ""), ("RetailPrice", "-5"), ("VolumeMl", "много"),
            ("Barcodes", "4006381333932"), ("Testers", "false"), ("Barcodes", sauvageCode), ("Testers", "false"), ("IsActive", "true")));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var html = await Html(resp);
        Assert.Contains("Укажите название товара.", html);
        Assert.Contains("Цена не может быть отрицательной.", html);
        Assert.Contains("Объём — целое число миллилитров", html);
        Assert.Contains("Штрихкод «4006381333932» с неверной контрольной цифрой", html);
        Assert.Contains($"Штрихкод {sauvageCode} уже есть у товара «Dior Sauvage EDT 100 мл» (артикул AA-0004).", html);

        resp = await client.PostAsync("/catalog/new", Form(token, ("Name", "Card Test Eau de Parfum"), ("Brand", "Card"), ("RetailPrice", "1 990,50"),
            ("VolumeMl", "75"), ("Concentration", "EauDeParfum"), ("Gender", "Female"), ("Barcodes", ""), ("Testers", "false"), ("IsActive", "true"), ("IsActive", "false")));
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        var url = resp.Headers.Location!.OriginalString;
        await using (var db = app.Db())
        {
            var p = await db.Products.Include(x => x.Barcodes).SingleAsync(x => x.Name == "Card Test Eau de Parfum");
            Assert.Equal($"/catalog/{p.Id}", url);
            Assert.Equal((1990.50m, 75, true), (p.RetailPrice, p.VolumeMl!.Value, p.IsActive));
            Assert.StartsWith("AA-", p.Sku);
            var code = Assert.Single(p.Barcodes).Code;
            Assert.True(code.StartsWith('2') && Ean.IsValid(code));
        }

        // "+ Добавить штрихкод" fetches an empty line of the list.
        var line = await Get(client, "/catalog/barcode-row?index=1");
        Assert.Contains("name=\"Barcodes\"", line);
        Assert.Contains("name=\"Testers\"", line);
        Assert.DoesNotContain("<html", line);

        // htmx save with a new price and an extra barcode: HX-Redirect, history shows old → new and who.
        var edit = await Get(client, url);
        var sku = Regex.Match(edit, "id=\"Sku\" name=\"Sku\" value=\"([^\"]+)\"").Groups[1].Value;
        var inStore = Regex.Match(edit, "name=\"Barcodes\" value=\"(2\\d{12})\"").Groups[1].Value;
        var req = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Headers = { { "HX-Request", "true" } },
            Content = Form(token, ("Sku", sku), ("Name", "Card Test Eau de Parfum"), ("Brand", "Card"), ("RetailPrice", "2490"),
                ("Barcodes", inStore), ("Testers", "false"), ("Barcodes", "5901234123457"), ("Testers", "true"), ("IsActive", "false")),
        };
        resp = await client.SendAsync(req);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal(url, resp.Headers.GetValues("HX-Redirect").Single());
        edit = await Get(client, url);
        Assert.Contains("1\u202F990,50\u00A0₽", edit);
        Assert.Contains("2\u202F490,00\u00A0₽", edit);
        Assert.Contains("Менеджерова Мария", edit); // who changed the price, by name (the history stores the login)
        await using (var db = app.Db())
        {
            var p = await db.Products.Include(x => x.Barcodes).Include(x => x.PriceChanges).SingleAsync(x => x.Name == "Card Test Eau de Parfum");
            Assert.Equal((2490m, false), (p.RetailPrice, p.IsActive));
            Assert.Equal([(inStore, false), ("5901234123457", true)], p.Barcodes.OrderBy(b => b.Id).Select(b => (b.Code, b.IsTester)));
            Assert.Equal([(0m, 1990.50m), (1990.50m, 2490m)], p.PriceChanges.OrderBy(c => c.Id).Select(c => (c.OldPrice, c.NewPrice)));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "Product" && a.Action == "Update" && a.Key == p.Id.ToString() && a.UserName == Manager));
        }
    }
}
