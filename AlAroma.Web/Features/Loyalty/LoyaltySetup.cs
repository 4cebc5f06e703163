using AlAroma.Web.Infrastructure.Jobs;
using AlAroma.Web.Features.Loyalty.Birthdays;
using AlAroma.Web.Features.Loyalty.Dashboard;
using AlAroma.Web.Features.Loyalty.Settings;

namespace AlAroma.Web.Features.Loyalty;

public static class LoyaltySetup
{
    /// <summary>Registers the programme's dated terms, the hourly birthday gifts and its jobs: points expiry (02:30), the bot's warning 7 days before it (11:00, daytime for a message) and level recalculation (02:45), Moscow time by default.</summary>
    public static void AddLoyalty(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LoyaltyTermsStore>();
        builder.Services.AddScoped<GetLoyaltySettings>();
        builder.Services.AddScoped<SaveLoyaltyTerms>();
        builder.Services.AddScoped<DeleteLoyaltyTerms>();
        builder.Services.AddScoped<ExpirePoints>();
        builder.Services.AddScoped<WarnPointsExpiry>();
        builder.Services.AddScoped<GetLoyaltyDashboard>();
        builder.Services.AddScoped<RecalculateLevels>();
        builder.Services.AddScoped<GiveBirthdayGifts>();
        builder.Services.AddScoped<Gifts.GetGiftCatalogue>();
        builder.Services.AddScoped<Gifts.SaveGiftType>();
        builder.Services.AddScoped<Gifts.IssueGift>();
        builder.Services.AddScoped<Gifts.RedeemGift>();
        builder.AddScheduledJob<ExpirePointsJob>("points-expiry", "Сгорание баллов старше 12 месяцев (сначала самые старые)", "PointsExpiry", "0 30 2 * * ?");
        builder.AddScheduledJob<WarnPointsExpiryJob>("points-expiry-warning", "Предупреждение в боте за 7 дней до сгорания баллов", "PointsExpiryWarning", "0 0 11 * * ?");
        builder.AddScheduledJob<GiveBirthdayGiftsJob>("birthday-gifts", "Подарок и поздравление в день рождения (с 09:00 по времени магазина клиента)", "BirthdayGifts", "0 5 * * * ?");
        builder.AddScheduledJob<RecalculateLevelsJob>("loyalty-levels", "Пересчёт уровней клиентов по покупкам за 12 месяцев", "LoyaltyLevels", "0 45 2 * * ?");
    }
}
