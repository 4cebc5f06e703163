using AlAroma.Web.Infrastructure.Excel;
using System.IO.Compression;
using AlAroma.Web.Infrastructure;
using ClosedXML.Excel;

namespace AlAroma.Tests.Reports;

/// <summary>OWASP CSV injection: a text cell starting with =, +, -, @, tab or CR must open as text, in CSV and in Excel exports.</summary>
public class SpreadsheetInjectionTests
{
    private static readonly string[] FormulaTexts = ["=2+2", "+7(999)123-45-67", "-5", "@SUM(A1:A9)", "\t=1", "\r=1", "=HYPERLINK(\"http://evil\";\"x\")"];

    public static TheoryData<string> Formulas => new(FormulaTexts);

    [Theory]
    [MemberData(nameof(Formulas))]
    public void Csv_cell_gets_a_leading_quote_and_reads_back_as_typed(string text)
    {
        Assert.True(SpreadsheetText.LooksLikeFormula(text));
        Assert.Equal("'" + text, SpreadsheetText.ForCsv(text));
        Assert.Equal(text, SpreadsheetText.FromCsv(SpreadsheetText.ForCsv(text)));
    }

    [Theory]
    [InlineData("Chanel N°5")]
    [InlineData("4601234000010")]
    [InlineData("'quoted")]
    [InlineData("")]
    public void Other_csv_cells_stay_as_they_are(string text)
    {
        Assert.False(SpreadsheetText.LooksLikeFormula(text));
        Assert.Equal(text, SpreadsheetText.ForCsv(text));
        Assert.Equal(text, SpreadsheetText.FromCsv(text));
    }

    private sealed record Row(string Name);

    [Fact]
    public void Excel_export_writes_formula_like_text_as_quoted_text_not_as_a_formula()
    {
        var rows = FormulaTexts.Select(f => new Row(f)).Append(new Row("Chanel")).ToList();
        byte[] bytes;
        using (var wb = ExcelSheetWriter.NewWorkbook("Тест"))
        {
            ExcelSheetWriter.Table(wb, "Лист", "Заголовок", null, [new ExcelColumn<Row>("Наименование", r => r.Name)], rows);
            bytes = ExcelSheetWriter.ToBytes(wb);
        }

        // The file itself: no <f> element anywhere, so no spreadsheet program evaluates a cell.
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        using (var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()))
            Assert.DoesNotMatch(@"<(\w+:)?f[\s>/]", reader.ReadToEnd());

        using var back = new XLWorkbook(new MemoryStream(bytes));
        var ws = back.Worksheet("Лист");
        for (var i = 0; i < rows.Count; i++)
        {
            var cell = ws.Cell(ExcelSheetWriter.HeaderRow + 1 + i, 1);
            Assert.False(cell.HasFormula, rows[i].Name);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal(rows[i].Name.Replace('\r', '\n'), cell.GetString()); // XML reads a lone CR back as LF
            // The quote prefix keeps it text when someone edits the cell in Excel and presses Enter.
            Assert.Equal(SpreadsheetText.LooksLikeFormula(rows[i].Name), cell.Style.IncludeQuotePrefix);
        }
    }
}
