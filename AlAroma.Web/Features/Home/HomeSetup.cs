namespace AlAroma.Web.Features.Home;

public static class HomeSetup
{
    public static void AddHome(this WebApplicationBuilder builder) => builder.Services.AddScoped<GetDashboard>();
}
