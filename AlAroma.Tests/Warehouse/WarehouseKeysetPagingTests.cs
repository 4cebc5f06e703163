using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;

namespace AlAroma.Tests.Warehouse;

/// <summary>
/// Keyset paging of the warehouse lists («Следующая» / «Предыдущая» / «В начало»), on «Приход товара»: rows that share
/// a timestamp or a sort value across a page boundary are neither repeated nor skipped, forwards and backwards,
/// also when a new document arrives while someone pages; the links keep the filters and the sort.
/// </summary>
public sealed class WarehouseKeysetPagingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const int Count = 2 * ListGoodsReceipts.PageSize + 25;

    /// <summary><see cref="Count"/> draft receipts of supplier <paramref name="supplier"/> on only three distinct timestamps, so every page boundary falls between equal times.</summary>
    private async Task<List<long>> ArrangeAsync(string supplier)
    {
        var wh = await LocationIdAsync(app, "WH");
        var at = new DateTime(2021, 5, 17, 9, 30, 0, DateTimeKind.Utc);
        await using var db = app.Db();
        var docs = Enumerable.Range(0, Count).Select(i => new GoodsReceipt
        {
            Number = $"{supplier}-{i:000}", LocationId = wh, SupplierName = supplier, SupplierInvoiceNumber = "К-1",
            Status = DocumentStatus.Draft, CreatedAtUtc = at.AddMinutes(i % 3), CreatedBy = AdminUser,
        }).ToList();
        db.GoodsReceipts.AddRange(docs);
        await db.SaveChangesAsync();
        return docs.Select(d => d.Id).ToList();
    }

    private Task<ListGoodsReceipts.Model> PageAsync(string supplier, string? sort, string? after = null, string? before = null) =>
        app.AsAsync(AdminUser, sp => sp.GetRequiredService<ListGoodsReceipts>().HandleAsync(
            new ListGoodsReceipts.Input { Q = supplier, Sort = sort, After = after, Before = before }, default));

    /// <summary>Follows «Следующая» from the first page to the last; the pages' ids in order and the last page.</summary>
    private async Task<(List<long> Ids, ListGoodsReceipts.Model Last, int Pages)> ForwardAsync(string supplier, string? sort)
    {
        var ids = new List<long>();
        var m = await PageAsync(supplier, sort);
        var pages = 1;
        ids.AddRange(m.Rows.Select(r => r.Id));
        Assert.Null(m.Page.Previous);
        while (m.Page.Next is { } next)
        {
            m = await PageAsync(supplier, sort, after: next);
            Assert.NotNull(m.Page.Previous);
            ids.AddRange(m.Rows.Select(r => r.Id));
            Assert.True(++pages <= Count, "paging does not end");
        }
        return (ids, m, pages);
    }

    [Theory]
    [InlineData(null)]       // newest first: three timestamps, boundaries inside runs of equal times
    [InlineData("quantity")] // no lines: every row has the same sort value 0
    [InlineData("-supplier")] // one supplier: the same again, descending
    public async Task Paging_forwards_returns_each_row_once_in_the_sort_order(string? sort)
    {
        var supplier = "Ключ" + Guid.NewGuid().ToString("N")[..8];
        var created = await ArrangeAsync(supplier);

        var (ids, last, pages) = await ForwardAsync(supplier, sort);

        Assert.Equal(3, pages);
        Assert.Equal(Count, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(created.Order(), ids.Order());
        Assert.Equal(Count, last.Count);
        if (sort is null)
        {
            await using var db = app.Db();
            var expected = await db.GoodsReceipts.Where(r => r.SupplierName == supplier)
                .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id).Select(r => r.Id).ToListAsync();
            Assert.Equal(expected, ids);
        }
    }

    [Fact]
    public async Task Paging_backwards_from_the_last_page_gives_the_same_pages()
    {
        var supplier = "Ключ" + Guid.NewGuid().ToString("N")[..8];
        await ArrangeAsync(supplier);
        var (forward, last, _) = await ForwardAsync(supplier, "quantity");

        var backward = new List<long>(last.Rows.Select(r => r.Id));
        var m = last;
        while (m.Page.Previous is { } previous)
        {
            m = await PageAsync(supplier, "quantity", before: previous);
            Assert.Equal(ListGoodsReceipts.PageSize, m.Rows.Count);
            backward.InsertRange(0, m.Rows.Select(r => r.Id));
        }

        Assert.Equal(forward, backward);
        // Back at the first page: nothing before it, «В начало» still offered as it was reached by a cursor.
        Assert.Equal(forward.Take(ListGoodsReceipts.PageSize), m.Rows.Select(r => r.Id));
        Assert.True(m.Page.Paged);
    }

    [Fact]
    public async Task A_receipt_created_while_paging_neither_shifts_nor_repeats_the_rows()
    {
        var supplier = "Ключ" + Guid.NewGuid().ToString("N")[..8];
        var created = await ArrangeAsync(supplier);
        var first = await PageAsync(supplier, null);

        // A newer document lands on the first page; with offsets the second page would now repeat the first page's last row.
        var wh = await LocationIdAsync(app, "WH");
        await using (var db = app.Db())
        {
            db.GoodsReceipts.Add(new GoodsReceipt
            {
                Number = $"{supplier}-new", LocationId = wh, SupplierName = supplier, SupplierInvoiceNumber = "К-2", Status = DocumentStatus.Draft,
                CreatedAtUtc = new DateTime(2021, 5, 18, 0, 0, 0, DateTimeKind.Utc), CreatedBy = AdminUser,
            });
            await db.SaveChangesAsync();
        }
        var ids = first.Rows.Select(r => r.Id).ToList();
        var m = first;
        while (m.Page.Next is { } next)
        {
            m = await PageAsync(supplier, null, after: next);
            ids.AddRange(m.Rows.Select(r => r.Id));
        }

        Assert.Equal(created.Order(), ids.Order());
    }

    [Fact]
    public async Task The_page_links_keep_the_filter_and_the_sort()
    {
        var supplier = "Ключ" + Guid.NewGuid().ToString("N")[..8];
        await ArrangeAsync(supplier);
        var client = await app.ClientAsync(AdminUser);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/warehouse/receipts?Q={supplier}&sort=number"));
        var next = Regex.Match(html, "<a class=\"page-link\" rel=\"next\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Contains($"Q={Uri.EscapeDataString(supplier)}", next);
        Assert.Contains("sort=number", next);
        Assert.Contains("after=", next);
        Assert.Contains("Всего: " + Count, html);
        Assert.Contains($"{supplier}-000<", html);

        var second = WebUtility.HtmlDecode(await client.GetStringAsync(next));
        Assert.Contains($"{supplier}-050<", second);
        Assert.DoesNotContain($"{supplier}-049<", second);
        Assert.Matches("rel=\"prev\" href=\"[^\"]*before=", second);
        Assert.Matches("rel=\"first\" href=\"/warehouse/receipts\\?Q=[^\"]*sort=number\"", second);
    }
}
