using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Time;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>
/// "Экспорт в Excel" of the «Инвентаризация» list (not one stocktake's sheet: that is <see cref="ExportStocktake"/>):
/// the stocktakes the filter finds, in the list's sort; times local to each location, the difference in ₽ at cost.
/// </summary>
public sealed class ExportStocktakes(ListStocktakes list, LocationScope scope, StaffNames staff, TimeProvider clock)
{
    /// <summary>One exported row: the list row with the author's full name.</summary>
    private sealed record Line(ListStocktakes.Row Row, string Author);

    /// <summary>The workbook and its file name "inventarizatsii-yyyy-MM-dd.xlsx" (Moscow date).</summary>
    public async Task<(byte[] Content, string FileName)> HandleAsync(ListStocktakes.Input f, CancellationToken ct)
    {
        var lines = new List<Line>();
        foreach (var row in await list.ExportAsync(f, ct)) lines.Add(new Line(row, await staff.NameAsync(row.CreatedBy)));
        var live = lines.Where(l => l.Row.Status != StocktakeStatus.Cancelled).ToList();
        var location = (await scope.AllowedAsync(ct)).FirstOrDefault(l => l.Id == f.LocationId)?.Name;
        return ListWorkbook.Build("Инвентаризация", "inventarizatsii", LocalTime.Today(clock.GetUtcNow(), LocalTime.DefaultZone),
            ListWorkbook.Subtitle(("С", f.From?.ToString("dd.MM.yyyy")), ("по", f.To?.ToString("dd.MM.yyyy")), ("Точка", location),
                ("Статус", f.Status is { } s ? Stocktake.StatusLabel(s) : null), ("Поиск", f.Q)),
        [
            new ExcelColumn<Line>("Номер", l => l.Row.Number, Width: 16),
            new ExcelColumn<Line>("Дата", l => LocalTime.ToLocal(l.Row.CreatedAtUtc, l.Row.TimeZoneId), ExcelFormat.DateTime, 16),
            new ExcelColumn<Line>("Точка", l => l.Row.Location, Width: 20),
            new ExcelColumn<Line>("Что считаем", l => Stocktake.ScopeLabel(l.Row.Scope, l.Row.ScopeValues), Width: 20),
            new ExcelColumn<Line>("Создал", l => l.Author, Width: 20),
            new ExcelColumn<Line>("Товаров", l => l.Row.Products, ExcelFormat.Integer, 9),
            new ExcelColumn<Line>("Посчитано, шт.", l => l.Row.Units, ExcelFormat.Integer, 10).WithTotal(_ => live.Sum(l => l.Row.Units)),
            new ExcelColumn<Line>("Расхождение", l => l.Row.PostedDifference, ExcelFormat.Money).WithTotal(_ => lines.Sum(l => l.Row.PostedDifference ?? 0)),
            new ExcelColumn<Line>("Статус", l => Stocktake.StatusLabel(l.Row.Status), Width: 12),
        ], lines, "Инвентаризаций по этим условиям нет");
    }
}
