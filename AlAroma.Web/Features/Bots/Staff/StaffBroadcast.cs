using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Campaigns;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Notifications.Channels.Telegram;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Bots.Staff;

/// <summary>
/// «Рассылка» in the staff bot (Manager/Admin, as the «Рассылки» screen): lists the campaigns not sent yet (drafts and
/// scheduled) with their channel and audience now (<see cref="CampaignAudience"/>); one chosen shows its audience and
/// text and asks «Отправить N клиентам?» with the inline buttons «Отправить» / «Отмена». «Отправить» runs the screen's
/// own <see cref="StartCampaign"/> as the linked staff member (the scope's user: audited and queued as them).
/// </summary>
public sealed class StaffBroadcast(AppDbContext db, CampaignAudience audience, StartCampaign start)
{
    /// <summary>The menu button (shown to Manager and Admin only).</summary>
    public const string Button = "Рассылка";

    /// <summary>Callback data of the buttons, followed by the campaign id: choose, send, do not send.</summary>
    public const string ShowPrefix = "campaign:show:", SendPrefix = "campaign:send:", CancelPrefix = "campaign:cancel:";

    /// <summary>Most campaigns listed (newest first).</summary>
    public const int Listed = 10;

    /// <summary>Whether a user with <paramref name="roles"/> may send campaigns (Manager, Admin).</summary>
    public static bool Allowed(IEnumerable<string> roles) => roles.Any(r => r is Roles.Manager or Roles.Admin);

    /// <summary>The campaigns not sent yet, one button each; text only (no buttons) when there is none.</summary>
    /// <exception cref="BusinessRuleException">The user's roles may not send campaigns.</exception>
    public async Task<StaffBotReply> ListAsync(IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        Require(roles);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.Status == CampaignStatus.Draft || c.Status == CampaignStatus.Scheduled)
            .OrderByDescending(c => c.Id).Take(Listed).ToListAsync(ct);
        if (campaigns.Count == 0) return new("Неотправленных рассылок нет. Создайте рассылку в Al Aroma: «Рассылки» → «Новая рассылка».");
        var lines = new List<string> { "<b>Неотправленные рассылки</b>" };
        var buttons = new List<StaffBotButton[]>();
        foreach (var c in campaigns)
        {
            var count = await audience.CountAsync(c.SegmentFilter(), c.Channel, ct);
            lines.Add($"• «{TelegramHtml.Escape(c.Name)}» — {Consent.ChannelLabel(c.Channel)}, {Recipients(count)}" +
                (c.Status == CampaignStatus.Scheduled ? $", запланирована на {Infrastructure.Time.LocalTime.Format(c.ScheduledAtUtc!.Value)}" : ""));
            buttons.Add([new StaffBotButton(c.Name, ShowPrefix + c.Id)]);
        }
        lines.Add("\nВыберите рассылку — бот покажет текст и спросит подтверждение.");
        return new(string.Join("\n", lines), Buttons: buttons);
    }

    /// <summary>
    /// A pressed button of this flow (<paramref name="data"/> starts with one of the prefixes): the chosen campaign with
    /// «Отправить» / «Отмена», the campaign started, or left as it is. Null when the data is not this flow's.
    /// </summary>
    /// <exception cref="BusinessRuleException">Not Manager/Admin, no such campaign, or it was sent or cancelled meanwhile.</exception>
    public async Task<StaffBotReply?> PressAsync(IReadOnlyCollection<string> roles, string data, CancellationToken ct)
    {
        if (Id(data, ShowPrefix) is { } show) return await ConfirmAsync(roles, show, ct);
        if (Id(data, SendPrefix) is { } send)
        {
            var c = await UnsentAsync(roles, send, ct);
            var queued = await start.HandleAsync(c.Id, ct);
            return new(queued == 0 ? $"«{TelegramHtml.Escape(c.Name)}»: получателей нет — рассылка завершена без сообщений."
                : $"Рассылка «{TelegramHtml.Escape(c.Name)}» запущена: {queued} {Plural.Of(queued, "сообщение", "сообщения", "сообщений")} в очереди отправки. Ход отправки — в Al Aroma, «Рассылки».");
        }
        if (Id(data, CancelPrefix) is { } cancel)
        {
            var c = await UnsentAsync(roles, cancel, ct);
            return new($"Рассылка «{TelegramHtml.Escape(c.Name)}» не отправлена: ничего не изменилось.");
        }
        return null;
    }

    private async Task<StaffBotReply> ConfirmAsync(IReadOnlyCollection<string> roles, long id, CancellationToken ct)
    {
        var c = await UnsentAsync(roles, id, ct);
        var segment = c.SegmentFilter();
        var count = await audience.CountAsync(segment, c.Channel, ct);
        var title = $"<b>«{TelegramHtml.Escape(c.Name)}»</b> — {Consent.ChannelLabel(c.Channel)}";
        if (count == 0)
            return new($"{title}\nПолучателей нет: в сегменте нет клиентов с согласием на {Consent.ChannelLabel(c.Channel)} и адресом в нём. Измените сегмент в Al Aroma, «Рассылки».");
        var sample = await audience.SampleAsync(segment, c.Channel, 0, ct);
        var text = sample is null ? c.Template : CampaignTemplate.Render(c.Template, sample.Values, html: false);
        return new($"{title}\nПолучателей: {count}\n\nТекст (так его получит первый получатель):\n<blockquote>{TelegramHtml.Escape(text)}</blockquote>\n\n" +
            $"Отправить {count} {Plural.Of(count, "клиенту", "клиентам", "клиентам")}?",
            Buttons: [[new StaffBotButton("Отправить", SendPrefix + c.Id), new StaffBotButton("Отмена", CancelPrefix + c.Id)]]);
    }

    /// <exception cref="BusinessRuleException">Not Manager/Admin, no such campaign, or it was sent or cancelled.</exception>
    private async Task<Campaign> UnsentAsync(IReadOnlyCollection<string> roles, long id, CancellationToken ct)
    {
        Require(roles);
        var c = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new BusinessRuleException("Рассылка не найдена: возможно, её удалили. Нажмите «Рассылка» ещё раз.");
        return c.Editable ? c : throw new BusinessRuleException($"Рассылка «{c.Name}» уже {Campaign.StatusLabel(c.Status).ToLowerInvariant()}: отправить её ещё раз нельзя.");
    }

    private static void Require(IReadOnlyCollection<string> roles)
    {
        if (!Allowed(roles))
            throw new BusinessRuleException($"Рассылки отправляют {Roles.Label(Roles.Manager).ToLowerInvariant()} и {Roles.Label(Roles.Admin).ToLowerInvariant()}. Попросите менеджера.");
    }

    private static string Recipients(int n) => $"{n} {Plural.Of(n, "получатель", "получателя", "получателей")}";

    private static long? Id(string data, string prefix) =>
        data.StartsWith(prefix, StringComparison.Ordinal) && long.TryParse(data[prefix.Length..], out var id) ? id : null;
}
