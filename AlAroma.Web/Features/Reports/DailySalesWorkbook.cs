using AlAroma.Web.Infrastructure.Excel;
using ClosedXML.Excel;

namespace AlAroma.Web.Features.Reports;

/// <summary>
/// The daily sales workbook: sheets "Сводка", "По магазинам", "По товарам", "По способам оплаты", "По кассирам",
/// all laid out by <see cref="ExcelSheetWriter"/>. Revenue is net of returns and without certificates sold, which
/// have their own column (see <see cref="DailySales"/>). Pure: takes the report record, touches no database.
/// </summary>
public static class DailySalesWorkbook
{
    /// <summary>Sheet names, in workbook order.</summary>
    public const string Summary = "Сводка", ByShop = "По магазинам", ByProduct = "По товарам", ByPayment = "По способам оплаты", ByCashier = "По кассирам";

    /// <summary>Builds the workbook; the caller disposes it.</summary>
    public static XLWorkbook Build(DailySales r)
    {
        var title = $"Продажи за {r.Day:dd.MM.yyyy} — {r.ScopeLabel}";
        var subtitle = $"Сформирован {r.GeneratedAtLocal:dd.MM.yyyy HH:mm}; день — по местному времени магазина";
        var wb = ExcelSheetWriter.NewWorkbook(title);

        ExcelSheetWriter.Fields(wb, Summary, title, subtitle,
        [
            new("Магазины", r.ScopeLabel),
            new("День", r.Day, ExcelFormat.Date),
            new("Сформирован", r.GeneratedAtLocal, ExcelFormat.DateTime),
            new("Чеков", r.Receipts, ExcelFormat.Integer),
            new("Продано товаров, шт.", r.Units, ExcelFormat.Integer),
            new("Сумма без скидок", r.Subtotal, ExcelFormat.Money),
            new("Скидки", r.Discount, ExcelFormat.Money),
            new("Возвраты", r.Returns, ExcelFormat.Money),
            new("Выручка", r.Revenue, ExcelFormat.Money),
            new("Средний чек", r.AverageReceipt, ExcelFormat.Money),
            new("Продано сертификатов (аванс)", r.Certificates, ExcelFormat.Money),
        ]);

        ExcelSheetWriter.Table(wb, ByShop, $"Продажи по магазинам за {r.Day:dd.MM.yyyy} — {r.ScopeLabel}", subtitle,
        [
            new ExcelColumn<ShopSalesRow>("Код", x => x.Code, Width: 8),
            new ExcelColumn<ShopSalesRow>("Магазин", x => x.Name, Width: 24),
            new ExcelColumn<ShopSalesRow>("Чеков", x => x.Receipts, ExcelFormat.Integer, 10).Summed(),
            new ExcelColumn<ShopSalesRow>("Сумма без скидок", x => x.Subtotal, ExcelFormat.Money, 18).Summed(),
            new ExcelColumn<ShopSalesRow>("Скидки", x => x.Discount, ExcelFormat.Money, 16).Summed(),
            new ExcelColumn<ShopSalesRow>("Возвраты", x => x.Returns, ExcelFormat.Money, 16).Summed(),
            new ExcelColumn<ShopSalesRow>("Выручка", x => x.Revenue, ExcelFormat.Money, 18).Summed(),
            new ExcelColumn<ShopSalesRow>("Средний чек", x => x.AverageReceipt, ExcelFormat.Money, 16).WithTotal(_ => r.AverageReceipt),
            new ExcelColumn<ShopSalesRow>("Первый чек", x => x.FirstReceiptLocal, ExcelFormat.DateTime, 17),
            new ExcelColumn<ShopSalesRow>("Последний чек", x => x.LastReceiptLocal, ExcelFormat.DateTime, 17),
            new ExcelColumn<ShopSalesRow>("Сертификаты (аванс)", x => x.Certificates, ExcelFormat.Money, 18).Summed(),
        ], r.Shops, "Нет магазинов");

        ExcelSheetWriter.Table(wb, ByProduct, $"Продажи по товарам за {r.Day:dd.MM.yyyy} — {r.ScopeLabel}", subtitle,
        [
            new ExcelColumn<ProductSalesRow>("Артикул", x => x.Sku, Width: 14),
            new ExcelColumn<ProductSalesRow>("Наименование", x => x.Name, Width: 46),
            new ExcelColumn<ProductSalesRow>("Бренд", x => x.Brand, Width: 20),
            new ExcelColumn<ProductSalesRow>("Кол-во, шт.", x => x.Quantity, ExcelFormat.Integer, 12).Summed(),
            new ExcelColumn<ProductSalesRow>("Выручка", x => x.Revenue, ExcelFormat.Money, 18).Summed(),
            new ExcelColumn<ProductSalesRow>("Скидка", x => x.Discount, ExcelFormat.Money, 16).Summed(),
        ], r.Products, "Продаж за день не было");

        ExcelSheetWriter.Table(wb, ByPayment, $"Оплаты за {r.Day:dd.MM.yyyy} — {r.ScopeLabel}", subtitle,
        [
            new ExcelColumn<PaymentSalesRow>("Способ оплаты", x => x.Label, Width: 24),
            new ExcelColumn<PaymentSalesRow>("Количество оплат", x => x.Payments, ExcelFormat.Integer, 18).Summed(),
            new ExcelColumn<PaymentSalesRow>("Сумма", x => x.Amount, ExcelFormat.Money, 18).Summed(),
            new ExcelColumn<PaymentSalesRow>("Возвращено", x => x.Refunded, ExcelFormat.Money, 18).Summed(),
            new ExcelColumn<PaymentSalesRow>("За вычетом возвратов", x => x.Net, ExcelFormat.Money, 20).Summed(),
        ], r.Payments, "Оплат за день не было");

        ExcelSheetWriter.Table(wb, ByCashier, $"Продажи по кассирам за {r.Day:dd.MM.yyyy} — {r.ScopeLabel}", subtitle,
        [
            new ExcelColumn<CashierSalesRow>("Кассир", x => x.Name, Width: 32),
            new ExcelColumn<CashierSalesRow>("Чеков", x => x.Receipts, ExcelFormat.Integer, 10).Summed(),
            new ExcelColumn<CashierSalesRow>("Выручка", x => x.Revenue, ExcelFormat.Money, 18).Summed(),
            new ExcelColumn<CashierSalesRow>("Средний чек", x => x.AverageReceipt, ExcelFormat.Money, 16).WithTotal(_ => r.AverageReceipt),
        ], r.Cashiers, "Продаж за день не было");

        return wb;
    }

    /// <summary>Download name, e.g. "prodazhi-2026-11-23.xlsx" or "prodazhi-S1-2026-11-23.xlsx".</summary>
    public static string FileName(DailySales r) =>
        ExcelSheetWriter.FileName("prodazhi", r.Day, r.LocationId is null ? null : r.Shops.FirstOrDefault()?.Code);
}
