using AlAroma.Web.Features.Warehouse.WriteOffs;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.TransferRequests;
using AlAroma.Web.Features.Warehouse.Suppliers;
using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;
using static AlAroma.Tests.Warehouse.WriteOffTestKit;

namespace AlAroma.Tests.Warehouse;

/// <summary>A shop's request to the warehouse: draft, send, turned into a linked draft transfer or rejected; rights; pages by role.</summary>
public class TransferRequestTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private Task<long> NewRequestAsync(string email, params (int ProductId, int Qty)[] lines) =>
        app.AsAsync(email, async sp =>
        {
            var id = await sp.GetRequiredService<CreateTransferRequest>().HandleAsync(new CreateTransferRequest.Input
            {
                RequestingLocationId = await LocationIdAsync(app, "S1"), SupplyingLocationId = await LocationIdAsync(app, "WH"), Comment = "к выходным",
            }, Ct);
            foreach (var (p, q) in lines) await sp.GetRequiredService<EditTransferRequestLines>().AddAsync(id, p, q, Ct);
            await sp.GetRequiredService<DecideTransferRequest>().SubmitAsync(id, Ct);
            return id;
        });

    [Fact]
    public async Task A_request_becomes_a_linked_draft_transfer_with_its_lines()
    {
        await app.EnsureStorekeeperS1Async();
        var a = await ProductAsync(app, 0);
        var b = await ProductAsync(app, 1);
        var id = await NewRequestAsync(StorekeeperS1User, (a.Id, 2), (b.Id, 3));

        // The shop's storekeeper cannot fulfil it: the warehouse is not theirs.
        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(StorekeeperS1User, sp => sp.GetRequiredService<DecideTransferRequest>().ToTransferAsync(id, Ct)));
        Assert.Contains("Центральный склад", e.Message);

        var transferId = await app.AsAsync(StorekeeperUser, sp => sp.GetRequiredService<DecideTransferRequest>().ToTransferAsync(id, Ct));
        await using var db = app.Db();
        var t = await db.Transfers.Include(x => x.Lines).SingleAsync(x => x.Id == transferId);
        var r = await db.TransferRequests.SingleAsync(x => x.Id == id);
        Assert.Equal(TransferStatus.Draft, t.Status);
        Assert.Equal((await LocationIdAsync(app, "WH"), await LocationIdAsync(app, "S1")), (t.FromLocationId, t.ToLocationId));
        Assert.Equal(id, t.RequestId);
        Assert.Equal(transferId, r.TransferId);
        Assert.Equal(TransferRequestStatus.Fulfilled, r.Status);
        Assert.Equal([(a.Id, 2), (b.Id, 3)], t.Lines.OrderBy(l => l.ProductId).Select(l => (l.ProductId, l.Quantity)).ToArray());

        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(StorekeeperUser, sp => sp.GetRequiredService<DecideTransferRequest>().ToTransferAsync(id, Ct)));
        Assert.Equal(1, await db.Transfers.CountAsync(x => x.RequestId == id));

        var keeper = await app.ClientAsync(StorekeeperUser);
        Assert.Contains(r.Number, WebUtility.HtmlDecode(await keeper.GetStringAsync($"/warehouse/transfers/{transferId}")));
        Assert.Contains(t.Number, WebUtility.HtmlDecode(await (await app.ClientAsync(StorekeeperS1User)).GetStringAsync($"/warehouse/requests/{id}")));
    }

    [Fact]
    public async Task A_rejected_request_needs_a_reason_and_makes_no_transfer()
    {
        var a = await ProductAsync(app, 2);
        var id = await NewRequestAsync(StorekeeperUser, (a.Id, 1));
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(ManagerUser, sp => sp.GetRequiredService<DecideTransferRequest>().RejectAsync(id, "", Ct)));
        await app.AsAsync(ManagerUser, sp => sp.GetRequiredService<DecideTransferRequest>().RejectAsync(id, "Нет на складе", Ct));
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.AsAsync(ManagerUser, sp => sp.GetRequiredService<DecideTransferRequest>().ToTransferAsync(id, Ct)));
        await using var db = app.Db();
        Assert.False(await db.Transfers.AnyAsync(t => t.RequestId == id));
        Assert.Equal("Нет на складе", (await db.TransferRequests.SingleAsync(r => r.Id == id)).RejectionReason);
    }

    [Fact]
    public async Task Screens_from_request_to_transfer()
    {
        var p = await ProductAsync(app, 3);
        var s1 = await LocationIdAsync(app, "S1");
        var wh = await LocationIdAsync(app, "WH");
        var keeper = await app.ClientAsync(StorekeeperUser);
        var created = await FormPostAsync(keeper, "/warehouse/requests/new", "/warehouse/requests/new",
            new() { ["RequestingLocationId"] = s1.ToString(), ["SupplyingLocationId"] = wh.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        var scan = await HtmxPostAsync(keeper, url, $"{url}/scan", new() { ["barcode"] = p.Barcode });
        Assert.Contains(p.Name, WebUtility.HtmlDecode(await scan.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await FormPostAsync(keeper, url, $"{url}/submit")).StatusCode);
        Assert.Contains("Ожидают склада", WebUtility.HtmlDecode(await keeper.GetStringAsync("/warehouse/requests")));
        var print = WebUtility.HtmlDecode(await keeper.GetStringAsync($"{url}/print"));
        Assert.Contains("Заявка на перемещение №", print);
        Assert.Matches($@"{Regex.Escape(p.Name)}</td><td>{p.Barcode}</td><td class=""num"">1</td>", print);
        var made = await FormPostAsync(keeper, url, $"{url}/transfer");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Matches(@"^/warehouse/transfers/\d+$", made.Headers.Location!.ToString());
        Assert.Contains(p.Name, WebUtility.HtmlDecode(await keeper.GetStringAsync(made.Headers.Location!.ToString())));
    }

    [Fact]
    public async Task New_routes_answer_200_to_warehouse_roles_and_403_to_the_till()
    {
        var p = await ProductAsync(app, 4);
        var request = await NewRequestAsync(StorekeeperUser, (p.Id, 1));
        var writeOff = await NewWriteOffAsync(app, "WH", WriteOffReason.Damage, false, StorekeeperUser, (p.Id, 1));
        var supplier = await app.AsAsync(ManagerUser, sp => sp.GetRequiredService<SaveSupplier>().HandleAsync(new SaveSupplier.Input { Name = "ООО Маршрут" }, Ct));
        string[] pages =
        [
            "/warehouse/writeoffs", "/warehouse/writeoffs?Status=Submitted&Reason=Damage&From=2020-01-01&To=2099-12-31", "/warehouse/writeoffs/new",
            $"/warehouse/writeoffs/{writeOff}", $"/warehouse/writeoffs/{writeOff}/print", $"/warehouse/writeoffs/{writeOff}/products?q=ab",
            "/warehouse/writeoffs/export.xlsx", "/warehouse/suppliers", "/warehouse/suppliers/new", $"/warehouse/suppliers/{supplier}",
            "/warehouse/requests", "/warehouse/requests?Status=Open", "/warehouse/requests/new", $"/warehouse/requests/{request}", $"/warehouse/requests/{request}/print",
            "/warehouse/transfers/in-transit.xlsx",
        ];
        foreach (var user in new[] { AdminUser, ManagerUser, StorekeeperUser })
        {
            var client = await app.ClientAsync(user);
            foreach (var url in pages) Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.OK, $"{user} {url}");
        }
        foreach (var user in new[] { CashierUser, "seller@alaroma.local", "operator@alaroma.local" })
        {
            var client = await app.ClientAsync(user);
            foreach (var url in pages) Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, $"{user} {url}");
        }
        Assert.Matches(new Regex(@"ЗП-\d{4}-\d{6}"), await (await app.ClientAsync(StorekeeperUser)).GetStringAsync("/warehouse/requests"));
    }
}
