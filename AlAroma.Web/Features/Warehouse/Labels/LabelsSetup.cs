namespace AlAroma.Web.Features.Warehouse.Labels;

public static class LabelsSetup
{
    /// <summary>Registers the barcode labels (ценники) handlers.</summary>
    public static void AddLabels(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GetLabelsPage>();
        builder.Services.AddScoped<FindLabelProducts>();
        builder.Services.AddScoped<AddLabelProduct>();
        builder.Services.AddScoped<BuildLabelSheet>();
    }
}
