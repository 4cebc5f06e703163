using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Account;

namespace AlAroma.Web.Features.Warehouse.Stocks;

/// <summary>"Экспорт в Excel" of "Движение товаров" with the page's filters, through <see cref="ExcelSheetWriter"/>.</summary>
public sealed class ExportStockMovements(ListStockMovements list, LocationScope scope, TimeProvider clock)
{
    /// <summary>Most rows in one file (the newest ones); the subtitle says when the filter matched more.</summary>
    public const int MaxRows = 100_000;

    /// <summary>The .xlsx file and its name.</summary>
    public async Task<(byte[] Content, string FileName)> HandleAsync(ListStockMovements.Input input, CancellationToken ct)
    {
        var rows = await list.AllAsync(input, MaxRows + 1, ct);
        var cut = rows.Count > MaxRows;
        if (cut) rows.RemoveAt(MaxRows);
        var allowed = await scope.AllowedAsync(ct);
        var location = allowed.FirstOrDefault(l => l.Id == input.LocationId);
        var day = LocalTime.Today(clock.GetUtcNow(), (location ?? await scope.CurrentAsync(ct))?.TimeZoneId);
        var title = $"Движение товаров: {location?.Name ?? "все мои точки"}";
        var period = (input.From, input.To) switch
        {
            (null, null) => "за всё время",
            ({ } f, null) => $"с {f:dd.MM.yyyy}",
            (null, { } t) => $"по {t:dd.MM.yyyy}",
            ({ } f, { } t) => $"с {f:dd.MM.yyyy} по {t:dd.MM.yyyy}",
        };
        var subtitle = $"{period}{(input.Kind is { } k ? ", " + StockMovement.KindLabel(k) : "")}{(string.IsNullOrWhiteSpace(input.Q) ? "" : $", товар: «{input.Q.Trim()}»")}"
                       + (cut ? $"; показаны последние {MaxRows:N0} движений — сузьте период, чтобы выгрузить остальные" : "");
        using var wb = ExcelSheetWriter.NewWorkbook(title);
        ExcelSheetWriter.Table(wb, "Движение", title, subtitle,
        [
            new ExcelColumn<ListStockMovements.Row>("Дата", x => LocalTime.ToLocal(x.OccurredAtUtc, x.TimeZoneId), ExcelFormat.DateTime, 16),
            new ExcelColumn<ListStockMovements.Row>("Точка", x => x.Location, Width: 22),
            new ExcelColumn<ListStockMovements.Row>("Документ", x => x.DocumentNumber, Width: 18),
            new ExcelColumn<ListStockMovements.Row>("Операция", x => StockMovement.KindLabel(x.Kind), Width: 20),
            new ExcelColumn<ListStockMovements.Row>("Артикул", x => x.Sku, Width: 14),
            new ExcelColumn<ListStockMovements.Row>("Товар", x => x.Product, Width: 40),
            new ExcelColumn<ListStockMovements.Row>("Кол-во, шт.", x => x.Quantity, ExcelFormat.Integer, 11).Summed(),
            new ExcelColumn<ListStockMovements.Row>("Остаток после, шт.", x => x.BalanceAfter, ExcelFormat.Integer, 14),
            new ExcelColumn<ListStockMovements.Row>("Пользователь", x => x.UserName, Width: 24),
        ], rows, "Движений по фильтру нет");
        return (ExcelSheetWriter.ToBytes(wb), ExcelSheetWriter.FileName("dvizhenie", day, location?.Code));
    }
}
