using AlAroma.Web.Infrastructure.Excel;
using ClosedXML.Excel;

namespace AlAroma.Tests.Reports;

public class ExcelSheetWriterTests
{
    private sealed record Row(string Sku, string Name, int Qty, decimal Amount, DateTime At);

    private static readonly ExcelColumn<Row>[] Columns =
    [
        new("Артикул", r => r.Sku, Width: 12),
        new("Наименование", r => r.Name, Width: 40),
        new ExcelColumn<Row>("Кол-во", r => r.Qty, ExcelFormat.Integer, 10).Summed(),
        new ExcelColumn<Row>("Сумма", r => r.Amount, ExcelFormat.Money, 16).Summed(),
        new("Время", r => r.At, ExcelFormat.DateTime, 17),
    ];

    private static XLWorkbook RoundTrip(Action<XLWorkbook> build)
    {
        using var wb = ExcelSheetWriter.NewWorkbook("Тест");
        build(wb);
        return Workbooks.Reopen(wb);
    }

    [Fact]
    public void Table_has_frozen_bold_header_filter_formats_widths_and_totals()
    {
        var rows = new[]
        {
            new Row("000123", "Chanel No 5", 2, 1234.5m, new DateTime(2026, 11, 23, 10, 5, 0)),
            new Row("A-7", "Dior Sauvage", 3, 100m, new DateTime(2026, 11, 23, 23, 55, 0)),
        };
        using var wb = RoundTrip(w => ExcelSheetWriter.Table(w, "Лист", "Заголовок", "Подзаголовок", Columns, rows));
        var ws = wb.Worksheet("Лист");
        var h = ExcelSheetWriter.HeaderRow;

        Assert.Equal("Заголовок", ws.Cell(1, 1).GetString());
        Assert.Equal("Подзаголовок", ws.Cell(2, 1).GetString());
        Assert.Equal("Артикул", ws.Cell(h, 1).GetString());
        Assert.True(ws.Cell(h, 5).Style.Font.Bold);
        Assert.Equal(h, ws.SheetView.SplitRow);
        Assert.True(ws.AutoFilter.IsEnabled);
        Assert.Equal($"A{h}:E{h + 2}", ws.AutoFilter.Range.RangeAddress.ToStringRelative());

        // SKU stays text with its leading zeros; numbers and dates are real numbers with formats.
        Assert.Equal(XLDataType.Text, ws.Cell(h + 1, 1).DataType);
        Assert.Equal("000123", ws.Cell(h + 1, 1).GetString());
        Assert.Equal(1234.5m, ws.Cell(h + 1, 4).GetValue<decimal>());
        Assert.Equal(ExcelSheetWriter.MoneyFormat, ws.Cell(h + 1, 4).Style.NumberFormat.Format);
        Assert.Equal(ExcelSheetWriter.DateTimeFormat, ws.Cell(h + 2, 5).Style.NumberFormat.Format);
        Assert.Equal(new DateTime(2026, 11, 23, 23, 55, 0), ws.Cell(h + 2, 5).GetDateTime());

        var total = h + 3;
        Assert.Equal(ExcelSheetWriter.TotalLabel, ws.Cell(total, 1).GetString());
        Assert.True(ws.Cell(total, 4).Style.Font.Bold);
        Assert.Equal(5, ws.Cell(total, 3).GetValue<int>());
        Assert.Equal(1334.5m, ws.Cell(total, 4).GetValue<decimal>());
        Assert.Equal(ExcelSheetWriter.MoneyFormat, ws.Cell(total, 4).Style.NumberFormat.Format);
        Assert.True(ws.Cell(total, 5).IsEmpty());

        Assert.Equal(40, ws.Column(2).Width, 1);
        Assert.Equal(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);
        Assert.Equal(1, ws.PageSetup.PagesWide);
        Assert.Equal(0, ws.PageSetup.PagesTall);
        Assert.Equal(h, ws.PageSetup.FirstRowToRepeatAtTop);
        Assert.Equal(h, ws.PageSetup.LastRowToRepeatAtTop);
    }

    [Fact]
    public void Columns_widen_to_fit_long_values_and_wrap_beyond_the_limit()
    {
        var name50 = new string('x', 50);
        var name90 = new string('y', 90);
        var rows = new[] { new Row("1", name50, 1, 12345678.9m, DateTime.Today) };
        using var wb = RoundTrip(w =>
        {
            ExcelSheetWriter.Table(w, "Широкий", "Т", null, Columns, rows);
            ExcelSheetWriter.Table(w, "Перенос", "Т", null, Columns, [rows[0] with { Name = name90 }]);
        });
        var wide = wb.Worksheet("Широкий");
        Assert.Equal(52, wide.Column(2).Width, 1);
        Assert.True(wide.Column(4).Width >= "12 345 678,90 ₽".Length, "money column fits the total");
        Assert.False(wide.Cell(ExcelSheetWriter.HeaderRow + 1, 2).Style.Alignment.WrapText);
        var wrapped = wb.Worksheet("Перенос");
        Assert.Equal(ExcelSheetWriter.MaxWidth, wrapped.Column(2).Width, 1);
        Assert.True(wrapped.Cell(ExcelSheetWriter.HeaderRow + 1, 2).Style.Alignment.WrapText);
    }

    [Fact]
    public void Empty_table_says_so_and_totals_are_zero()
    {
        using var wb = RoundTrip(w => ExcelSheetWriter.Table(w, "Пусто", "Заголовок", null, Columns, [], "Нет продаж"));
        var ws = wb.Worksheet("Пусто");
        var h = ExcelSheetWriter.HeaderRow;
        Assert.Equal("Нет продаж", ws.Cell(h + 1, 1).GetString());
        Assert.Equal(ExcelSheetWriter.TotalLabel, ws.Cell(h + 2, 1).GetString());
        Assert.Equal(0m, ws.Cell(h + 2, 4).GetValue<decimal>());
        Assert.True(ws.AutoFilter.IsEnabled);
    }

    [Fact]
    public void Fields_sheet_types_its_values()
    {
        using var wb = RoundTrip(w => ExcelSheetWriter.Fields(w, "Сводка", "Итоги", "Сформирован",
            [new("Чеков", 4, ExcelFormat.Integer), new("Выручка", 11100m, ExcelFormat.Money), new("Магазины", "все магазины")]));
        var ws = wb.Worksheet("Сводка");
        var h = ExcelSheetWriter.HeaderRow;
        Assert.Equal("Чеков", ws.Cell(h, 1).GetString());
        Assert.Equal(4, ws.Cell(h, 2).GetValue<int>());
        Assert.Equal(11100m, ws.Cell(h + 1, 2).GetValue<decimal>());
        Assert.Equal(ExcelSheetWriter.MoneyFormat, ws.Cell(h + 1, 2).Style.NumberFormat.Format);
        Assert.Equal("все магазины", ws.Cell(h + 2, 2).GetString());
    }

    [Theory]
    [InlineData(null, "prodazhi-2026-11-23.xlsx")]
    [InlineData("S1", "prodazhi-S1-2026-11-23.xlsx")]
    [InlineData("Магазин 1", "prodazhi-1-2026-11-23.xlsx")]
    [InlineData("Склад", "prodazhi-2026-11-23.xlsx")]
    public void File_names_are_ascii(string? code, string expected) =>
        Assert.Equal(expected, ExcelSheetWriter.FileName("prodazhi", new DateOnly(2026, 11, 23), code));
}
