using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account.Passwords;
using AlAroma.Web.Features.Account.TwoFactor;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Account;

public static class AccountSetup
{
    /// <summary>
    /// Identity with roles, lockout after 5 failures for 15 minutes, cookie sign-in whose session ends when the user's
    /// security stamp changes; 403 (not a redirect) when a role is missing. Passwords follow NIST SP 800-63B: at least
    /// 10 characters, no composition rules, common passwords refused. Sign-in attempts are limited by
    /// <see cref="SignInLimits"/> ("Security:SignIn"). Password-reset links (<c>PasswordReset/</c>) are valid
    /// <c>Security:PasswordReset:LinkLifetime</c> (default 24 h) and once. Two-factor sign-in with an authenticator app
    /// (<c>TwoFactor/</c>) is required for the roles of <c>Security:TwoFactor:RequiredForRoles</c> (default Admin,Manager).
    /// A session ends after <c>Security:Session:IdleMinutes</c> (default 60) without requests: the cookie's lifetime
    /// slides, renewed by a request once half of it has passed (ASP.NET Core's sliding expiration), so a session
    /// idle for the full time always ends and one used at least every half of it never does. Sign-ins, refusals,
    /// lockouts and sign-outs go to the audit log (<see cref="SignInAudit"/>).
    /// </summary>
    public static void AddAccount(this WebApplicationBuilder builder)
    {
        Cli.Register(CreateUserCommand.Name, CreateUserCommand.Usage, CreateUserCommand.RunAsync);
        builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 1;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<RussianIdentityErrors>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.Cookie.Name = "alaroma.auth";
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SessionStampCheck.ValidateAsync;
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (ctx.Request.IsHtmx() || ctx.Request.Path.StartsWithSegments("/api"))
                {
                    ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    ctx.Response.HxRedirect(ctx.RedirectUri);
                }
                else ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IConfiguration>((o, c) =>
            o.ExpireTimeSpan = TimeSpan.FromMinutes(c.GetValue("Security:Session:IdleMinutes", 60)));
        builder.Services.Configure<TwoFactorOptions>(builder.Configuration.GetSection("Security:TwoFactor"));
        builder.Services.Configure<MvcOptions>(o => o.Filters.Add<TwoFactorRequiredFilter>());
        builder.Services.AddScoped<GetTwoFactorSetup>();
        builder.Services.AddScoped<EnableTwoFactor>();
        builder.Services.AddScoped<NewRecoveryCodes>();
        builder.Services.AddScoped<DisableTwoFactor>();
        builder.Services.AddScoped<SignInAudit>();
        // Password-reset and welcome links: valid 24 h unless Security:PasswordReset:LinkLifetime says otherwise; once (the reset changes the stamp).
        builder.Services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IConfiguration>((o, c) =>
            o.TokenLifespan = c.GetValue("Security:PasswordReset:LinkLifetime", TimeSpan.FromHours(24)));
        builder.Services.AddScoped<Profile.GetProfile>();
        builder.Services.AddScoped<PasswordReset.PasswordResetLink>();
        builder.Services.AddScoped<PasswordReset.RequestPasswordReset>();
        builder.Services.AddScoped<PasswordReset.ResetPassword>();
        builder.Services.Configure<SignInLimitOptions>(builder.Configuration.GetSection("Security:SignIn"));
        builder.Services.AddSingleton<SignInLimits>();
        builder.Services.AddScoped<StaffPasswordCheck>();
        builder.Services.AddScoped<LocationScope>();
        builder.Services.AddScoped<StaffNames>();
        builder.Services.AddScoped<Seeder>();
    }
}
