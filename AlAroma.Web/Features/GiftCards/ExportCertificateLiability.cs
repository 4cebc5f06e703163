using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Time;

namespace AlAroma.Web.Features.GiftCards;

/// <summary>The outstanding certificate liability per selling shop as an Excel workbook (one sheet, totals summed).</summary>
public sealed class ExportCertificateLiability(GetCertificateLiability liability)
{
    /// <summary>The workbook as of now; its title and file name carry the local date and time in the chain default zone (the liability spans every shop).</summary>
    public async Task<(byte[] Content, string FileName)> HandleAsync(CancellationToken ct)
    {
        var m = await liability.HandleAsync(null, ct);
        var title = $"Обязательства по подарочным сертификатам на {LocalTime.Format(m.AtUtc)}";
        return ListWorkbook.Build(title, "sertifikaty", LocalTime.Today(new DateTimeOffset(m.AtUtc, TimeSpan.Zero)),
            "Непогашенный остаток действующих сертификатов — по магазину продажи",
        [
            new ExcelColumn<GetCertificateLiability.ShopRow>("Магазин", r => r.Shop, Width: 30),
            new ExcelColumn<GetCertificateLiability.ShopRow>("Сертификатов", r => r.Certificates, ExcelFormat.Integer, 14).Summed(),
            new ExcelColumn<GetCertificateLiability.ShopRow>("Номинал", r => r.Nominal, ExcelFormat.Money, 16).Summed(),
            new ExcelColumn<GetCertificateLiability.ShopRow>("Остаток (обязательство)", r => r.Outstanding, ExcelFormat.Money, 22).Summed(),
        ], m.ByShop, "Действующих сертификатов нет", sheetName: "По магазинам");
    }
}
