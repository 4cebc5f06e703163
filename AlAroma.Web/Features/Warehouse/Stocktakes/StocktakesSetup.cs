namespace AlAroma.Web.Features.Warehouse.Stocktakes;

public static class StocktakesSetup
{
    /// <summary>Registers the stocktake (инвентаризация) handlers.</summary>
    public static void AddStocktakes(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<ListStocktakes>();
        s.AddScoped<ExportStocktakes>();
        s.AddScoped<CreateStocktake>();
        s.AddScoped<GetCounting>();
        s.AddScoped<RecordCount>();
        s.AddScoped<SubmitStocktake>();
        s.AddScoped<ReopenStocktake>();
        s.AddScoped<CancelStocktake>();
        s.AddScoped<ExcludeStocktakeProduct>();
        s.AddScoped<GetStocktakeReview>();
        s.AddScoped<PostStocktake>();
        s.AddScoped<GetCountSheet>();
        s.AddScoped<ExportStocktake>();
        s.AddScoped<ExportCountSheet>();
    }
}
