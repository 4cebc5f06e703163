namespace AlAroma.Web.Features.Bots.MiniApp;

/// <summary>Mini App settings (section "MiniApp").</summary>
public sealed class MiniAppOptions
{
    /// <summary>
    /// How old (seconds) a Mini App's initData may be. Telegram signs initData when the customer opens the Mini App and
    /// sets no limit itself; one hour covers a customer who keeps the card open at the till, and a leaked initData is
    /// useless after it. Reopening the Mini App from the bot gives a fresh one.
    /// </summary>
    public int InitDataMaxAgeSeconds { get; set; } = 3600;
}

public static class MiniAppSetup
{
    /// <summary>The Mini App card: its options ("MiniApp"), the initData check and the card's use cases.</summary>
    public static void AddMiniApp(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MiniAppOptions>(builder.Configuration.GetSection("MiniApp"));
        builder.Services.AddScoped<MiniAppAuth>();
        builder.Services.AddScoped<GetMiniAppCard>();
        builder.Services.AddScoped<IssueMiniAppCode>();
    }
}
