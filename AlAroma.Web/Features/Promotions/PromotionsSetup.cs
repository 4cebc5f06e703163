namespace AlAroma.Web.Features.Promotions;

/// <summary>Wiring of the Promotions feature (back-office screens and the handler the POS calls).</summary>
public static class PromotionsSetup
{
    /// <summary>Registers the Promotions feature's handlers.</summary>
    public static void AddPromotions(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GetActivePromotions>();
        builder.Services.AddScoped<Pos.IActivePromotions>(sp => sp.GetRequiredService<GetActivePromotions>());
        builder.Services.AddScoped<ListPromotions>();
        builder.Services.AddScoped<ExportPromotions>();
        builder.Services.AddScoped<SavePromotion>();
        builder.Services.AddScoped<SetPromotionPaused>();
        builder.Services.AddScoped<PreviewPromotion>();
        builder.Services.AddScoped<SearchPreviewProducts>();
        builder.Services.AddScoped<GetPromotionFormPage>();
    }
}
