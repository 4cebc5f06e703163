using AlAroma.Web.Infrastructure.Import;
using System.IO.Compression;
using System.Text;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Infrastructure;
using ClosedXML.Excel;

namespace AlAroma.Tests.Catalog;

/// <summary>Files that must be refused or read right before anything is stored: bombs, huge widths, mixed encodings, units in headers.</summary>
public class ImportBadInputTests
{
    static ImportBadInputTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Workbook =
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
        "<sheets><sheet name=\"Лист1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

    private const string WorkbookRels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";

    // A workbook whose sheet XML is written by the callback, straight into the ZIP (nothing of it is held in memory).
    private static byte[] RawXlsx(Action<StreamWriter> sheet)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Put(string path, string text)
            {
                using var w = new StreamWriter(zip.CreateEntry(path).Open());
                w.Write(text);
            }
            Put("xl/workbook.xml", Workbook);
            Put("xl/_rels/workbook.xml.rels", WorkbookRels);
            using var s = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
            s.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            sheet(s);
            s.Write("</worksheet>");
        }
        return ms.ToArray();
    }

    [Fact]
    public void Xlsx_bomb_is_refused_by_its_uncompressed_size_before_reading()
    {
        // ~1/1000 of the size on disk: a sheet of one cell padded with 130 MB of spaces between the rows.
        var bomb = RawXlsx(s =>
        {
            s.Write("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Название</t></is></c></row>");
            var pad = new string(' ', 1024 * 1024);
            for (var i = 0; i < 130; i++) s.Write(pad);
            s.Write("</sheetData>");
        });
        Assert.True(bomb.Length < 1024 * 1024, $"{bomb.Length} bytes");
        var e = Assert.Throws<BusinessRuleException>(() => UploadCatalogImport.Detect("bomb.xlsx", bomb));
        Assert.StartsWith("Файл слишком большой в распакованном виде: 131 МБ при пределе 120 МБ; разбейте на части", e.Message);
    }

    [Fact]
    public void Xlsx_whose_dimension_is_too_wide_or_too_long_is_refused_before_its_rows()
    {
        var wide = RawXlsx(s => s.Write("<dimension ref=\"A1:ZZ3\"/><sheetData/>"));
        Assert.StartsWith("В файле 702 столбцов, а импорт принимает не больше 100.", Assert.Throws<BusinessRuleException>(() => ImportFile.Read(wide, "utf-8", "semicolon")).Message);
        var tall = RawXlsx(s => s.Write("<dimension ref=\"A1:C1048576\"/><sheetData/>"));
        Assert.StartsWith("В файле больше 200 000 строк. Разбейте файл на части",
            Assert.Throws<BusinessRuleException>(() => ImportFile.Read(tall, "utf-8", "semicolon")).Message);
        // A sheet without a dimension is counted while it is streamed.
        var cells = RawXlsx(s => s.Write("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"DA1\"><v>2</v></c></row></sheetData>"));
        Assert.StartsWith("В файле 105 столбцов", Assert.Throws<BusinessRuleException>(() => ImportFile.Read(cells, "utf-8", "semicolon")).Message);
    }

    [Fact]
    public void Streamed_xlsx_reads_shared_strings_rich_text_numbers_dates_and_booleans_like_excel_shows_them()
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Каталог");
        ws.Cell(1, 1).Value = "Название"; ws.Cell(1, 2).Value = "Штрихкод"; ws.Cell(1, 3).Value = "Цена"; ws.Cell(1, 4).Value = "Поступил"; ws.Cell(1, 5).Value = "Активен";
        ws.Cell(2, 1).RichText.AddText("Libre ").SetBold(); ws.Cell(2, 1).RichText.AddText("Eau de Parfum");
        ws.Cell(2, 2).Value = 4601234000010L; ws.Cell(2, 3).Value = 7990.5; ws.Cell(2, 4).Value = new DateTime(2026, 11, 23); ws.Cell(2, 5).Value = true;
        ws.Cell(4, 1).Value = "Eros"; ws.Cell(4, 6).FormulaA1 = "=1+1"; // row 3 empty; a formula ClosedXML saves without a cached result
        using var ms = new MemoryStream();
        wb.SaveAs(ms);

        var t = ImportFile.Read(ms.ToArray(), "utf-8", "semicolon");
        Assert.Equal(["Название", "Штрихкод", "Цена", "Поступил", "Активен"], t.Headers); // a formula's text is not a value
        Assert.Equal(2, t.Rows.Count);
        Assert.Equal(2, t.Rows[0].Number);
        Assert.Equal(["Libre Eau de Parfum", "4601234000010", "7990.5", "23.11.2026", "да"], t.Rows[0].Cells);
        Assert.Equal(4, t.Rows[1].Number);
        Assert.Equal("Eros", t.Rows[1].Cells[0]);
    }

    [Fact]
    public void Csv_with_200_000_columns_is_refused_with_a_clear_message()
    {
        var header = string.Join(";", Enumerable.Range(1, 200_000).Select(i => "c" + i));
        var csv = Encoding.UTF8.GetBytes(header + "\n" + header + "\n");
        var e = Assert.Throws<BusinessRuleException>(() => UploadCatalogImport.Detect("wide.csv", csv));
        Assert.Equal("В файле 200 000 столбцов, а импорт принимает не больше 100. Оставьте в файле только нужные столбцы (название, цена, штрихкод…) и загрузите снова.", e.Message);

        var ok = Encoding.UTF8.GetBytes(string.Join(";", Enumerable.Range(1, ImportFile.MaxColumns).Select(i => "c" + i)) + "\nx\n");
        Assert.Equal(ImportFile.MaxColumns, ImportFile.Read(ok, "utf-8", "semicolon").Headers.Count);
    }

    [Fact]
    public void Upload_keeps_the_parsed_rows_so_later_steps_do_not_read_the_file_again()
    {
        var import = UploadCatalogImport.Detect("a.csv", Encoding.UTF8.GetBytes("Название;Цена\nAlpha;100\nBeta;200\n"));
        Assert.NotNull(import.ParsedTable);
        import.Content = [0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3]; // were the file read again, this would fail as an old XLS
        var t = import.ReadTable(import.Mapping());
        Assert.Equal(["Alpha", "Beta"], t.Rows.Select(r => r.Cells[0]));
        Assert.Equal([2, 3], t.Rows.Select(r => r.Number));
    }

    private static readonly string Utf8Part = "Название;Бренд;Цена\nАромат ночи парфюмерная вода 50 мл;Al Aroma;4990\n";
    private static readonly string Cp1251Part = "Чёрная орхидея туалетная вода 100 мл;Tom Ford;12990\nСветлая вода 50 мл;D&G;8290\n";

    private static byte[] MixedFile() => [.. Encoding.UTF8.GetBytes(Utf8Part), .. Encoding.GetEncoding(1251).GetBytes(Cp1251Part)];

    [Fact]
    public void Csv_mixing_utf8_and_windows_1251_lines_is_detected_and_each_line_decoded_in_its_own()
    {
        var bytes = MixedFile();
        Assert.Equal(ImportFile.Mixed, ImportFile.DetectEncoding(bytes));
        var t = ImportFile.Read(bytes, ImportFile.Mixed, "semicolon");
        Assert.Equal(["Аромат ночи парфюмерная вода 50 мл", "Чёрная орхидея туалетная вода 100 мл", "Светлая вода 50 мл"], t.Rows.Select(r => r.Cells[0]));

        var ok = CsvEncodingCheck.Check(bytes, ImportFile.Mixed)!;
        Assert.False(ok.Blocks);
        Assert.Contains("строки 3, 4 — в Windows-1251", ok.Message);

        var garbled = CsvEncodingCheck.Check(bytes, "windows-1252")!;
        Assert.True(garbled.Blocks);
        Assert.StartsWith("Файл не в одной кодировке: строки 3, 4 — в Windows-1251 (кириллица), остальные — в UTF-8.", garbled.Message);
        Assert.Equal([(3, "Чёрная орхидея туалетная вода 100 мл;Tom Ford;12990"), (4, "Светлая вода 50 мл;D&G;8290")], garbled.Lines);
        Assert.True(CsvEncodingCheck.Check(bytes, "utf-8")!.Blocks);
    }

    [Fact]
    public void Utf8_file_read_as_windows_1252_and_windows_1251_file_read_as_utf8_are_blocked()
    {
        var utf8 = Encoding.UTF8.GetBytes(Utf8Part);
        var asWestern = CsvEncodingCheck.Check(utf8, "windows-1252")!;
        Assert.True(asWestern.Blocks);
        Assert.StartsWith("Файл в кодировке UTF-8, а выбрана Windows-1252", asWestern.Message);
        Assert.Null(CsvEncodingCheck.Check(utf8, "utf-8"));

        var cp1251 = Encoding.GetEncoding(1251).GetBytes(Cp1251Part);
        var asUtf8 = CsvEncodingCheck.Check(cp1251, "utf-8")!;
        Assert.True(asUtf8.Blocks);
        Assert.Contains("не читаются как UTF-8", asUtf8.Message);
        Assert.Equal("Чёрная орхидея туалетная вода 100 мл;Tom Ford;12990", asUtf8.Lines[0].Text);
        Assert.Null(CsvEncodingCheck.Check(cp1251, "windows-1251"));
        Assert.False(CsvEncodingCheck.Check(cp1251, "windows-1252")!.Blocks); // 1251 vs 1252 is a guess: a warning only
    }

    [Theory]
    [InlineData("Цена, руб.")]
    [InlineData("Цена (₽)")]
    [InlineData("Розничная цена, руб")]
    [InlineData("цена розничная")]
    [InlineData("ЦЕНА РОЗНИЧНАЯ, Р.")]
    [InlineData("Retail price, RUB")]
    [InlineData("Цена с НДС, ₽")]
    public void Price_headers_are_recognised_whatever_their_units_punctuation_and_word_order(string header)
    {
        var map = ImportMapping.Guess(["Наименование товара", header, "Закупочная цена, руб."]);
        Assert.Equal(0, map[ImportField.Name]);
        Assert.Equal(1, map[ImportField.RetailPrice]);
        Assert.Equal(2, map.Count); // the purchase price is not the retail price
    }

    [Fact]
    public void Other_headers_with_units_and_old_compact_spellings_still_map()
    {
        var map = ImportMapping.Guess(["Артикул", "Объём, мл", "Штрих-код (EAN-13)", "ProductName", "мл"]);
        Assert.Equal(0, map[ImportField.Sku]);
        Assert.Equal(1, map[ImportField.VolumeMl]);
        Assert.Equal(3, map[ImportField.Name]);
        Assert.Equal(2, map[ImportField.Barcode]); // the clarification in brackets does not hide the name
        Assert.Equal("объем", ImportMapping.HeaderKey("Объём, мл"));
        Assert.Equal("мл", ImportMapping.HeaderKey("(мл)"));
    }

    [Fact]
    public void Missing_price_column_is_said_plainly()
    {
        var m = new ImportMapping { Columns = { [ImportField.Name] = 0 } };
        Assert.Equal("Не выбрана колонка «Розничная цена»: новые товары будут созданы без цены, и касса не продаст их, пока цену не укажут вручную. Если в файле есть цены — выберите их столбец.",
            Assert.Single(CatalogImportPlan.MissingForNewProducts(m)));
        m.Columns[ImportField.RetailPrice] = 1;
        Assert.Empty(CatalogImportPlan.MissingForNewProducts(m));
    }
}
