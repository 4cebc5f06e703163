using AlAroma.Web.Infrastructure.Jobs;

namespace AlAroma.Web.Features.GiftCards;

public static class GiftCardsSetup
{
    /// <summary>Registers the certificate back office and the nightly certificate expiry (02:15, Moscow time by default).</summary>
    public static void AddGiftCards(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GetCertificateLiability>();
        builder.Services.AddScoped<GetCertificate>();
        builder.Services.AddScoped<EmailCertificateCode>();
        builder.Services.AddScoped<ExportCertificateLiability>();
        builder.Services.AddScoped<ExportCertificates>();
        builder.Services.AddScoped<ExpireCertificates>();
        builder.AddScheduledJob<ExpireCertificatesJob>("certificate-expiry", "Сгорание подарочных сертификатов через 12 месяцев", "CertificateExpiry", "0 15 2 * * ?");
    }
}
