using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Reports;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>
/// The blind count sheet as a workbook (for counting in a spreadsheet or printing from it) through
/// <see cref="ExcelSheetWriter"/>: the rows of <see cref="GetCountSheet"/> and an empty "Посчитано" column, no book quantities.
/// </summary>
public sealed class ExportCountSheet(GetCountSheet sheet)
{
    /// <summary>The .xlsx file and its name (dated by the stocktake's creation day); null when the sheet is not available.</summary>
    public async Task<(byte[] Content, string FileName)?> HandleAsync(long id, CancellationToken ct)
    {
        if (await sheet.HandleAsync(id, ct) is not { } m) return null;
        var h = m.Header;
        var title = $"Лист подсчёта — инвентаризация № {h.Number}, {h.Location}";
        using var wb = ExcelSheetWriter.NewWorkbook(title);
        ExcelSheetWriter.Table(wb, "Лист подсчёта", title, $"Что считаем: {h.ScopeText}. Впишите посчитанное количество в последний столбец.",
        [
            new ExcelColumn<GetCountSheet.Row>("Артикул", r => r.Sku, Width: 14),
            new ExcelColumn<GetCountSheet.Row>("Товар", r => r.Name, Width: 44),
            new ExcelColumn<GetCountSheet.Row>("Бренд", r => r.Brand, Width: 20),
            new ExcelColumn<GetCountSheet.Row>("Штрихкод", r => r.Barcode, Width: 16),
            new ExcelColumn<GetCountSheet.Row>("Посчитано, шт.", _ => null, ExcelFormat.Integer, 14),
        ], m.Rows, "Товаров в объёме инвентаризации нет");
        return (ExcelSheetWriter.ToBytes(wb), ExcelSheetWriter.FileName("list-podscheta-" + h.Number.Replace("ИН-", "IN-"), DateOnly.FromDateTime(h.CreatedAtUtc)));
    }
}
