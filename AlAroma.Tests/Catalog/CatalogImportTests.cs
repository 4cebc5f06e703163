using AlAroma.Web.Infrastructure.Import;
using System.Diagnostics;
using System.Text;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Infrastructure;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AlAroma.Tests.Catalog;

/// <summary>Runs the import steps through the handlers, as the controller and the CLI do.</summary>
internal static class ImportSteps
{
    public static string SupplierFile =>
        Path.Combine(WebRoot.RepoRoot() ?? throw new InvalidOperationException("Run the tests from the checkout."),
            "AlAroma.Tests", "TestData", "catalog", "supplier-perfumes-cp1252.csv");

    /// <summary>Upload, confirm the guessed mapping (optionally changed), run. Returns the import id and the result.</summary>
    public static async Task<(Guid Id, RunCatalogImport.Result Result)> ImportAsync(AppFixture app, string fileName, byte[] content,
        Action<MapCatalogImport.Input>? change = null)
    {
        var id = await MapAsync(app, fileName, content, change);
        using var s = app.Scope();
        return (id, await s.ServiceProvider.GetRequiredService<RunCatalogImport>().HandleAsync(id, default));
    }

    /// <summary>Upload and confirm the guessed mapping (optionally changed): the import waits to be run. Returns its id.</summary>
    public static async Task<Guid> MapAsync(AppFixture app, string fileName, byte[] content, Action<MapCatalogImport.Input>? change = null)
    {
        Guid id;
        using (var s = app.Scope()) id = await s.ServiceProvider.GetRequiredService<UploadCatalogImport>().HandleAsync(fileName, content, default);
        using (var s = app.Scope())
        {
            var map = s.ServiceProvider.GetRequiredService<MapCatalogImport>();
            var model = await map.GetAsync(id, null, null, default);
            var input = new MapCatalogImport.Input
            {
                Encoding = model.Mapping.Encoding, Delimiter = model.Mapping.Delimiter, DefaultPrice = "0",
                Columns = model.Mapping.Columns.ToDictionary(c => c.Key.ToString(), c => c.Value),
            };
            change?.Invoke(input);
            var invalid = await map.SaveAsync(id, input, default);
            Assert.Null(invalid);
        }
        return id;
    }
}

/// <summary>The demo chain plus the real supplier list imported once.</summary>
public sealed class SupplierImportFixture : AppFixture, IAsyncLifetime
{
    public RunCatalogImport.Result First { get; private set; } = null!;
    public TimeSpan Elapsed { get; private set; }
    public int DemoProducts { get; private set; }

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = Db()) DemoProducts = await db.Products.CountAsync();
        var sw = Stopwatch.StartNew();
        (_, First) = await ImportSteps.ImportAsync(this, "supplier-perfumes-cp1252.csv", await File.ReadAllBytesAsync(ImportSteps.SupplierFile));
        Elapsed = sw.Elapsed;
    }
}

public class SupplierFileImportTests(SupplierImportFixture app, ITestOutputHelper output) : IClassFixture<SupplierImportFixture>
{
    // Counted in the file: 2 191 records of 5 fields; 7 names occur twice but always with another brand, so no row repeats
    // (name, brand) and every row has a name.
    private const int Rows = 2191;

    [Fact]
    public async Task Detects_Windows_1252_and_comma()
    {
        // 642 lines are Windows-1252; 172 descriptions were pasted in as UTF-8 ("Aim\xC3\xA8 Guerlain"), so the file is
        // read line by line, the rest of it as Windows-1252.
        var bytes = await File.ReadAllBytesAsync(ImportSteps.SupplierFile);
        var import = UploadCatalogImport.Detect("x.csv", bytes);
        Assert.Equal(ImportFile.Mixed, import.DetectedEncoding);
        Assert.Equal("windows-1252", CsvEncodingCheck.SingleByteEncoding(bytes));
        Assert.Contains("Not since Aimè Guerlain created Jicky", ImportFile.Decode(bytes, ImportFile.Mixed));
        Assert.Equal("comma", import.DetectedDelimiter);
        var m = import.Mapping();
        Assert.Equal(new Dictionary<ImportField, int>
        {
            [ImportField.Name] = 0, [ImportField.Brand] = 1, [ImportField.Description] = 2, [ImportField.Notes] = 3, [ImportField.ImageUrl] = 4,
        }, m.Columns);
    }

    [Fact]
    public async Task Imports_every_row()
    {
        output.WriteLine($"Import of {Rows} rows took {app.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(Rows, app.First.TotalRows);
        Assert.Equal(Rows, app.First.Created);
        Assert.Equal(0, app.First.Updated);
        Assert.Equal(0, app.First.Rejected);
        await using var db = app.Db();
        Assert.Equal(app.DemoProducts + Rows, await db.Products.CountAsync());
    }

    [Fact]
    public async Task Keeps_the_characters_of_Windows_1252()
    {
        await using var db = app.Db();
        var narziss = await db.Products.SingleAsync(p => p.Name == "Narziß - (Narziss) eau de toilette");
        Assert.Equal("Dorissima", narziss.Brand);
        Assert.Equal(Concentration.EauDeToilette, narziss.Concentration);

        var vanille = await db.Products.SingleAsync(p => p.Name == "Vanille Bourbon Eau de Parfum" && p.Brand == "Il Profumo");
        Assert.Contains("(we mean it—we crawled over two tables", vanille.Description);   // em dash
        Assert.Contains("so we'll just say, “WOW!”", vanille.Description);                // curly double quotes
        Assert.Contains("an easy laugh…it's", vanille.Description);                        // ellipsis
        Assert.StartsWith("Vanilla lovers", vanille.Description);                          // trimmed

        var oeilleres = await db.Products.SingleAsync(p => p.Name == "Oeilleres Parfum Extrait");
        Assert.Contains("natural ingredients – sometimes in very high doses", oeilleres.Description); // en dash
        Assert.Contains("\nÅ’illÃ¨res - L'Objet parfumant", oeilleres.Description);                   // ’ (in text garbled upstream), CR → \n

        var tihota = await db.Products.SingleAsync(p => p.Name == "Tihota Eau de Parfum");
        Assert.Equal("Indult", tihota.Brand);
        Assert.Equal("Vanilla bean, musks", tihota.Notes);
        Assert.Equal("https://static.luckyscent.com/images/products/37401.jpg?width=400&404=product.png", tihota.ImageUrl);
        Assert.Equal(Concentration.EauDeParfum, tihota.Concentration);
        Assert.Equal(ProductNameParser.DefaultCategory, tihota.Category);

        // No replacement characters, no undefined Windows-1252 bytes left as control characters.
        var texts = await db.Products.Select(p => p.Name + p.Brand + p.Description + p.Notes).ToListAsync();
        Assert.DoesNotContain(texts, t => t.Contains('\uFFFD') || t.Any(c => char.IsControl(c) && c != '\n'));
    }

    [Fact]
    public async Task New_products_get_a_sku_an_in_store_barcode_and_no_price()
    {
        await using var db = app.Db();
        var imported = await db.Products.Include(p => p.Barcodes).Include(p => p.PriceChanges).Where(p => p.Category == ProductNameParser.DefaultCategory && p.Sku.StartsWith("AA-0")).ToListAsync();
        imported = imported.Where(p => p.Sku.Length == 9).ToList();
        Assert.Equal(Rows, imported.Count);
        Assert.Equal(Rows, imported.Select(p => p.Sku).Distinct().Count());
        Assert.All(imported, p =>
        {
            var code = Assert.Single(p.Barcodes).Code;
            Assert.True(code.StartsWith('2') && code.Length == 13 && Ean.IsValid(code), code);
            Assert.Equal(0m, p.RetailPrice);
        });
        Assert.Equal(Rows, imported.SelectMany(p => p.Barcodes).Select(b => b.Code).Distinct().Count());
        Assert.True(await db.AuditEntries.CountAsync(a => a.Entity == "Product" && a.Action == "Create") >= Rows);
    }

    [Fact]
    public async Task Importing_the_same_file_again_updates_instead_of_duplicating()
    {
        await using var db = app.Db();
        var before = await db.Products.CountAsync();
        var (_, again) = await ImportSteps.ImportAsync(app, "supplier-again.csv", await File.ReadAllBytesAsync(ImportSteps.SupplierFile));
        Assert.Equal(0, again.Created);
        Assert.Equal(0, again.Rejected);
        Assert.Equal(Rows, again.Updated + again.Unchanged);
        Assert.Equal(before, await db.Products.CountAsync());
    }
}

public class CatalogImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Windows_1251_csv_with_cyrillic_names_imports_right()
    {
        var csv = ImportFileTests.Cp1251(
            "Наименование;Бренд;Цена;Пол\r\n" +
            "Чёрная орхидея парфюмерная вода 50 мл;Tom Ford;12 990,00;унисекс\r\n" +
            "Светлая вода туалетная вода 100 мл;Dolce & Gabbana;8290;женский\r\n");
        Assert.Equal("windows-1251", UploadCatalogImport.Detect("ru.csv", csv).DetectedEncoding);
        var (_, r) = await ImportSteps.ImportAsync(app, "ru.csv", csv);
        Assert.Equal((2, 0), (r.Created, r.Rejected));
        await using var db = app.Db();
        var orchid = await db.Products.SingleAsync(p => p.Name == "Чёрная орхидея парфюмерная вода 50 мл");
        Assert.Equal((Concentration.EauDeParfum, 50, 12990m, Gender.Unisex), (orchid.Concentration!.Value, orchid.VolumeMl!.Value, orchid.RetailPrice, orchid.Gender!.Value));
        var water = await db.Products.SingleAsync(p => p.Brand == "Dolce & Gabbana" && p.Name.StartsWith("Светлая"));
        Assert.Equal((Concentration.EauDeToilette, 100, Gender.Female), (water.Concentration!.Value, water.VolumeMl!.Value, water.Gender!.Value));
    }

    [Fact]
    public async Task Xlsx_built_with_ClosedXML_imports_and_reimport_updates_the_price_with_history()
    {
        var ean = "460999000001" + Ean.CheckDigit("460999000001");
        var leadingZero = "073500000001" + Ean.CheckDigit("073500000001"); // a spreadsheet number drops the leading zero
        byte[] Book(decimal price)
        {
            using var wb = new XLWorkbook();
            var ws = wb.AddWorksheet("Каталог");
            string[] headers = ["Артикул", "Название", "Бренд", "Категория", "Объём", "Цена", "Штрихкод", "Активен"];
            for (var c = 0; c < headers.Length; c++) ws.Cell(1, c + 1).Value = headers[c];
            ws.Cell(2, 1).Value = "XL-1"; ws.Cell(2, 2).Value = "Libre Eau de Parfum"; ws.Cell(2, 3).Value = "Yves Saint Laurent";
            ws.Cell(2, 4).Value = "Нишевая парфюмерия"; ws.Cell(2, 5).Value = 90; ws.Cell(2, 6).Value = price;
            ws.Cell(2, 7).Value = long.Parse(ean); ws.Cell(2, 8).Value = "да";
            ws.Cell(3, 1).Value = "XL-2"; ws.Cell(3, 2).Value = "Eros EDT"; ws.Cell(3, 3).Value = "Versace";
            ws.Cell(3, 6).Value = 7990.5; ws.Cell(3, 7).Value = long.Parse(leadingZero); ws.Cell(3, 8).Value = "нет";
            ws.Cell(4, 1).Value = "XL-3"; ws.Cell(4, 2).Value = "Broken"; ws.Cell(4, 7).Value = "4006381333932";
            using var ms = new MemoryStream();
            wb.SaveAs(ms);
            return ms.ToArray();
        }

        var (id, r) = await ImportSteps.ImportAsync(app, "catalog.xlsx", Book(14490m));
        Assert.Equal((3, 2, 0, 1), (r.TotalRows, r.Created, r.Updated, r.Rejected));
        Assert.Equal(4, r.RejectedRows.Single().Row);
        await using (var db = app.Db())
        {
            var libre = await db.Products.Include(p => p.Barcodes).SingleAsync(p => p.Sku == "XL-1");
            Assert.Equal(("Libre Eau de Parfum", "Нишевая парфюмерия", 90, Concentration.EauDeParfum, 14490m, true),
                (libre.Name, libre.Category, libre.VolumeMl!.Value, libre.Concentration!.Value, libre.RetailPrice, libre.IsActive));
            Assert.Equal(ean, Assert.Single(libre.Barcodes).Code);
            var eros = await db.Products.Include(p => p.Barcodes).SingleAsync(p => p.Sku == "XL-2");
            Assert.Equal((7990.50m, false, leadingZero), (eros.RetailPrice, eros.IsActive, eros.Barcodes.Single().Code));
            Assert.Equal("xlsx", (await db.CatalogImports.SingleAsync(i => i.Id == id)).Format);
        }

        var (_, again) = await ImportSteps.ImportAsync(app, "catalog.xlsx", Book(15990m));
        Assert.Equal((0, 1, 1, 1), (again.Created, again.Updated, again.Unchanged, again.Rejected));
        await using (var db = app.Db())
        {
            var libre = await db.Products.Include(p => p.PriceChanges).SingleAsync(p => p.Sku == "XL-1");
            Assert.Equal(15990m, libre.RetailPrice);
            var last = libre.PriceChanges.OrderBy(c => c.Id).Last();
            Assert.Equal((14490m, 15990m, "system"), (last.OldPrice, last.NewPrice, last.ChangedBy));
        }
    }

    [Fact]
    public async Task Rejected_rows_file_has_the_original_columns_and_the_reasons()
    {
        var csv = Encoding.UTF8.GetBytes(
            "Name;Brand;Barcode\n" +
            "Alpha Eau de Parfum 50 ml;Rejects;\n" +
            ";Rejects;\n" +
            "Alpha Eau de Parfum 50 ml;Rejects;\n" +
            "Beta;Rejects;4006381333932\n" +
            "Gamma;Rejects;5901234123457\n" +
            "Delta;Rejects;5901234123457\n");
        var (id, r) = await ImportSteps.ImportAsync(app, "rejects.csv", csv);
        Assert.Equal((6, 2, 4), (r.TotalRows, r.Created, r.Rejected));
        using var s = app.Scope();
        var file = await s.ServiceProvider.GetRequiredService<GetCatalogImport>().RejectedFileAsync(id, default);
        Assert.NotNull(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], file.Value.Content[..3]);
        var text = Encoding.UTF8.GetString(file.Value.Content[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Строка;Name;Brand;Barcode;Причина", lines[0]);
        Assert.Equal("3;;Rejects;;Не указано название товара.", lines[1]);
        Assert.Equal("4;Alpha Eau de Parfum 50 ml;Rejects;;Повтор строки 2", lines[2]);
        Assert.StartsWith("5;Beta;Rejects;4006381333932;Штрихкод «4006381333932» с неверной контрольной цифрой", lines[3]);
        Assert.Equal("7;Delta;Rejects;5901234123457;Повтор строки 6", lines[4]); // the barcode is the row's identity
        Assert.Equal(5, lines.Length);
        var model = await s.ServiceProvider.GetRequiredService<GetCatalogImport>().HandleAsync(id, default);
        Assert.Equal(("4", "Повтор строки 2"), model.Rejected[1]);
    }

    [Fact]
    public async Task An_import_runs_once()
    {
        var (id, _) = await ImportSteps.ImportAsync(app, "once.csv", Encoding.UTF8.GetBytes("Name,Brand\nOnce Parfum,Once\n"));
        using var s = app.Scope();
        var e = await Assert.ThrowsAsync<BusinessRuleException>(() => s.ServiceProvider.GetRequiredService<RunCatalogImport>().HandleAsync(id, default));
        Assert.Contains("уже выполнен", e.Message);
    }

    [Fact]
    public async Task Cli_imports_and_fails_on_missing_or_unreadable_files()
    {
        var dir = Directory.CreateTempSubdirectory("alaroma-cli-");
        try
        {
            var good = Path.Combine(dir.FullName, "cli.csv");
            await File.WriteAllTextAsync(good, "Название;Бренд;Штрихкод\nCli One EDT 100 ml;CLI;\nCli Two;CLI;123\n", new UTF8Encoding(true));
            var bad = Path.Combine(dir.FullName, "bad.xlsx");
            await File.WriteAllBytesAsync(bad, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);

            var (code, output) = await RunCliAsync(good);
            Assert.Equal(0, code);
            Assert.Contains("Created: 1, updated: 0, unchanged: 0, rejected: 1", output);
            Assert.Contains("row 3: Штрихкод «123» должен содержать 13 цифр", output);

            (code, output) = await RunCliAsync(Path.Combine(dir.FullName, "missing.csv"));
            Assert.Equal(1, code);
            Assert.Contains("file not found", output);

            (code, output) = await RunCliAsync(bad);
            Assert.Equal(1, code);
            Assert.Contains("XLSX", output);
        }
        finally { dir.Delete(true); }
    }

    private async Task<(int Code, string Output)> RunCliAsync(string path)
    {
        using var s = app.Scope();
        var w = new StringWriter();
        // The file has no price column: the CLI imports it only when told that unpriced products are meant.
        var code = await ImportCatalogCommand.RunAsync(s.ServiceProvider, [path, ImportCatalogCommand.UnpricedFlag], w, w);
        return (code, w.ToString());
    }
}
