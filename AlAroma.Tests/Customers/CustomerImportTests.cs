using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Customers.Import;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Customers;

/// <summary>«Импорт клиентов» from CSV and XLSX, on a real PostgreSQL.</summary>
public sealed class CustomerImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Manager = "manager@alaroma.local";

    static CustomerImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task A_windows1251_csv_updates_known_phones_creates_new_ones_once_and_rejects_bad_rows_with_the_reason()
    {
        var known = await app.CustomerAsync(c => { c.Name = "Старое Имя"; c.Birthday = new DateOnly(1980, 1, 1); });
        var fresh = CustomerCrm.NewPhone();
        var csv = string.Join("\r\n",
            "Телефон;ФИО;Дата рождения;Согласие на SMS;Метки",
            $"8 {known.Phone[2..5]} {known.Phone[5..8]}-{known.Phone[8..10]}-{known.Phone[10..]};Новое Имя;02.02.1982;да;импорт",
            $"{fresh};Фёдор Импортов;15.07.1995;нет;импорт, опт",
            $"+7 ({fresh[2..5]}) {fresh[5..]};Фёдор Импортов;;да;",
            "123;Кривой Телефон;01.01.1990;да;",
            $"{CustomerCrm.NewPhone()};Кривая Дата;31.02.1990;да;",
            $"{CustomerCrm.NewPhone()};Кривое Согласие;;может быть;");
        using var client = await app.ClientAsync(Manager);
        var token = await AppFixture.FormTokenAsync(client, "/customers/import");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.GetEncoding(1251).GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "klienty.csv");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var uploaded = await client.PostAsync("/customers/import", form);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var page = uploaded.Headers.Location!.ToString();
        var id = long.Parse(page.Split('/')[^1]);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(page));
        Assert.Contains("Фёдор Импортов", html); // read as Windows-1251, not mojibake
        Assert.Matches("<option value=\"windows-1251\" selected", html);
        var model = await app.AsAsync(Manager, sp => sp.GetRequiredService<GetCustomerImport>().HandleAsync(id, null, default));
        Assert.Equal(new Dictionary<CustomerImportField, int>
        {
            [CustomerImportField.Phone] = 0, [CustomerImportField.Name] = 1, [CustomerImportField.Birthday] = 2,
            [CustomerImportField.ConsentSms] = 3, [CustomerImportField.Tags] = 4,
        }, model!.Mapping.Columns);

        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = await AppFixture.FormTokenAsync(client, page), ["encoding"] = "windows-1251", ["delimiter"] = "semicolon" };
        foreach (var (f, col) in model.Mapping.Columns) fields[f.ToString()] = col.ToString();
        var run = await client.PostAsync(page, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);

        await using (var db = app.Db())
        {
            var import = await db.CustomerImports.SingleAsync(x => x.Id == id);
            Assert.Equal((1, 1, 3), (import.Created, import.Updated, import.Rejected));
            var k = await db.Customers.SingleAsync(c => c.Id == known.Id);
            Assert.Equal("Новое Имя", k.Name);
            Assert.Equal(new DateOnly(1980, 1, 1), k.Birthday); // set once: the file does not change a birthday on file
            Assert.Equal((true, (ConsentSource?)ConsentSource.Import), (k.MarketingSms, k.SmsConsentSource));
            Assert.Equal(["импорт"], k.Tags);
            var f = await db.Customers.SingleAsync(c => c.Phone == fresh); // one card for the two rows of one phone
            Assert.Equal("Фёдор Импортов", f.Name);
            Assert.Equal(new DateOnly(1995, 7, 15), f.Birthday);
            Assert.True(f.MarketingSms); // the later row said «да»
            Assert.Equal(["импорт", "опт"], f.Tags);
            Assert.False(await db.Customers.AnyAsync(c => c.Name == "Кривая Дата" || c.Name == "Кривое Согласие"));
        }

        var rejected = await client.GetAsync($"/customers/import/{id}/rejected");
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var text = Encoding.UTF8.GetString(await rejected.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFСтрока;Телефон;ФИО", text);
        Assert.Contains("5;123;Кривой Телефон", text);
        Assert.Contains("Телефон:", text);
        Assert.Contains("31.02.1990» не читается", text);
        Assert.Contains("Согласие на SMS: «может быть»", text);
        var again = WebUtility.HtmlDecode(await (await client.PostAsync(page, new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync());
        Assert.Contains("уже импортирован", again);
    }

    [Fact]
    public async Task An_xlsx_file_imports_the_same_way_and_without_a_phone_column_nothing_is_written()
    {
        var phone = CustomerCrm.NewPhone();
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Клиенты");
        ws.Cell(1, 1).Value = "Имя"; ws.Cell(1, 2).Value = "Мобильный"; ws.Cell(1, 3).Value = "E-mail"; ws.Cell(1, 4).Value = "Telegram";
        ws.Cell(2, 1).Value = "Ксения Эксель"; ws.Cell(2, 2).Value = phone; ws.Cell(2, 3).Value = "ksenia@mail.ru"; ws.Cell(2, 4).Value = "1";
        ws.Cell(3, 1).Value = "Плохая Почта"; ws.Cell(3, 2).Value = CustomerCrm.NewPhone(); ws.Cell(3, 3).Value = "не-почта";
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        var id = await app.AsAsync(Manager, sp => sp.GetRequiredService<UploadCustomerImport>().HandleAsync("k.xlsx", ms.ToArray(), default));
        var model = await app.AsAsync(Manager, sp => sp.GetRequiredService<GetCustomerImport>().HandleAsync(id, null, default));
        Assert.Equal("xlsx", model!.Import.Format);
        var mapping = model.Mapping;
        Assert.Equal(1, mapping.Columns[CustomerImportField.Phone]);
        Assert.Equal(3, mapping.Columns[CustomerImportField.ConsentTelegram]);

        var noPhone = new CustomerImportMapping { Columns = { [CustomerImportField.Name] = 0 } };
        var e = await Assert.ThrowsAsync<AlAroma.Web.Infrastructure.BusinessRuleException>(() =>
            app.AsAsync(Manager, sp => sp.GetRequiredService<RunCustomerImport>().HandleAsync(id, noPhone, default)));
        Assert.Contains("столбец с телефоном", e.Message);

        var r = await app.AsAsync(Manager, sp => sp.GetRequiredService<RunCustomerImport>().HandleAsync(id, mapping, default));
        Assert.Equal((1, 0, 1), (r.Created, r.Updated, r.Rejected));
        await using var db = app.Db();
        var c = await db.Customers.SingleAsync(x => x.Phone == phone);
        Assert.Equal(("Ксения Эксель", "ksenia@mail.ru", true, (ConsentSource?)ConsentSource.Import), (c.Name, c.Email, c.MarketingTelegram, c.TelegramConsentSource));
        var file = Encoding.UTF8.GetString((await db.CustomerImports.SingleAsync(x => x.Id == id)).RejectedFile!);
        Assert.Contains("не похожа на адрес", file);
    }

    [Fact]
    public async Task A_shop_column_sets_the_home_shop_by_code_or_name_and_an_unknown_shop_rejects_the_row()
    {
        var (byCode, byName, unknown) = (CustomerCrm.NewPhone(), CustomerCrm.NewPhone(), CustomerCrm.NewPhone());
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Клиенты");
        ws.Cell(1, 1).Value = "Телефон"; ws.Cell(1, 2).Value = "Домашний магазин";
        ws.Cell(2, 1).Value = byCode; ws.Cell(2, 2).Value = "s2";
        ws.Cell(3, 1).Value = byName; ws.Cell(3, 2).Value = " магазин на тверской ";
        ws.Cell(4, 1).Value = unknown; ws.Cell(4, 2).Value = "Магазин в Казани";
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        var id = await app.AsAsync(Manager, sp => sp.GetRequiredService<UploadCustomerImport>().HandleAsync("shops.xlsx", ms.ToArray(), default));
        var model = await app.AsAsync(Manager, sp => sp.GetRequiredService<GetCustomerImport>().HandleAsync(id, null, default));
        Assert.Equal(1, model!.Mapping.Columns[CustomerImportField.HomeShop]);

        var r = await app.AsAsync(Manager, sp => sp.GetRequiredService<RunCustomerImport>().HandleAsync(id, model.Mapping, default));
        Assert.Equal((2, 0, 1), (r.Created, r.Updated, r.Rejected));
        await using var db = app.Db();
        var shops = await db.Locations.Where(l => l.Code == "S1" || l.Code == "S2").ToDictionaryAsync(l => l.Code, l => l.Id);
        Assert.Equal(shops["S2"], (await db.Customers.SingleAsync(c => c.Phone == byCode)).HomeLocationId);
        Assert.Equal(shops["S1"], (await db.Customers.SingleAsync(c => c.Phone == byName)).HomeLocationId);
        Assert.False(await db.Customers.AnyAsync(c => c.Phone == unknown));
        var file = Encoding.UTF8.GetString((await db.CustomerImports.SingleAsync(x => x.Id == id)).RejectedFile!);
        Assert.Contains("Магазин «Магазин в Казани» не найден", file);
    }
}
