using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Reports;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.GiftCards;

/// <summary>Back office: certificates sold, each one's activity ledger, and the outstanding liability.</summary>
[Authorize(Roles = Roles.BackOffice), Route("giftcards")]
public sealed class GiftCardsController(GetCertificateLiability liability, Data.AppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? sort, CancellationToken ct)
    {
        ViewData["q"] = q;
        return View("GiftCards", await liability.HandleAsync(q, ct, sort));
    }

    /// <summary>"Экспорт в Excel" of the filtered certificate list.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> ExportList(string? q, string? sort, [FromServices] ExportCertificates export, CancellationToken ct)
    {
        var (content, name) = await export.HandleAsync(q, sort, ct);
        return File(content, ExcelSheetWriter.ContentType, name);
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Card(long id, CancellationToken ct)
    {
        var c = await db.GiftCertificates.AsNoTracking().Include(x => x.Entries.OrderBy(e => e.Id)).FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? NotFound() : View("Certificate", c);
    }

    [HttpGet("liability.xlsx")]
    public async Task<IActionResult> Export(CancellationToken ct)
    {
        var m = await liability.HandleAsync(null, ct);
        var local = TimeZoneInfo.ConvertTimeFromUtc(m.AtUtc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        var title = $"Обязательства по подарочным сертификатам на {local:dd.MM.yyyy HH:mm}";
        using var wb = ExcelSheetWriter.NewWorkbook(title);
        ExcelSheetWriter.Table(wb, "По магазинам", title, "Непогашенный остаток действующих сертификатов — по магазину продажи",
        [
            new ExcelColumn<GetCertificateLiability.ShopRow>("Магазин", r => r.Shop, Width: 30),
            new ExcelColumn<GetCertificateLiability.ShopRow>("Сертификатов", r => r.Certificates, ExcelFormat.Integer, 14).Summed(),
            new ExcelColumn<GetCertificateLiability.ShopRow>("Номинал", r => r.Nominal, ExcelFormat.Money, 16).Summed(),
            new ExcelColumn<GetCertificateLiability.ShopRow>("Остаток (обязательство)", r => r.Outstanding, ExcelFormat.Money, 22).Summed(),
        ], m.ByShop, "Действующих сертификатов нет");
        return File(ExcelSheetWriter.ToBytes(wb), ExcelSheetWriter.ContentType, ExcelSheetWriter.FileName("sertifikaty", DateOnly.FromDateTime(local)));
    }
}
