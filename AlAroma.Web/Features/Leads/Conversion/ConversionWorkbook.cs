using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Time;
using ClosedXML.Excel;

namespace AlAroma.Web.Features.Leads.Conversion;

/// <summary>«Конверсия» as Excel (<see cref="ExcelSheetWriter"/>): the lines of the page with their total, the days, and the bridge to the shops — the same figures as the page.</summary>
public static class ConversionWorkbook
{
    public const string Title = "Конверсия обзвона";

    /// <summary>"conversion-yyyy-MM-dd.xlsx" of today in Moscow.</summary>
    public static string FileName(GetConversion.Model m) => ExcelSheetWriter.FileName("conversion", DateOnly.FromDateTime(LocalTime.ToLocal(m.NowUtc)));

    public static XLWorkbook Build(GetConversion.Model m)
    {
        var wb = ExcelSheetWriter.NewWorkbook(Title);
        var period = $"Период: {(m.Filter.From is { } f ? f.ToString("dd.MM.yyyy") : "с начала")} — {(m.Filter.To is { } t ? t.ToString("dd.MM.yyyy") : "сегодня")} (Москва)";
        var dimension = GetConversion.Dimensions.First(d => d.Key == m.By).Label;
        ExcelSheetWriter.Table(wb, dimension, $"{Title}: {dimension.ToLowerInvariant()}", period, Columns(dimension), [.. m.Lines, m.Total]);
        ExcelSheetWriter.Table(wb, "По дням", Title + " по дням", period, Columns("День"), m.ByDay);
        ExcelSheetWriter.Table(wb, "Покупки в магазинах", $"Стали покупателями за {m.Days} дней после звонка", period, BridgeColumns, m.Bridges);
        return wb;
    }

    private static ExcelColumn<ConversionLine>[] Columns(string first) =>
    [
        new(first, r => r.Label, ExcelFormat.Text, 28),
        new("Номеров", r => r.Numbers, ExcelFormat.Integer),
        new("Обзвонено", r => r.Attempted, ExcelFormat.Integer),
        new("Дозвон (контакт)", r => r.Contacted, ExcelFormat.Integer),
        new("Успех", r => r.Success, ExcelFormat.Integer),
        new("Отказ", r => r.Refused, ExcelFormat.Integer),
        new("Не звонить", r => r.DoNotCall, ExcelFormat.Integer),
        new("Доля контактов", r => r.ContactRate, ExcelFormat.Percent),
        new("Конверсия", r => r.ConversionRate, ExcelFormat.Percent),
        new("Цена успеха, ₽", r => r.CostPerSuccess, ExcelFormat.Money),
    ];

    private static readonly ExcelColumn<GetConversion.Bridge>[] BridgeColumns =
    [
        new("Проект", r => r.Project, ExcelFormat.Text, 28),
        new("Поставщик", r => r.Supplier ?? "—", ExcelFormat.Text, 24),
        new ExcelColumn<GetConversion.Bridge>("Стали покупателями", r => r.Customers, ExcelFormat.Integer).Summed(),
        new ExcelColumn<GetConversion.Bridge>("Выручка, ₽", r => r.Revenue, ExcelFormat.Money).Summed(),
    ];
}
