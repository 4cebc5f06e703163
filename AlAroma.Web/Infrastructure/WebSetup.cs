using AlAroma.Web.Infrastructure.Observability;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Authorization;
using Microsoft.AspNetCore.Mvc.Razor;
using Serilog;

namespace AlAroma.Web.Infrastructure;

public static class WebSetup
{
    /// <summary>MVC with feature-folder views, sign-in required everywhere by default, antiforgery on every POST (header for htmx).</summary>
    public static void AddWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddControllersWithViews(o =>
            {
                o.Conventions.Add(new FeatureConvention());
                o.Filters.Add(new AuthorizeFilter(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()));
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<BusinessRuleFilter>();
                o.ModelBinderProviders.Insert(0, new ControlCharStrippingBinderProvider());
                o.ModelBindingMessageProvider.SetValueMustBeANumberAccessor(f => $"Поле «{f}» должно быть числом.");
                o.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((v, f) => $"Значение «{v}» не подходит для поля «{f}».");
                o.ModelBindingMessageProvider.SetValueIsInvalidAccessor(v => $"Значение «{v}» не подходит.");
                o.ModelBindingMessageProvider.SetMissingBindRequiredValueAccessor(f => $"Заполните поле «{f}».");
                o.ModelBindingMessageProvider.SetValueMustNotBeNullAccessor(f => $"Заполните поле «{f}».");
            })
            .AddRazorOptions(o =>
            {
                // The expander yields the feature folder first; this format is its fallback (and must not be empty).
                o.ViewLocationFormats.Clear();
                o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
                o.ViewLocationExpanders.Add(new FeatureViewLocationExpander());
            });
        builder.Services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        builder.Services.AddScoped<PublicUrl>();
        builder.AddProxyAndSecurityHeaders();
        builder.AddRateLimits();
        // Razor writes Cyrillic as is instead of &#x...; entities: smaller pages, readable source.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var ru = new CultureInfo("ru-RU");
            o.DefaultRequestCulture = new RequestCulture(ru);
            o.SupportedCultures = [ru];
            o.SupportedUICultures = [ru];
            o.RequestCultureProviders.Clear();
        });
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("ru-RU");
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
    }

    /// <summary>The request pipeline: errors, static files, auth, health endpoints, MVC routes.</summary>
    public static void UseWeb(this WebApplication app)
    {
        app.UseProxyAndSecurityHeaders();
        // After the forwarded headers: the scrape is allowed by the real client address, not the proxy's.
        app.UseObservability();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseCorrelationId();
        app.UseSerilogRequestLogging();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimits();
        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthReportJson.WriteAsync }).AllowAnonymous();
        app.MapControllers();
    }
}
