using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Features.Reports;

namespace AlAroma.Web.Features.Catalog;

/// <summary>"Экспорт в Excel" of the catalog list: the products the filters find, in the list's sort, prices in ₽.</summary>
public sealed class ExportProducts(ListProducts list, TimeProvider clock)
{
    /// <summary>The workbook and its file name "katalog-yyyy-MM-dd.xlsx" (Moscow date).</summary>
    public async Task<(byte[] Content, string FileName)> HandleAsync(ListProducts.Query query, CancellationToken ct)
    {
        var rows = await list.Export(query, ct);
        var active = query.Active switch { "yes" => "активные", "no" => "неактивные", _ => null };
        return ListWorkbook.Build("Каталог", "katalog", LocalTime.Today(clock.GetUtcNow(), LocalTime.DefaultZone),
            ListWorkbook.Subtitle(("Поиск", query.Q), ("Бренд", query.Brand), ("Категория", query.Category), ("Статус", active)),
        [
            new ExcelColumn<ListProducts.Row>("Артикул", r => r.Sku),
            new ExcelColumn<ListProducts.Row>("Название", r => r.Name, Width: 36),
            new ExcelColumn<ListProducts.Row>("Бренд", r => r.Brand, Width: 18),
            new ExcelColumn<ListProducts.Row>("Категория", r => r.Category),
            new ExcelColumn<ListProducts.Row>("Объём, мл", r => r.VolumeMl, ExcelFormat.Integer, 10),
            new ExcelColumn<ListProducts.Row>("Концентрация", r => Product.ConcentrationLabel(r.Concentration)),
            new ExcelColumn<ListProducts.Row>("Штрихкод", r => r.Barcode, Width: 16),
            new ExcelColumn<ListProducts.Row>("Цена", r => r.RetailPrice, ExcelFormat.Money),
            new ExcelColumn<ListProducts.Row>("Статус", r => r.IsActive ? "Активен" : "Неактивен", Width: 11),
        ], rows, "Ничего не найдено по этим условиям");
    }
}
