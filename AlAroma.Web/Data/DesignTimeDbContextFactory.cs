using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AlAroma.Web.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the app or a database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=design_time_only")
            .UseSnakeCaseNamingConvention()
            .Options);
}
