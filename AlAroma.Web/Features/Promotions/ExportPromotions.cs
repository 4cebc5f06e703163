using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Features.Reports;

namespace AlAroma.Web.Features.Promotions;

/// <summary>"Экспорт в Excel" of the promotions list: the promotions the filter finds, in the list's sort, states as of today (Moscow).</summary>
public sealed class ExportPromotions(ListPromotions list)
{
    /// <summary>The workbook and its file name "akcii-yyyy-MM-dd.xlsx".</summary>
    public async Task<(byte[] Content, string FileName)> HandleAsync(PromotionListQuery query, CancellationToken ct)
    {
        var (rows, today) = await list.Export(query, ct);
        return ListWorkbook.Build("Акции", "akcii", today,
            ListWorkbook.Subtitle(("Статус", query.State is { } s ? PromotionRecord.StateLabel(s) : null), ("Тип", query.Type is { } t ? PromotionRecord.TypeLabel(t) : null),
                ("Действует в день", query.On?.ToString("dd.MM.yyyy"))),
        [
            new ExcelColumn<ListPromotions.Row>("Название", r => r.Name, Width: 30),
            new ExcelColumn<ListPromotions.Row>("Тип", r => PromotionRecord.TypeLabel(r.Type), Width: 18),
            new ExcelColumn<ListPromotions.Row>("Значение", r => r.Value, Width: 10),
            new ExcelColumn<ListPromotions.Row>("С", r => r.ValidFrom.ToDateTime(TimeOnly.MinValue), ExcelFormat.Date, 11),
            new ExcelColumn<ListPromotions.Row>("По", r => r.ValidTo?.ToDateTime(TimeOnly.MinValue), ExcelFormat.Date, 11),
            new ExcelColumn<ListPromotions.Row>("Магазины", r => r.Locations.Count == 0 ? "все" : string.Join(", ", r.Locations), Width: 20),
            new ExcelColumn<ListPromotions.Row>("Приоритет", r => r.Priority, ExcelFormat.Integer, 10),
            new ExcelColumn<ListPromotions.Row>("Статус", r => PromotionRecord.StateLabel(r.State), Width: 14),
        ], rows, "Акций по этим условиям нет");
    }
}
