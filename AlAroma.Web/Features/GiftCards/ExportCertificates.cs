using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Features.Reports;

namespace AlAroma.Web.Features.GiftCards;

/// <summary>"Экспорт в Excel" of the certificate list: every certificate the code search finds, in the list's sort; dates Moscow, amounts ₽.</summary>
public sealed class ExportCertificates(GetCertificateLiability list)
{
    /// <summary>The workbook and its file name "sertifikaty-spisok-yyyy-MM-dd.xlsx".</summary>
    public async Task<(byte[] Content, string FileName)> HandleAsync(string? search, string? sort, CancellationToken ct)
    {
        var m = await list.HandleAsync(search, ct, sort, ListWorkbook.MaxRows);
        var tz = LocalTime.DefaultZone;
        return ListWorkbook.Build("Подарочные сертификаты", "sertifikaty-spisok", DateOnly.FromDateTime(LocalTime.ToLocal(m.AtUtc, tz)),
            ListWorkbook.Subtitle(("Код", search)),
        [
            new ExcelColumn<GetCertificateLiability.CertificateRow>("Код", r => r.Code, Width: 18),
            new ExcelColumn<GetCertificateLiability.CertificateRow>("Магазин", r => r.Shop, Width: 18),
            new ExcelColumn<GetCertificateLiability.CertificateRow>("Номинал", r => r.Nominal, ExcelFormat.Money).Summed(),
            new ExcelColumn<GetCertificateLiability.CertificateRow>("Остаток", r => r.Balance, ExcelFormat.Money).Summed(),
            new ExcelColumn<GetCertificateLiability.CertificateRow>("Продан", r => LocalTime.ToLocal(r.ActivatedAtUtc, tz), ExcelFormat.DateTime, 16),
            new ExcelColumn<GetCertificateLiability.CertificateRow>("Действует до", r => LocalTime.ToLocal(r.ExpiresAtUtc, tz), ExcelFormat.DateTime, 16),
            new ExcelColumn<GetCertificateLiability.CertificateRow>("Статус", r => r.Status),
        ], m.Certificates, "Сертификатов не найдено");
    }
}
