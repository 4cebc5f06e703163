using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Warehouse;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Warehouse;

/// <summary>Shared arrangements of the warehouse tests: acting as a demo user through the handlers, balances, documents.</summary>
internal static class WarehouseTestKit
{
    public const string AdminUser = "admin@alaroma.local";
    public const string StorekeeperUser = "storekeeper@alaroma.local";
    public const string CashierUser = "cashier@alaroma.local";

    /// <summary>A storekeeper bound to S1 only (created on first use in the fixture's database).</summary>
    public const string StorekeeperS1User = "storekeeper.s1@alaroma.local";

    /// <summary>Creates the S1-only storekeeper unless present.</summary>
    public static Task EnsureStorekeeperS1Async(this AppFixture app) =>
        app.EnsureUserAsync(StorekeeperS1User, "Складов-Тверская", Roles.Storekeeper, "S1");

    /// <summary>
    /// Creates user <paramref name="email"/> (demo password) of <paramref name="role"/> bound to the locations with
    /// <paramref name="locationCodes"/>, unless present in the fixture's database.
    /// </summary>
    public static async Task EnsureUserAsync(this AppFixture app, string email, string fullName, string role, params string[] locationCodes)
    {
        await UserGate.WaitAsync();
        try
        {
            using var scope = app.Scope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByEmailAsync(email) is not null) return;
            var locations = new List<int>();
            foreach (var code in locationCodes) locations.Add(await LocationIdAsync(app, code));
            await scope.ServiceProvider.GetRequiredService<Seeder>().CreateUserAsync(email, fullName, Seeder.DemoPassword, role, locations);
        }
        finally { UserGate.Release(); }
    }

    private static readonly SemaphoreSlim UserGate = new(1, 1);

    public static async Task<int> LocationIdAsync(AppFixture app, string code)
    {
        await using var db = app.Db();
        return await db.Locations.Where(l => l.Code == code).Select(l => l.Id).SingleAsync();
    }

    /// <summary>The n-th demo product (by id): id and its first barcode.</summary>
    public static async Task<(int Id, string Barcode, string Name)> ProductAsync(AppFixture app, int n)
    {
        await using var db = app.Db();
        var p = await db.Products.Include(x => x.Barcodes).OrderBy(x => x.Id).Skip(n).FirstAsync();
        return (p.Id, p.Barcodes.OrderBy(b => b.Id).First().Code, p.Name);
    }

    public static async Task<int> BalanceAsync(AppFixture app, int locationId, int productId)
    {
        await using var db = app.Db();
        return await db.StockBalances.Where(b => b.LocationId == locationId && b.ProductId == productId).Select(b => b.Quantity).FirstOrDefaultAsync();
    }

    /// <summary>Asserts balance == sum(ledger) for every (location, product).</summary>
    public static async Task AssertInvariantAsync(AppFixture app)
    {
        await using var db = app.Db();
        Assert.Empty(await StockInvariant.FindMismatchesAsync(db, CancellationToken.None));
    }

    /// <summary>A draft receipt at <paramref name="locationCode"/> created by <paramref name="email"/>.</summary>
    public static Task<long> NewGoodsReceiptAsync(AppFixture app, string locationCode, string email = AdminUser) =>
        app.AsAsync(email, async sp => await sp.GetRequiredService<CreateGoodsReceipt>().HandleAsync(new CreateGoodsReceipt.Input
        {
            LocationId = await LocationIdAsync(app, locationCode), SupplierName = "ООО «Тест-Поставка»", SupplierInvoiceNumber = "Т-1",
        }, CancellationToken.None));

    /// <summary>A draft transfer with the given lines (product id, units).</summary>
    public static Task<long> NewTransferAsync(AppFixture app, string from, string to, params (int ProductId, int Qty)[] lines) =>
        app.AsAsync(AdminUser, async sp =>
        {
            var id = await sp.GetRequiredService<CreateTransfer>().HandleAsync(new CreateTransfer.Input
            {
                FromLocationId = await LocationIdAsync(app, from), ToLocationId = await LocationIdAsync(app, to),
            }, CancellationToken.None);
            foreach (var (productId, qty) in lines)
                await sp.GetRequiredService<EditTransferLines>().AddAsync(id, productId, qty, CancellationToken.None);
            return id;
        });

    /// <summary>An htmx POST with the antiforgery header, as the browser's htmx sends it.</summary>
    public static async Task<HttpResponseMessage> HtmxPostAsync(HttpClient client, string tokenPage, string url, Dictionary<string, string> form)
    {
        var token = await AppFixture.FormTokenAsync(client, tokenPage);
        using var req = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        req.Headers.Add("HX-Request", "true");
        req.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(req);
    }

    /// <summary>
    /// A normal form POST the way the browser sends it: the token is taken from the hidden field of the form on
    /// <paramref name="tokenPage"/> that posts to <paramref name="url"/> (fails when that form carries none).
    /// </summary>
    public static async Task<HttpResponseMessage> FormPostAsync(HttpClient client, string tokenPage, string url, Dictionary<string, string>? form = null)
    {
        var html = await client.GetStringAsync(tokenPage);
        var m = Regex.Match(html, $"<form[^>]*action=\"{Regex.Escape(url)}\"[^>]*>((?!</form>).)*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"",
            RegexOptions.Singleline);
        Assert.True(m.Success, $"The form posting to {url} on {tokenPage} has no antiforgery field");
        var fields = new Dictionary<string, string>(form ?? []) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(m.Groups[2].Value) };
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
