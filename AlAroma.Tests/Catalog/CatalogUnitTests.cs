using AlAroma.Web.Infrastructure.Import;
using System.Text;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Tests.Catalog;

public class EanTests
{
    [Theory]
    [InlineData("4006381333931")]
    [InlineData("5901234123457")]
    [InlineData("4601234567893")]
    [InlineData("96385074")]
    public void Known_codes_are_valid(string code) => Assert.True(Ean.IsValid(code));

    [Theory]
    [InlineData("4006381333932")]
    [InlineData("5901234123458")]
    [InlineData("96385075")]
    [InlineData("400638133393")]
    [InlineData("400638133393A")]
    [InlineData("")]
    [InlineData(null)]
    public void Wrong_codes_are_invalid(string? code) => Assert.False(Ean.IsValid(code));

    [Fact]
    public void In_store_codes_are_valid_EAN13_in_the_2xx_range()
    {
        Assert.Equal("2000000000015", Ean.InStore(1));
        for (var n = 0L; n < 2000; n += 7)
        {
            var code = Ean.InStore(n * 1_234_567);
            Assert.Equal(13, code.Length);
            Assert.StartsWith("2", code);
            Assert.True(Ean.IsValid(code), code);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => Ean.InStore(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ean.InStore(100_000_000_000));
    }

    [Fact]
    public void Normalise_restores_the_leading_zero_spreadsheets_drop_and_Problem_explains()
    {
        Assert.Equal("0012345678905", Ean.Normalise("012345678905"));
        Assert.Equal("4006381333931", Ean.Normalise(" 4006381-333931 "));
        Assert.Null(Ean.Problem("4006381333931"));
        Assert.Contains("контрольной цифрой", Ean.Problem("4006381333932"));
        Assert.Contains("13 цифр", Ean.Problem("40063813339"));
        Assert.Contains("только из цифр", Ean.Problem("40063813339AB"));
    }

    [Fact]
    public void The_last_in_store_number_is_still_issued() =>
        Assert.True(Ean.IsValid(Ean.InStore(99_999_999_999)));

    [Fact]
    public void A_payload_with_a_letter_has_no_check_digit() =>
        Assert.Throws<ArgumentException>(() => Ean.CheckDigit("40063813339A"));

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void An_empty_cell_normalises_to_an_empty_barcode(string? input) => Assert.Equal("", Ean.Normalise(input));

    [Fact]
    public void Twelve_characters_with_a_letter_get_no_leading_zero() =>
        Assert.Equal("40063813339A", Ean.Normalise("40063813339A"));
}

public class MoneyTests
{
    [Fact]
    public void Formats_rubles_with_narrow_no_break_space_and_comma() =>
        Assert.Equal("1\u202F990,00\u00A0₽", Money.Format(1990m));

    [Fact]
    public void Formats_millions_and_small_amounts()
    {
        Assert.Equal("1\u202F234\u202F567,89\u00A0₽", Money.Format(1234567.891m));
        Assert.Equal("0,50\u00A0₽", Money.Format(0.5m));
    }

    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("1.005", "1.01")]
    [InlineData("2.675", "2.68")]
    [InlineData("2.674", "2.67")]
    public void Rounds_half_away_from_zero(string value, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Money.Round(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
}

public class ProductNameParserTests
{
    [Theory]
    [InlineData("Tihota Eau de Parfum", Concentration.EauDeParfum)]
    [InlineData("Narziß - (Narziss) eau de toilette", Concentration.EauDeToilette)]
    [InlineData("Oud Maximus Autumn 19 Extrait de Parfum", Concentration.Parfum)]
    [InlineData("Oeilleres Parfum Extrait", Concentration.Parfum)]
    [InlineData("Sola Parfum", Concentration.Parfum)]
    [InlineData("Good Girl Perfume 3.4 oz", Concentration.Parfum)]
    [InlineData("Sauvage EDT 100ml", Concentration.EauDeToilette)]
    [InlineData("Libre edp 50 ml", Concentration.EauDeParfum)]
    [InlineData("Acqua di Parma Colonia EAU DE COLOGNE", Concentration.EauDeCologne)]
    [InlineData("4711 Original Cologne", Concentration.EauDeCologne)]
    [InlineData("Eros EDC", Concentration.EauDeCologne)]
    [InlineData("Bare Vanilla Body Mist 250 ml", Concentration.BodyMist)]
    [InlineData("Pure Seduction Body Spray", Concentration.BodyMist)]
    [InlineData("Black Orchid парфюмерная вода 50 мл", Concentration.EauDeParfum)]
    [InlineData("Light Blue ТУАЛЕТНАЯ ВОДА 100 мл", Concentration.EauDeToilette)]
    public void Reads_the_concentration(string name, Concentration expected) =>
        Assert.Equal(expected, ProductNameParser.ConcentrationOf(name));

    [Theory]
    [InlineData("2 Candle")]
    [InlineData("Parfums de Marly Layton")]
    [InlineData("")]
    public void No_concentration_when_the_name_names_none(string name) => Assert.Null(ProductNameParser.ConcentrationOf(name));

    [Theory]
    [InlineData("Sauvage EDT 100ml", 100)]
    [InlineData("Bare Vanilla Body Mist 250 ml", 250)]
    [InlineData("Black Orchid парфюмерная вода 50 мл", 50)]
    [InlineData("Travel 30 ML", 30)]
    [InlineData("Mini 7,5 ml", 8)]
    [InlineData("Good Girl 3.4 oz", 100)]
    [InlineData("Libre 1.7 fl oz", 50)]
    [InlineData("Sample 0.17oz", 5)]
    [InlineData("Tonka 1 oz", 30)]
    [InlineData("Body lotion 8.4 oz", 250)]
    public void Reads_the_volume_in_ml(string name, int ml) => Assert.Equal(ml, ProductNameParser.VolumeOf(name));

    [Theory]
    [InlineData("2 Candle")]
    [InlineData("Escentric 05 Eau de Toilette")]
    [InlineData("9mm Eau de Parfum")]
    public void No_volume_without_a_unit(string name) => Assert.Null(ProductNameParser.VolumeOf(name));

    [Fact]
    public void Volume_and_gender_cells()
    {
        Assert.Equal(100, ProductNameParser.VolumeCell("100"));
        Assert.Equal(100, ProductNameParser.VolumeCell("100 мл"));
        Assert.Null(ProductNameParser.VolumeCell("много"));
        Assert.Equal(Gender.Female, ProductNameParser.GenderOf("Женский"));
        Assert.Equal(Gender.Male, ProductNameParser.GenderOf("pour homme"));
        Assert.Equal(Gender.Unisex, ProductNameParser.GenderOf("унисекс"));
        Assert.Null(ProductNameParser.GenderOf("детский"));
    }
}

public class ImportFileTests
{
    static ImportFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Cp1251(string s) => Encoding.GetEncoding(1251).GetBytes(s);
    public static byte[] Cp1252(string s) => Encoding.GetEncoding(1252).GetBytes(s);

    [Fact]
    public void Detects_utf8_with_and_without_bom()
    {
        var text = "Название;Бренд\nЧёрная орхидея;Tom Ford\n";
        Assert.Equal("utf-8", ImportFile.DetectEncoding(Encoding.UTF8.GetBytes(text)));
        Assert.Equal("utf-8", ImportFile.DetectEncoding([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]));
    }

    [Fact]
    public void Tells_Windows_1251_from_Windows_1252()
    {
        Assert.Equal("windows-1251", ImportFile.DetectEncoding(Cp1251("Название;Бренд\nЧёрная орхидея парфюмерная вода;Tom Ford\n")));
        // Mostly Latin names with Cyrillic only in one column still read as Cyrillic.
        Assert.Equal("windows-1251", ImportFile.DetectEncoding(Cp1251("SKU;Name;Category\nA1;Sauvage;Парфюмерия\nA2;Libre;Уход\n")));
        Assert.Equal("windows-1252", ImportFile.DetectEncoding(Cp1252("Name,Brand\nNarziß - (Narziss) eau de toilette,Dorissima\n“Thérèse” – élan,Frédéric Malle\n")));
    }

    [Fact]
    public void Detects_the_delimiter_outside_quotes()
    {
        Assert.Equal("semicolon", ImportFile.DetectDelimiter("a;b;c\n1;2;3\n"));
        Assert.Equal("tab", ImportFile.DetectDelimiter("a\tb\tc\n1\t2\t3\n"));
        Assert.Equal("comma", ImportFile.DetectDelimiter("Name,Brand,Description\nX,Y,\"long; text; with; semicolons\"\nZ,W,\"a;b\"\n"));
        Assert.Equal("semicolon", ImportFile.DetectDelimiter("Name;Description\nX;\"one, two, three, four\"\n"));
    }

    [Fact]
    public void Reads_quoted_fields_with_line_breaks_and_quotes()
    {
        var csv = Cp1252("Name,Description\r\n\"Tihota, Eau de Parfum\",\"He said \"\"wow\"\",\r\nthen – left\"\r\n\r\nSecond,x\r\n");
        var t = ImportFile.Read(csv, "windows-1252", "comma");
        Assert.Equal(["Name", "Description"], t.Headers);
        Assert.Equal(2, t.Rows.Count);
        Assert.Equal("Tihota, Eau de Parfum", t.Rows[0].Cells[0]);
        Assert.Equal("He said \"wow\",\r\nthen – left", t.Rows[0].Cells[1]);
        Assert.Equal(2, t.Rows[0].Number);
    }

    [Fact]
    public void Refuses_what_is_not_a_table()
    {
        Assert.Throws<BusinessRuleException>(() => ImportFile.Read([], "utf-8", "comma"));
        Assert.Throws<BusinessRuleException>(() => ImportFile.Read([0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0], "utf-8", "comma"));
        Assert.Throws<BusinessRuleException>(() => ImportFile.Read([1, 2, 0, 4, 5], "utf-8", "comma"));
        Assert.Throws<BusinessRuleException>(() => ImportFile.Read("PK\u0003\u0004garbage"u8.ToArray(), "utf-8", "comma"));
    }
}

public class CatalogImportPlanTests
{
    private static ImportTable Table(string[] headers, params string[][] rows) =>
        new(headers, rows.Select((r, i) => new ImportRow(i + 2, r)).ToList());

    private static ImportMapping Guess(ImportTable t) => new() { Columns = ImportMapping.Guess(t.Headers) };

    [Fact]
    public void Guesses_columns_by_russian_and_english_titles()
    {
        var map = ImportMapping.Guess(["Артикул", "Наименование", "Бренд", "Цена, ₽", "Штрих-код", "Image URL", "Notes", "Что-то"]);
        Assert.Equal(0, map[ImportField.Sku]);
        Assert.Equal(1, map[ImportField.Name]);
        Assert.Equal(2, map[ImportField.Brand]);
        Assert.Equal(4, map[ImportField.Barcode]);
        Assert.Equal(5, map[ImportField.ImageUrl]);
        Assert.Equal(6, map[ImportField.Notes]);
        Assert.Equal(3, map[ImportField.RetailPrice]); // "Цена, ₽" normalises to "цена"
        Assert.Equal(7, map.Count);
    }

    [Fact]
    public void Rejects_duplicates_rows_without_name_and_bad_values_with_reasons()
    {
        var t = Table(["Name", "Brand", "Barcode", "Price"],
            ["Tihota Eau de Parfum", "Indult", "", ""],
            ["", "Indult", "", ""],
            ["Tihota Eau de Parfum", "Indult", "", ""],
            ["Tihota Eau de Parfum", "Other brand", "", ""],
            ["Sola Parfum", "Di Ser", "4006381333932", ""],
            ["Sola Parfum", "Di Ser", "", "дорого"]);
        var plan = CatalogImportPlan.Plan(t, Guess(t), []);
        Assert.Equal([RowAction.Create, RowAction.Reject, RowAction.Reject, RowAction.Create, RowAction.Reject, RowAction.Reject], plan.Select(p => p.Action));
        Assert.Equal("Не указано название товара.", plan[1].Reason);
        Assert.Equal("Повтор строки 2", plan[2].Reason);
        Assert.Contains("4006381333932", plan[4].Reason);
        Assert.Contains("дорого", plan[5].Reason);
        Assert.Equal(Concentration.EauDeParfum, plan[0].Product!.Concentration);
    }

    [Fact]
    public void Matches_a_brand_in_any_case_as_the_same_brand()
    {
        ExistingProduct[] existing = [new(2, "AA-0002", "Sauvage", "Dior", ["4006381333931"])];
        var rows = Table(["Name", "Brand"], ["Sauvage", "DIOR"], ["Sauvage", " dior "], ["Fahrenheit", "dior"]);
        var plan = CatalogImportPlan.Plan(rows, Guess(rows), existing);
        Assert.Equal([(RowAction.Update, (int?)2), (RowAction.Reject, null), (RowAction.Create, null)], plan.Select(p => (p.Action, p.ExistingId)));
        Assert.Equal("Повтор строки 2", plan[1].Reason);
        Assert.Equal(("Dior", "Dior"), (plan[0].Product!.Brand, plan[2].Product!.Brand));
    }

    [Fact]
    public void Matches_by_sku_then_barcode_then_name_and_brand()
    {
        var chanel = "460123400001" + Ean.CheckDigit("460123400001");
        ExistingProduct[] existing =
        [
            new(1, "AA-0001", "Chanel N°5", "Chanel", [chanel]),
            new(2, "AA-0002", "Sauvage", "Dior", ["4006381333931"]),
        ];
        var bySku = Table(["SKU", "Name"], ["AA-0001", "Chanel N°5 EDP"], ["AA-9999", "New one"]);
        Assert.Equal([(RowAction.Update, (int?)1), (RowAction.Create, null)],
            CatalogImportPlan.Plan(bySku, Guess(bySku), existing).Select(p => (p.Action, p.ExistingId)));

        var byBarcode = Table(["EAN", "Name"], ["4006381333931", "Dior Sauvage"], [chanel, "X"]);
        Assert.Equal([(RowAction.Update, (int?)2), (RowAction.Update, 1)],
            CatalogImportPlan.Plan(byBarcode, Guess(byBarcode), existing).Select(p => (p.Action, p.ExistingId)));

        // Another brand is another product; "dior" is no longer one (issue 10 item 11: brands match case-insensitively,
        // see Matches_a_brand_in_any_case_as_the_same_brand).
        var byName = Table(["Name", "Brand"], ["Sauvage", "Dior"], ["Sauvage", "Guerlain"]);
        Assert.Equal([(RowAction.Update, (int?)2), (RowAction.Create, null)],
            CatalogImportPlan.Plan(byName, Guess(byName), existing).Select(p => (p.Action, p.ExistingId)));

        var taken = Table(["SKU", "Name", "Barcode"], ["AA-7777", "Other", "4006381333931"]);
        var reason = CatalogImportPlan.Plan(taken, Guess(taken), existing).Single().Reason;
        Assert.Equal("Штрихкод 4006381333931 уже есть у товара «Sauvage» (артикул AA-0002).", reason);

        var shared = Table(["SKU", "Name", "Barcode"], ["S-1", "One", "5901234123457"], ["S-2", "Two", "5901234123457"]);
        Assert.Equal("Штрихкод 5901234123457 уже указан в строке 2.", CatalogImportPlan.Plan(shared, Guess(shared), existing)[1].Reason);
    }

    [Fact]
    public void Clean_drops_control_characters_and_normalises_line_breaks()
    {
        Assert.Equal("with the best.”", CatalogImportPlan.Clean(" with the best.”\u009D "));
        Assert.Equal("one\ntwo\nthree", CatalogImportPlan.Clean("one\r\ntwo\rthree", multiline: true));
        Assert.Equal("one two", CatalogImportPlan.Clean(" one\r\n  two ", multiline: false));
        Assert.Null(CatalogImportPlan.Clean(" \u0081 "));
    }
}
