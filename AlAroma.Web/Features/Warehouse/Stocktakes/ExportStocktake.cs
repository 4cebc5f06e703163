using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Infrastructure.Excel;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>
/// "Экспорт в Excel" of the review: one sheet through <see cref="ExcelSheetWriter"/> with book, counted,
/// differences in units and ₽ at average cost, totals. Only once counting is closed (the review is not blind).
/// </summary>
public sealed class ExportStocktake(GetStocktakeReview review)
{
    /// <summary>The .xlsx file and its name; null when the review is not available.</summary>
    public async Task<(byte[] Content, string FileName)?> HandleAsync(long id, CancellationToken ct)
    {
        if (await review.HandleAsync(id, ct) is not { } m) return null;
        var h = m.Header;
        ExcelColumn<GetStocktakeReview.Row>[] columns =
        [
            new("Артикул", r => r.Sku, Width: 14),
            new("Товар", r => r.Name, Width: 36),
            new("Бренд", r => r.Brand, Width: 16),
            new("Штрихкод", r => r.Barcode, Width: 15),
            new("Состояние", r => StateLabel(r.State), Width: 14),
            new ExcelColumn<GetStocktakeReview.Row>("Учётное кол-во, шт.", r => r.Book, ExcelFormat.Integer, 12).Summed(),
            new ExcelColumn<GetStocktakeReview.Row>("Посчитано, шт.", r => r.State == ReviewState.Excluded ? null : r.Counted, ExcelFormat.Integer, 12).Summed(),
            new ExcelColumn<GetStocktakeReview.Row>("Расхождение, шт.", r => r.Difference, ExcelFormat.Integer, 12).Summed(),
            new("Себестоимость ед.", r => r.UnitCost, ExcelFormat.Money, 14),
            new ExcelColumn<GetStocktakeReview.Row>("Расхождение, ₽", r => r.DifferenceSum, ExcelFormat.Money, 14).Summed(),
        ];
        using var wb = ExcelSheetWriter.NewWorkbook($"Инвентаризация {h.Number}");
        var status = Stocktake.StatusLabel(h.Status);
        ExcelSheetWriter.Table(wb, "Инвентаризация", $"Инвентаризация {h.Number} — {h.Location}",
            $"{h.ScopeText}; статус: {status}; создана {LocalTime.Format(h.CreatedAtUtc, h.TimeZoneId)}, {h.CreatedBy}"
            + (h.PostedAtUtc is { } at ? $"; проведена {LocalTime.Format(at, h.TimeZoneId)}, {h.PostedBy}" : ""),
            columns, m.Rows, "Ничего не посчитано");
        var day = LocalTime.Today(new DateTimeOffset(h.PostedAtUtc ?? h.SubmittedAtUtc ?? h.CreatedAtUtc, TimeSpan.Zero), h.TimeZoneId);
        return (ExcelSheetWriter.ToBytes(wb), ExcelSheetWriter.FileName("inventarizaciya", day, h.Number.Replace(StocktakeDocs.Prefix, "IN")));
    }

    /// <summary>Russian label of a review state.</summary>
    public static string StateLabel(ReviewState s) => s switch
    {
        ReviewState.Counted => "посчитан",
        ReviewState.NotCounted => "не посчитан",
        _ => "исключён",
    };
}
