using Serilog;
using Serilog.Formatting.Compact;

namespace AlAroma.Web.Infrastructure;

public static class LoggingSetup
{
    /// <summary>Serilog to the console: readable text in Development, compact JSON elsewhere (for log shippers).</summary>
    public static void AddLogging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSerilog((sp, cfg) =>
        {
            cfg.ReadFrom.Configuration(builder.Configuration)
               .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
               .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
               // EF logs a failed command at Error before throwing; the exception is what callers handle and log.
               .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", Serilog.Events.LogEventLevel.Fatal)
               .Enrich.FromLogContext();
            if (builder.Environment.IsDevelopment() || builder.Configuration.GetValue<bool>("Logging:PlainText"))
                cfg.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            else
                cfg.WriteTo.Console(new RenderedCompactJsonFormatter());
        });
    }
}
