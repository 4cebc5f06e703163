using AlAroma.Web.Infrastructure.Import;
using System.Text;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Catalog;

/// <summary>The import steps against the database with files that used to slip through: mixed encodings, units in headers, formulas.</summary>
public class CatalogImportSafetyTests(AppFixture app) : IClassFixture<AppFixture>
{
    static CatalogImportSafetyTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private async Task<Guid> UploadAsync(string name, byte[] content)
    {
        using var s = app.Scope();
        return await s.ServiceProvider.GetRequiredService<UploadCatalogImport>().HandleAsync(name, content, default);
    }

    private async Task MapAsync(Guid id, string? encoding = null)
    {
        using var s = app.Scope();
        var map = s.ServiceProvider.GetRequiredService<MapCatalogImport>();
        var model = await map.GetAsync(id, null, null, default); // the columns as guessed on upload, whatever the encoding
        var input = new MapCatalogImport.Input
        {
            Encoding = encoding ?? model.Mapping.Encoding, Delimiter = model.Mapping.Delimiter, DefaultPrice = "0",
            Columns = model.Mapping.Columns.ToDictionary(c => c.Key.ToString(), c => c.Value),
        };
        Assert.Null(await map.SaveAsync(id, input, default));
    }

    private async Task<PreviewCatalogImport.Model> PreviewAsync(Guid id)
    {
        using var s = app.Scope();
        return await s.ServiceProvider.GetRequiredService<PreviewCatalogImport>().HandleAsync(id, default);
    }

    private async Task<RunCatalogImport.Result> RunAsync(Guid id)
    {
        using var s = app.Scope();
        return await s.ServiceProvider.GetRequiredService<RunCatalogImport>().HandleAsync(id, default);
    }

    [Fact]
    public async Task Mixed_encoding_file_shows_its_lines_decoded_and_is_refused_as_one_encoding_imported_line_by_line()
    {
        byte[] csv = [.. Encoding.UTF8.GetBytes("Наименование;Бренд\nСмешанный аромат ночи 50 мл;Смесь\n"),
            .. Encoding.GetEncoding(1251).GetBytes("Смешанная орхидея 100 мл;Смесь\n")];
        var id = await UploadAsync("mixed.csv", csv);

        // Detected as mixed: the mapping step says which line is not UTF-8 and shows it decoded.
        using (var s = app.Scope())
        {
            var model = await s.ServiceProvider.GetRequiredService<MapCatalogImport>().GetAsync(id, null, null, default);
            Assert.Equal(ImportFile.Mixed, model.DetectedEncoding);
            Assert.Equal(["Смешанный аромат ночи 50 мл", "Смешанная орхидея 100 мл"], model.Sample.Select(r => r[0]));
            Assert.False(model.Encoding!.Blocks);
            Assert.Equal((3, "Смешанная орхидея 100 мл;Смесь"), Assert.Single(model.Encoding.Lines));
        }

        // Chosen as Windows-1252 it would write "Ð¡Ð¼ÐµÑˆ…": the preview says so and the import refuses.
        await MapAsync(id, "windows-1252");
        var preview = await PreviewAsync(id);
        Assert.True(preview.Encoding!.Blocks);
        Assert.False(preview.CanRun);
        Assert.StartsWith("Файл не в одной кодировке: строка 3 — в Windows-1251", preview.Encoding.Message);
        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => RunAsync(id));
        Assert.Contains("не в одной кодировке", e.Message);
        await using (var db = app.Db()) Assert.Equal(0, await db.Products.CountAsync(p => p.Brand == "Смесь" || p.Name.Contains("Ð")));

        // Back to line by line: both names arrive intact.
        await MapAsync(id, ImportFile.Mixed);
        Assert.True((await PreviewAsync(id)).CanRun);
        Assert.Equal(2, (await RunAsync(id)).Created);
        await using (var db = app.Db())
            Assert.Equal(["Смешанная орхидея 100 мл", "Смешанный аромат ночи 50 мл"], await db.Products.Where(p => p.Brand == "Смесь").Select(p => p.Name).OrderBy(n => n).ToListAsync());
    }

    [Fact]
    public async Task Russian_price_list_with_units_in_headers_imports_prices_and_rejects_negative_ones()
    {
        var csv = Encoding.GetEncoding(1251).GetBytes(
            "Наименование товара;Бренд;Розничная цена, руб;Закупочная цена, руб.\r\n" +
            "Прайс Ночная роза 50 мл;Прайс;4 990,00;2 000\r\n" +
            "Прайс Утренний бриз 100 мл;Прайс;-1500;1 000\r\n");
        var id = await UploadAsync("прайс.csv", csv);
        await MapAsync(id);
        var preview = await PreviewAsync(id);
        Assert.Equal(2, preview.Mapping.Columns[ImportField.RetailPrice]);
        Assert.Empty(preview.Missing);
        Assert.Equal((1, 1), (preview.ToCreate, preview.ToReject));
        var r = await RunAsync(id);
        Assert.Equal((3, "Цена -1500 отрицательная."), Assert.Single(r.RejectedRows));
        await using var db = app.Db();
        Assert.Equal(4990m, (await db.Products.SingleAsync(p => p.Name == "Прайс Ночная роза 50 мл")).RetailPrice);
    }

    [Fact]
    public async Task Preview_says_plainly_when_new_products_would_get_no_price()
    {
        var id = await UploadAsync("noprice.csv", Encoding.UTF8.GetBytes("Название;Бренд\nБезцен Аромат 50 мл;Безцен\n"));
        await MapAsync(id);
        var preview = await PreviewAsync(id);
        Assert.StartsWith("Не выбрана колонка «Розничная цена»: новые товары будут созданы без цены", Assert.Single(preview.Missing));
    }

    [Fact]
    public async Task Rejected_rows_csv_writes_formula_like_cells_as_text_and_they_come_back_as_typed()
    {
        var csv = Encoding.UTF8.GetBytes(
            "Название;Бренд;Штрихкод\n" +
            "=2+2;Формулы;123\n" +
            "=HYPERLINK(\"http://evil\");@SUM(A1);+7\n" +
            "-5 мл;\tTab;\n");
        var id = await UploadAsync("formulas.csv", csv);
        await MapAsync(id);
        var r = await RunAsync(id);
        Assert.Equal(2, r.Rejected);
        using var s = app.Scope();
        var file = await s.ServiceProvider.GetRequiredService<GetCatalogImport>().RejectedFileAsync(id, default);
        var lines = Encoding.UTF8.GetString(file!.Value.Content[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("2;'=2+2;Формулы;123;", lines[1]);
        Assert.StartsWith("3;\"'=HYPERLINK(\"\"http://evil\"\")\";'@SUM(A1);'+7;", lines[2]);
        Assert.DoesNotContain(lines.SelectMany(l => l.Split(';')), cell => SpreadsheetText.LooksLikeFormula(cell.TrimStart('"')));

        // Fixed in Excel and uploaded again, the quote does not end up in the catalog.
        var again = await UploadAsync("formulas-fixed.csv", Encoding.UTF8.GetBytes("Название;Бренд\n'=2+2 EDT;'@Формулы\n"));
        await MapAsync(again);
        Assert.Equal(1, (await RunAsync(again)).Created);
        await using var db = app.Db();
        Assert.Equal("@Формулы", (await db.Products.SingleAsync(p => p.Name == "=2+2 EDT")).Brand);
    }

    [Fact]
    public async Task A_file_of_the_widest_size_accepted_shows_its_rejected_rows_on_the_result()
    {
        var extra = string.Join(";", Enumerable.Range(3, ImportFile.MaxColumns - 2).Select(i => "Доп" + i));
        var id = await UploadAsync("wide.csv", Encoding.UTF8.GetBytes($"Название;Штрихкод;{extra}\nШирокий EDT;123;{extra}\n"));
        await MapAsync(id);
        Assert.Equal(1, (await RunAsync(id)).Rejected);
        using var s = app.Scope();
        var model = await s.ServiceProvider.GetRequiredService<GetCatalogImport>().HandleAsync(id, default);
        Assert.Equal("2", Assert.Single(model.Rejected).Row);
    }

    [Fact]
    public async Task Later_steps_use_the_rows_the_upload_parsed_not_the_file()
    {
        var id = await UploadAsync("once.xlsx", Xlsx());
        // Were any step to parse the workbook again, this would fail as a broken XLSX.
        var broken = new byte[] { 0x50, 0x4B, 0x03, 0x04, 9, 9, 9 };
        await using (var db = app.Db()) await db.CatalogImports.Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.Content, broken));
        await MapAsync(id);
        Assert.Equal(1, (await PreviewAsync(id)).ToCreate);
        Assert.Equal(1, (await RunAsync(id)).Created);
        await using (var db = app.Db()) Assert.Equal(1990m, (await db.Products.SingleAsync(p => p.Name == "Однажды Eau de Parfum")).RetailPrice);
    }

    private static byte[] Xlsx()
    {
        using var wb = new ClosedXML.Excel.XLWorkbook();
        var ws = wb.AddWorksheet("Лист1");
        ws.Cell(1, 1).Value = "Название"; ws.Cell(1, 2).Value = "Цена, ₽";
        ws.Cell(2, 1).Value = "Однажды Eau de Parfum"; ws.Cell(2, 2).Value = 1990;
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    [Fact]
    public async Task Cli_refuses_a_file_without_prices_unless_told_and_imports_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("alaroma-cli-price-");
        try
        {
            var path = Path.Combine(dir.FullName, "noprice.csv");
            await File.WriteAllTextAsync(path, "Название;Бренд\nКли Безцен 50 мл;КлиБезцен\n", new UTF8Encoding(true));
            using (var s = app.Scope())
            {
                var w = new StringWriter();
                Assert.Equal(1, await ImportCatalogCommand.RunAsync(s.ServiceProvider, [path], w, w));
                Assert.Contains("error: Не выбрана колонка «Розничная цена»: новые товары будут созданы без цены", w.ToString());
                Assert.Contains("--unpriced", w.ToString());
            }
            await using (var db = app.Db()) Assert.Equal(0, await db.Products.CountAsync(p => p.Brand == "КлиБезцен"));
            using (var s = app.Scope())
            {
                var w = new StringWriter();
                Assert.Equal(0, await ImportCatalogCommand.RunAsync(s.ServiceProvider, [path, ImportCatalogCommand.UnpricedFlag], w, w));
                Assert.Contains("Created: 1", w.ToString());
            }
        }
        finally { dir.Delete(true); }
    }
}
