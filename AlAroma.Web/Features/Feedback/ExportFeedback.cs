using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Feedback;

/// <summary>
/// «Экспорт в Excel» of «Отзывы и обращения»: the feedback the filter finds (the shops the user sees), in the list's
/// sort, at most <see cref="ListWorkbook.MaxRows"/>; received in each shop's local time (Europe/Moscow when none);
/// the whole text. Text cells that look like a formula are written as text (<see cref="ExcelSheetWriter"/>).
/// </summary>
public sealed class ExportFeedback(AppDbContext db, ListFeedback list, TimeProvider clock)
{
    /// <summary>The workbook and its file name "otzyvy-yyyy-MM-dd.xlsx" (Moscow date).</summary>
    public async Task<(byte[] Content, string FileName)> HandleAsync(ListFeedback.Input f, CancellationToken ct)
    {
        var q = await list.FilteredAsync(f, ct);
        var rows = await ListFeedback.Sorts.Order(q, ListFeedback.Sorts.Parse(f.Sort), x => x.Id).Take(ListWorkbook.MaxRows).ToListAsync(ct);
        var shop = f.LocationId is { } id ? await db.Locations.Where(l => l.Id == id).Select(l => l.Name).FirstOrDefaultAsync(ct) : null;
        return ListWorkbook.Build("Отзывы и обращения", "otzyvy", LocalTime.Today(clock.GetUtcNow(), LocalTime.DefaultZone),
            ListWorkbook.Subtitle(("Магазин", shop), ("Вид", f.Kind is { } k ? Feedback.KindLabel(k) : null),
                ("Оценка от", f.RatingFrom?.ToString()), ("до", f.RatingTo?.ToString()), ("Статус", f.Status is { } s ? Feedback.StatusLabel(s) : null),
                ("Получен с", f.From?.ToString("dd.MM.yyyy")), ("по", f.To?.ToString("dd.MM.yyyy"))),
        [
            new ExcelColumn<ListFeedback.Item>("Получен", r => LocalTime.ToLocal(r.CreatedAtUtc, r.ShopTimeZoneId), ExcelFormat.DateTime, 16),
            new ExcelColumn<ListFeedback.Item>("Вид", r => Feedback.KindLabel(r.Kind), Width: 14),
            new ExcelColumn<ListFeedback.Item>("Оценка", r => r.Rating, ExcelFormat.Integer, 8),
            new ExcelColumn<ListFeedback.Item>("Текст", r => r.Text, Width: 60),
            new ExcelColumn<ListFeedback.Item>("Покупатель", r => r.CustomerName, Width: 24),
            new ExcelColumn<ListFeedback.Item>("Телефон", r => PhoneNormalizer.Display(r.Phone), Width: 16),
            new ExcelColumn<ListFeedback.Item>("Магазин", r => r.Shop, Width: 20),
            new ExcelColumn<ListFeedback.Item>("Чек", r => r.SaleNumber, Width: 14),
            new ExcelColumn<ListFeedback.Item>("Статус", r => Feedback.StatusLabel(r.Status), Width: 10),
        ], rows, "Отзывов и обращений по этим условиям нет");
    }
}
