using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Pos;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Tests.Pos;

public class PosHttpTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static async Task<HttpResponseMessage> HtmxPostAsync(HttpClient client, string token, string url, Dictionary<string, string> form)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        req.Headers.Add("HX-Request", "true");
        req.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(req);
    }

    /// <summary>Page text with entities decoded (Razor encodes Cyrillic as character references).</summary>
    private static async Task<string> TextAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    private static async Task<string> GetTextAsync(HttpClient c, string url) => WebUtility.HtmlDecode(await c.GetStringAsync(url));

    [Fact]
    public async Task Cashier_opens_the_till_and_a_storekeeper_is_refused()
    {
        var cashier = await app.ClientAsync("cashier@alaroma.local");
        var pos = await cashier.GetAsync("/pos");
        Assert.Equal(HttpStatusCode.OK, pos.StatusCode);
        var html = await TextAsync(pos);
        Assert.Contains("Касса 1", html);
        Assert.Contains("Касса 2", html);
        Assert.DoesNotContain("Авиапарк", html); // S2 is not the cashier's shop

        var storekeeper = await app.ClientAsync("storekeeper@alaroma.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await storekeeper.GetAsync("/pos")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await storekeeper.GetAsync("/pos/sales")).StatusCode);
        var s2 = await PosTestUsers.RegisterIdAsync(app, "S2", "Касса 1");
        Assert.Equal(HttpStatusCode.NotFound, (await cashier.GetAsync($"/pos/{s2}")).StatusCode);
    }

    [Fact]
    public async Task Till_search_finds_by_words_and_asks_for_a_narrower_query_when_the_list_is_full()
    {
        var cashier = await app.ClientAsync("cashier@alaroma.local");
        var register = await PosTestUsers.RegisterIdAsync(app, "S1", "Касса 1");

        var one = await GetTextAsync(cashier, $"/pos/{register}/search?q=chanel%20bleu");
        Assert.Contains("Bleu de Chanel", one);
        Assert.DoesNotContain("Chanel N°5", one);
        Assert.DoesNotContain("search-more", one);

        var all = await GetTextAsync(cashier, $"/pos/{register}/search?q=AA-00"); // every demo SKU
        Assert.Equal(SearchProducts.Limit, all.Split("Добавить</button>").Length - 1 + all.Split("не продаётся").Length - 1);
        Assert.Contains("уточните запрос", all);
    }

    [Fact]
    public async Task Scan_sell_and_close_through_the_screens_keeping_the_cart_on_an_unknown_barcode()
    {
        // The seller (the cashier's /pos must stay the register chooser in the other test of this class).
        var client = await app.ClientAsync("seller@alaroma.local");
        var register = await PosTestUsers.RegisterIdAsync(app, "S1", "Касса 2");
        string barcode, name;
        decimal price;
        await using (var db = app.Db())
        {
            var p = await db.Products.Include(x => x.Barcodes).OrderBy(x => x.Id).Skip(7).FirstAsync();
            (barcode, name, price) = (p.Barcodes[0].Code, p.Name, p.RetailPrice);
        }

        var openForm = await GetTextAsync(client, $"/pos/{register}");
        Assert.Contains("Открыть смену", openForm);
        Assert.Contains("name=\"__RequestVerificationToken\"", openForm); // the plain form posts without htmx
        var token = await AppFixture.FormTokenAsync(client, $"/pos/{register}");
        var opened = await client.PostAsync($"/pos/{register}/open", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["openingFloat"] = "5 000,00", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var till = await GetTextAsync(client, $"/pos/{register}");
        Assert.Contains("id=\"pos-scanner\"", till);
        Assert.Contains("Наличные", till);
        Assert.Contains("<kbd>F2</kbd>", till);
        Assert.DoesNotContain("<kbd>F6</kbd>", till); // no dead buttons for later issues
        token = await AppFixture.FormTokenAsync(client, $"/pos/{register}");

        var scan = await HtmxPostAsync(client, token, $"/pos/{register}/scan", new() { ["code"] = barcode });
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        Assert.Contains(name, await TextAsync(scan));
        await HtmxPostAsync(client, token, $"/pos/{register}/scan", new() { ["code"] = barcode });

        var unknown = await HtmxPostAsync(client, token, $"/pos/{register}/scan", new() { ["code"] = "4600000000000" });
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var fragment = await TextAsync(unknown);
        Assert.Contains("не найден", fragment);
        Assert.Contains("id=\"pos-notice\"", fragment);
        Assert.Contains(name, fragment);
        Assert.Contains("<span class=\"pos-qty-value\">2</span>", fragment);
        await using (var db = app.Db())
            Assert.Equal(2, await db.Set<PosCartLine>().Where(l => db.PosCarts.Any(c => c.Id == l.CartId && c.RegisterId == register)).SumAsync(l => l.Quantity));

        var expected = (price * 2).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var key = Guid.NewGuid().ToString();
        var underpaid = await HtmxPostAsync(client, token, $"/pos/{register}/checkout", new()
        {
            ["Key"] = key, ["Mode"] = "Cash", ["Tendered"] = "1", ["Expected"] = expected,
        });
        using (var toast = System.Text.Json.JsonDocument.Parse(underpaid.Headers.GetValues("HX-Trigger").Single()))
            Assert.StartsWith("Недостаточно наличных", toast.RootElement.GetProperty("toast").GetProperty("message").GetString());
        var paid = await HtmxPostAsync(client, token, $"/pos/{register}/checkout", new()
        {
            ["Key"] = key, ["Mode"] = "Cash", ["Tendered"] = (price * 2 + 10).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ','), ["Expected"] = expected,
        });
        var redirect = paid.Headers.GetValues("HX-Redirect").Single();
        Assert.Matches(@"^/pos/sales/\d+\?print=1$", redirect);

        var receipt = await GetTextAsync(client, redirect);
        Assert.Matches(@"Товарный чек № S1-\d{6}", receipt);
        Assert.Contains("Сдача", receipt);
        Assert.Contains("Чек пуст", await GetTextAsync(client, $"/pos/{register}"));

        long shiftId;
        await using (var db = app.Db())
            shiftId = await db.Shifts.Where(s => s.RegisterId == register && s.ClosedAtUtc == null).Select(s => s.Id).SingleAsync();
        var x = await GetTextAsync(client, $"/pos/shifts/{shiftId}");
        Assert.Contains("X-отчёт", x);
        Assert.Contains("name=\"__RequestVerificationToken\"", x);
        token = await AppFixture.FormTokenAsync(client, $"/pos/shifts/{shiftId}");
        var close = await client.PostAsync($"/pos/shifts/{shiftId}/close", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["countedCash"] = (5000 + price * 2).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        var z = await GetTextAsync(client, $"/pos/shifts/{shiftId}");
        Assert.Contains("Z-отчёт", z);
        Assert.Matches(new Regex("id=\"r-discrepancy\">0,00"), z);
        Assert.Contains(Regex.Match(receipt, @"S1-\d{6}").Value, await GetTextAsync(client, "/pos/sales"));
    }
}
