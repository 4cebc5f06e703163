using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Time;

namespace AlAroma.Web.Features.Customers.List;

/// <summary>
/// «Экспорт в Excel» of the «Клиенты» list: the customers the filter finds, in the list's sort; spent in ₽ (12 months,
/// net of returns), points, last purchase in Moscow time; a total row of points and spent. Text cells that look like
/// a formula are written as text (<see cref="ExcelSheetWriter"/>).
/// </summary>
public sealed class ExportCustomers(ListCustomers list, TimeProvider clock)
{
    /// <summary>The workbook and its file name "klienty-yyyy-MM-dd.xlsx" (Moscow date).</summary>
    public async Task<(byte[] Content, string FileName)> HandleAsync(ListCustomers.Input f, CancellationToken ct)
    {
        var rows = await list.ExportAsync(f, ct);
        var shops = await list.ShopNamesAsync(ct);
        string Yes(bool v) => v ? "да" : "нет";
        string? YesNo(bool? v) => v is { } b ? Yes(b) : null;
        return ListWorkbook.Build("Клиенты", "klienty", LocalTime.Today(clock.GetUtcNow(), LocalTime.DefaultZone),
            ListWorkbook.Subtitle(("Поиск", f.Q), ("Уровень", f.Level is { } l ? LoyaltyRules.Label(l) : null),
                ("Магазин", f.HomeLocationId is { } s ? shops.GetValueOrDefault(s) : null), ("Месяц рождения", f.BirthdayMonth?.ToString()),
                ("Последняя покупка с", f.LastFrom?.ToString("dd.MM.yyyy")), ("по", f.LastTo?.ToString("dd.MM.yyyy")),
                ("Потратил от", f.SpentFrom?.ToString("0.##")), ("до", f.SpentTo?.ToString("0.##")), ("Метка", f.Tag),
                ("SMS", YesNo(f.Sms)), ("Эл. почта", YesNo(f.Email)), ("Telegram", YesNo(f.Telegram)), ("Есть чат в Telegram", YesNo(f.Reachable))),
        [
            new ExcelColumn<ListCustomers.Item>("Клиент", c => c.Name, Width: 28),
            new ExcelColumn<ListCustomers.Item>("Телефон", c => c.Phone, Width: 16),
            new ExcelColumn<ListCustomers.Item>("Эл. почта", c => c.Email, Width: 24),
            new ExcelColumn<ListCustomers.Item>("Уровень", c => LoyaltyRules.Label(c.Level), Width: 12),
            new ExcelColumn<ListCustomers.Item>("Баллы", c => c.Points, ExcelFormat.Integer, 10).WithTotal(r => r.Sum(c => c.Points)),
            new ExcelColumn<ListCustomers.Item>("Покупки за 12 мес.", c => c.Spent12Months, ExcelFormat.Money).WithTotal(r => r.Sum(c => c.Spent12Months)),
            new ExcelColumn<ListCustomers.Item>("Последняя покупка", c => c.LastPurchase is { } d ? LocalTime.ToLocal(d) : null, ExcelFormat.DateTime, 16),
            new ExcelColumn<ListCustomers.Item>("Магазин", c => c.HomeLocationId is { } s ? shops.GetValueOrDefault(s) : null, Width: 20),
            new ExcelColumn<ListCustomers.Item>("День рождения", c => c.Birthday?.ToString("dd.MM.yyyy"), Width: 12),
            new ExcelColumn<ListCustomers.Item>("Метки", c => string.Join(", ", c.Tags), Width: 20),
            new ExcelColumn<ListCustomers.Item>("SMS", c => Yes(c.Sms), Width: 6),
            new ExcelColumn<ListCustomers.Item>("Эл. почта (согласие)", c => Yes(c.EmailConsent), Width: 8),
            new ExcelColumn<ListCustomers.Item>("Telegram", c => Yes(c.Telegram), Width: 8),
        ], rows, "Клиентов по этим условиям нет");
    }
}
