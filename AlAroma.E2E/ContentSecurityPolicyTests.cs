using AlAroma.E2E.Infrastructure;
using Microsoft.Playwright;

namespace AlAroma.E2E;

/// <summary>
/// Under the strict Content-Security-Policy (scripts and styles only from the site's own files) every screen a role
/// reaches from its sidebar still works: Chromium reports no refused script, style or eval and no script error, and
/// the real Kestrel sends no Server banner. The buttons whose inline handlers moved into site.js still do their job.
/// </summary>
public sealed class ContentSecurityPolicyTests(AppServer app) : IClassFixture<AppServer>
{
    [Theory]
    [InlineData("admin@alaroma.local")]
    [InlineData("manager@alaroma.local")]
    [InlineData("storekeeper@alaroma.local")]
    [InlineData("seller@alaroma.local")]
    [InlineData("cashier@alaroma.local")]
    [InlineData("operator@alaroma.local")]
    public async Task Every_sidebar_page_of_the_role_loads_without_a_csp_violation(string email)
    {
        var anonymous = await app.NewPageAsync();
        var problems = Watch(anonymous);
        await VisitAsync(anonymous, "/account/login", problems);
        await VisitAsync(anonymous, "/account/forgot-password", problems);
        await VisitAsync(anonymous, "/account/reset-password?userId=nobody&token=bad", problems); // the refusal of a bad link
        await anonymous.Context.CloseAsync();

        var page = await app.LoginAsync(email);
        problems = Watch(page);
        var links = await page.Locator(".app-sidebar a.nav-link").EvaluateAllAsync<string[]>("els => els.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(links);
        foreach (var href in links) await VisitAsync(page, href, problems);

        Assert.True(problems.Count == 0, $"{email}:\n" + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Label_list_buttons_and_print_work_without_inline_handlers()
    {
        var page = await app.LoginAsync("storekeeper@alaroma.local");
        var problems = Watch(page);
        await page.GotoAsync("/warehouse/labels");
        var scan = page.Locator("#label-code");
        foreach (var sku in new[] { "AA-0001", "AA-0002" })
        {
            await scan.FillAsync(sku);
            await scan.PressAsync("Enter");
            await Assertions.Expect(scan).ToHaveValueAsync(""); // the form empties itself after a successful add
        }
        var rows = page.Locator("#label-rows tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);

        await page.Locator("#label-rows input[name=s]").First.UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Все по остатку" }).ClickAsync();
        await Assertions.Expect(page.Locator("#label-rows input[name=s]:checked")).ToHaveCountAsync(2);

        await rows.First.GetByRole(AriaRole.Button, new() { Name = "Убрать", Exact = false }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);

        // "Очистить список" asks first: no keeps the list, yes empties it.
        page.Dialog += DismissOnce;
        await page.GetByRole(AriaRole.Button, new() { Name = "Очистить список" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        page.Dialog -= DismissOnce;
        string? asked = null;
        page.Dialog += async (_, d) => { asked = d.Message; await d.AcceptAsync(); };
        await page.GetByRole(AriaRole.Button, new() { Name = "Очистить список" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        Assert.Equal("Очистить список ценников?", asked);

        // The print view's button still opens the print dialog (window.print, stubbed: headless has no printer).
        await page.AddInitScriptAsync("window.print = function () { window.__printed = (window.__printed || 0) + 1; };");
        await scan.FillAsync("AA-0001");
        await scan.PressAsync("Enter");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await page.Locator("#labels-print").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/warehouse/labels/print"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Печать", Exact = true }).ClickAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("window.__printed || 0"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    private static async void DismissOnce(object? _, IDialog d) => await d.DismissAsync();

    /// <summary>Collects what Chromium says when the CSP refuses something, and uncaught script errors.</summary>
    private static List<string> Watch(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Text.StartsWith("Refused to", StringComparison.Ordinal))
                lock (problems) problems.Add($"{page.Url}: {m.Text}");
        };
        page.PageError += (_, e) => { lock (problems) problems.Add($"{page.Url}: script error {e}"); };
        return problems;
    }

    private static async Task VisitAsync(IPage page, string href, List<string> problems)
    {
        var resp = await page.GotoAsync(href, new() { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(resp);
        var headers = await resp.AllHeadersAsync();
        if (headers.ContainsKey("server")) lock (problems) problems.Add($"{href}: Server: {headers["server"]}");
        if (!headers.ContainsKey("content-security-policy")) lock (problems) problems.Add($"{href}: no Content-Security-Policy");
        // htmx fragments that load with the page (badges, lists) are inside the check too.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 10_000 }).ContinueWith(_ => { });
    }
}
