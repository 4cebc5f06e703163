using AlAroma.Web.Infrastructure.Excel;
using AlAroma.Web.Infrastructure.Time;
using ClosedXML.Excel;

namespace AlAroma.Web.Features.Loyalty.Dashboard;

/// <summary>
/// «Программа лояльности» as Excel (through <see cref="ExcelSheetWriter"/>): sheet «Итоги» with the figures of
/// <see cref="GetLoyaltyDashboard.Model"/> (members per level, active, liability ₽, repeat rate, members' revenue
/// share) and sheet «По месяцам» with the 12 months' points and birthday gifts — the same numbers as the page.
/// </summary>
public static class LoyaltyDashboardWorkbook
{
    public const string Title = "Программа лояльности";

    /// <summary>"loyalty-yyyy-MM-dd.xlsx" of the local day (chain's zone).</summary>
    public static string FileName(GetLoyaltyDashboard.Model m) => ExcelSheetWriter.FileName("loyalty", DateOnly.FromDateTime(LocalTime.ToLocal(m.NowUtc)));

    public static XLWorkbook Build(GetLoyaltyDashboard.Model m)
    {
        var wb = ExcelSheetWriter.NewWorkbook(Title);
        var subtitle = $"На {LocalTime.Format(m.NowUtc)} (Москва); покупки и выручка — за 12 месяцев";
        List<ExcelField> fields =
        [
            new("Участников", m.Members, ExcelFormat.Integer),
            .. m.ByLevel.Select(l => new ExcelField($"Уровень «{LoyaltyRules.Label(l.Key)}»", l.Value, ExcelFormat.Integer)),
            new($"Активных за {GetLoyaltyDashboard.ActiveDays} дней", m.Active, ExcelFormat.Integer),
            new("Баллы на счетах (обязательство), ₽", (decimal)m.Liability, ExcelFormat.Money),
            new("Покупали за 12 месяцев", m.Buyers, ExcelFormat.Integer),
            new("Из них 2 и более раза", m.RepeatBuyers, ExcelFormat.Integer),
            new("Доля повторных покупок", m.RepeatRate, ExcelFormat.Percent),
            new("Выручка от участников, ₽", m.MemberRevenue, ExcelFormat.Money),
            new("Вся выручка, ₽", m.Revenue, ExcelFormat.Money),
            new("Доля выручки от участников", m.MemberShare, ExcelFormat.Percent),
        ];
        ExcelSheetWriter.Fields(wb, "Итоги", Title, subtitle, fields, labelWidth: 40);
        ExcelSheetWriter.Table(wb, "По месяцам", Title + " по месяцам", "Баллы (1 балл = 1 ₽) и подарки на день рождения", Columns, m.Monthly);
        return wb;
    }

    private static readonly ExcelColumn<GetLoyaltyDashboard.Month>[] Columns =
    [
        new("Месяц", r => r.First.ToDateTime(TimeOnly.MinValue), ExcelFormat.Date, 12),
        new ExcelColumn<GetLoyaltyDashboard.Month>("Начислено", r => r.Accrued, ExcelFormat.Integer).Summed(),
        new ExcelColumn<GetLoyaltyDashboard.Month>("Подарено", r => r.Gifted, ExcelFormat.Integer).Summed(),
        new ExcelColumn<GetLoyaltyDashboard.Month>("Списано в оплату", r => r.Redeemed, ExcelFormat.Integer).Summed(),
        new ExcelColumn<GetLoyaltyDashboard.Month>("Отменено при возвратах", r => r.Reversed, ExcelFormat.Integer).Summed(),
        new ExcelColumn<GetLoyaltyDashboard.Month>("Сгорело", r => r.Expired, ExcelFormat.Integer).Summed(),
        new ExcelColumn<GetLoyaltyDashboard.Month>("Подарков на день рождения", r => r.BirthdayGifts, ExcelFormat.Integer).Summed(),
        new ExcelColumn<GetLoyaltyDashboard.Month>("Баллов в подарках", r => r.BirthdayGiftPoints, ExcelFormat.Integer).Summed(),
        new ExcelColumn<GetLoyaltyDashboard.Month>("Подарков выдано", r => r.GiftsIssued, ExcelFormat.Integer).Summed(),
        new ExcelColumn<GetLoyaltyDashboard.Month>("Подарков получено", r => r.GiftsHandedOver, ExcelFormat.Integer).Summed(),
    ];
}
