using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Pos;
using AlAroma.Web.Features.Admin.Company;
using AlAroma.Web.Features.Pos;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Tests.Admin;

/// <summary>"Реквизиты компании": set by the admin, printed on the товарный чек and on the A4 documents.</summary>
public class CompanyDetailsTests(TillFixture app) : IClassFixture<TillFixture>
{
    private Task<HttpResponseMessage> SaveAsync(HttpClient admin, string name, string inn, string kpp, params (int Id, string Address)[] addresses) =>
        CompanyFormPost.SaveAsync(admin, name, inn, kpp, addresses.Select(a => (a.Id, a.Address, (string?)null)).ToArray());

    [Fact]
    public async Task The_admin_sets_the_details_and_the_receipt_and_a4_documents_print_them()
    {
        int shopId;
        long receiptId;
        await using (var db = app.Db())
        {
            shopId = await db.Locations.Where(l => l.Code == "S1").Select(l => l.Id).SingleAsync();
            receiptId = await db.GoodsReceipts.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        }
        var admin = await app.ClientAsync("admin@alaroma.local");

        var wrong = WebUtility.HtmlDecode(await (await SaveAsync(admin, "ООО «Аль Арома»", "7707083894", "773601001")).Content.ReadAsStringAsync());
        Assert.Contains("Контрольные цифры ИНН не сходятся", wrong);
        await using (var db = app.Db()) Assert.False(await db.CompanyDetails.AnyAsync());

        var saved = await SaveAsync(admin, "ООО «Аль Арома»", "7707083893", "773601001", (shopId, "Москва, ул. Тверская, 12, стр. 1"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var cashier = await app.PrincipalAsync("cashier@alaroma.local");
        var register = await app.TillAsync(cashier, "Касса 1");
        var p = (await app.ProductsAsync(14, 1))[0];
        await app.AddAsync(cashier, register, (p.Id, 1));
        var sale = await app.PayAsync(cashier, register, new PaymentInput(PaymentMode.Card, p.Price, null));
        var receipt = WebUtility.HtmlDecode(await (await app.ClientAsync("cashier@alaroma.local")).GetStringAsync($"/pos/sales/{sale.SaleId}"));
        Assert.Contains("Товарный чек №", receipt);
        Assert.DoesNotContain("Кассовый чек", receipt);
        Assert.Contains("ООО «Аль Арома»", receipt);
        Assert.Contains("ИНН 7707083893 · КПП 773601001", receipt);
        Assert.Contains("Москва, ул. Тверская, 12, стр. 1", receipt);

        var print = WebUtility.HtmlDecode(await admin.GetStringAsync($"/warehouse/receipts/{receiptId}/print"));
        Assert.Contains("ООО «Аль Арома»", print);
        Assert.Contains("ИНН 7707083893 · КПП 773601001", print);
    }

    [Theory]
    [InlineData("773601001", null)]
    [InlineData("7736AB001", null)]
    [InlineData("77360100", "9 знаков")]
    [InlineData("7736ab001", "латинские буквы")]
    [InlineData("77360100X", "латинские буквы")]
    public void Kpp_is_nine_characters_with_letters_only_in_the_reason_code(string kpp, string? error)
    {
        var e = Kpp.Error(kpp);
        if (error is null) Assert.Null(e);
        else Assert.Contains(error, e);
    }

    [Fact]
    public void A_sole_trader_has_no_kpp_and_an_organisation_needs_one()
    {
        Assert.Contains(nameof(CompanyForm.Kpp), new CompanyForm { Name = "ИП Иванов", Inn = "500100732259", Kpp = "773601001" }.Validate().Keys);
        Assert.Empty(new CompanyForm { Name = "ИП Иванов", Inn = "500100732259", Kpp = "" }.Validate());
        Assert.Contains(nameof(CompanyForm.Kpp), new CompanyForm { Name = "ООО", Inn = "7707083893", Kpp = "" }.Validate().Keys);
    }
}
