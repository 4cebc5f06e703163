namespace AlAroma.Web.Features.GiftCards;

public static class GiftCardsSetup
{
    /// <summary>Registers the certificate back office.</summary>
    public static void AddGiftCards(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GetCertificateLiability>();
        builder.Services.AddScoped<GetCertificate>();
        builder.Services.AddScoped<ExportCertificateLiability>();
        builder.Services.AddScoped<ExportCertificates>();
    }
}
