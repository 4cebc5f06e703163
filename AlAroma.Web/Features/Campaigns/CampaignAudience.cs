using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Customers.List;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Notifications.Channels.Email;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Campaigns;

/// <summary>
/// Who a campaign goes to: the customers of its segment (the query of «Клиенты», <see cref="ListCustomers.Filtered"/>,
/// merged cards left out) ∩ those who consented to the channel ∩ those the channel reaches — a Telegram chat with the
/// bot that they have not blocked, a phone for SMS, an e-mail address for e-mail.
/// </summary>
public sealed class CampaignAudience(AppDbContext db, ListCustomers list)
{
    /// <summary>One recipient: the customer, the address on the channel (chat id, E.164 phone, e-mail) and the text's values.</summary>
    public sealed record Member(long CustomerId, string Address, TemplateValues Values);

    private sealed record Row(long Id, long? ChatId, string Phone, string? Email, string Name, int Points, LoyaltyLevel Level, string? Shop);

    /// <summary>How many customers <paramref name="segment"/> on <paramref name="channel"/> reaches now.</summary>
    public Task<int> CountAsync(ListCustomers.Input segment, ConsentChannel channel, CancellationToken ct) => Rows(segment, channel).CountAsync(ct);

    /// <summary>The <paramref name="index"/>-th recipient by customer id (0-based, wraps around), or null when nobody is reached.</summary>
    public async Task<Member?> SampleAsync(ListCustomers.Input segment, ConsentChannel channel, int index, CancellationToken ct)
    {
        var count = await CountAsync(segment, channel, ct);
        if (count == 0) return null;
        var row = await Rows(segment, channel).Skip(Math.Abs(index) % count).FirstAsync(ct);
        return ToMember(row, channel);
    }

    /// <summary>Every recipient, by customer id.</summary>
    public async Task<List<Member>> ListAsync(ListCustomers.Input segment, ConsentChannel channel, CancellationToken ct) =>
        (await Rows(segment, channel).ToListAsync(ct)).Select(r => ToMember(r, channel)).ToList();

    /// <summary>The recipients' rows by customer id.</summary>
    private IQueryable<Row> Rows(ListCustomers.Input segment, ConsentChannel channel)
    {
        var inSegment = list.Filtered(segment).Query.Select(i => i.Id);
        var customers = db.Customers.AsNoTracking().Where(c => inSegment.Contains(c.Id));
        customers = channel switch
        {
            ConsentChannel.Telegram => customers.Where(c => c.MarketingTelegram && c.TelegramChatId != null && c.TelegramBlockedAtUtc == null),
            ConsentChannel.Sms => customers.Where(c => c.MarketingSms && c.Phone != ""),
            ConsentChannel.Email => customers.Where(c => c.MarketingEmail && c.Email != null && c.Email != ""),
            _ => throw new ArgumentOutOfRangeException(nameof(channel)),
        };
        return customers.OrderBy(c => c.Id).Select(c => new Row(c.Id, c.TelegramChatId, c.Phone, c.Email, c.Name, c.PointsBalance, c.Level,
            db.Locations.Where(l => l.Id == c.HomeLocationId).Select(l => l.Name).FirstOrDefault()));
    }

    private static Member ToMember(Row r, ConsentChannel channel) => new(r.Id,
        channel switch
        {
            ConsentChannel.Telegram => r.ChatId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConsentChannel.Sms => r.Phone,
            _ => EmailAddress.Normalize(r.Email) ?? r.Email!.Trim(),
        },
        new TemplateValues(r.Name, r.Points, LoyaltyRules.Label(r.Level), r.Shop));
}
