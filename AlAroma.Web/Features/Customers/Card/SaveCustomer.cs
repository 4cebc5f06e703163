using System.Net.Mail;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Customers.Card;

/// <summary>
/// A manager edits a customer's card: name, e-mail, tags, home shop, birthday and the consents. The phone is the
/// card's identity and is not edited here (a second card of the same person is merged instead). The birthday is set
/// once by the customer; a manager may put one on file or change it, and changing one already on file needs a reason
/// (kept on the card, so the audit entry shows it). A consent changed here is recorded with the source «менеджер»
/// and the time now. Audited by the interceptor.
/// </summary>
public sealed class SaveCustomer(AppDbContext db, TimeProvider clock)
{
    /// <summary>The edit form.</summary>
    public sealed class Input
    {
        public string? Name { get; set; }
        public string? Email { get; set; }

        /// <summary>Comma-separated tags.</summary>
        public string? Tags { get; set; }
        public int? HomeLocationId { get; set; }
        public DateOnly? Birthday { get; set; }

        /// <summary>Why a birthday on file changes (required then).</summary>
        public string? BirthdayReason { get; set; }
        public bool Sms { get; set; }
        public bool EmailConsent { get; set; }
        public bool Telegram { get; set; }

        /// <summary>Field errors (field → Russian message) that need no database; <paramref name="todayLocal"/> is Moscow's today.</summary>
        public IEnumerable<(string Field, string Message)> Validate(DateOnly todayLocal)
        {
            if (string.IsNullOrWhiteSpace(Name)) yield return (nameof(Name), "Укажите имя клиента.");
            else if (Name.Trim().Length > 200) yield return (nameof(Name), "Имя — не длиннее 200 символов.");
            if (!string.IsNullOrWhiteSpace(Email) && (Email.Trim().Length > 200 || !MailAddress.TryCreate(Email.Trim(), out _)))
                yield return (nameof(Email), "Проверьте e-mail: например, anna@mail.ru.");
            if (Birthday is { } b && (b > todayLocal || b.Year < 1900)) yield return (nameof(Birthday), "Проверьте дату рождения: она не может быть в будущем или раньше 1900 года.");
            if (BirthdayReason?.Trim().Length > 300) yield return (nameof(BirthdayReason), "Причина — не длиннее 300 символов.");
            string? tagError = null;
            try { Customer.ParseTags(Tags); } catch (BusinessRuleException e) { tagError = e.Message; }
            if (tagError is not null) yield return (nameof(Tags), tagError);
        }

        /// <summary>The form filled from the card.</summary>
        public static Input Of(Customer c) => new()
        {
            Name = c.Name, Email = c.Email, Tags = string.Join(", ", c.Tags), HomeLocationId = c.HomeLocationId, Birthday = c.Birthday,
            Sms = c.MarketingSms, EmailConsent = c.MarketingEmail, Telegram = c.MarketingTelegram,
        };
    }

    /// <summary>Moscow's today, for <see cref="Input.Validate"/>.</summary>
    public DateOnly Today => Infrastructure.Time.LocalTime.Today(clock.GetUtcNow());

    /// <summary>Saves the card of customer <paramref name="id"/>.</summary>
    /// <exception cref="BusinessRuleException">Invalid form, unknown or merged customer, unknown shop, a birthday change without a reason.</exception>
    public async Task HandleAsync(long id, Input input, CancellationToken ct)
    {
        if (input.Validate(Today).FirstOrDefault() is { Message: { } error }) throw new BusinessRuleException(error);
        var c = await db.Customers.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new BusinessRuleException("Клиент не найден — обновите список.");
        if (c.MergedIntoId is { } kept) throw new BusinessRuleException($"Эта карта объединена с другой — измените карту №{kept}.");
        if (input.HomeLocationId is { } shop && !await db.Locations.AnyAsync(l => l.Id == shop && l.Kind == LocationKind.Shop, ct))
            throw new BusinessRuleException("Такого магазина нет — выберите магазин из списка.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (input.Birthday != c.Birthday)
        {
            if (c.Birthday is not null)
            {
                if (string.IsNullOrWhiteSpace(input.BirthdayReason))
                    throw new BusinessRuleException("День рождения клиент указывает один раз. Чтобы изменить его, напишите причину (например, «ошибка при вводе на кассе»).");
                c.BirthdayChangeReason = input.BirthdayReason.Trim();
            }
            c.Birthday = input.Birthday;
            c.BirthdaySetAtUtc = input.Birthday is null ? null : now;
        }
        c.Name = input.Name!.Trim();
        c.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        c.Tags = Customer.ParseTags(input.Tags);
        c.HomeLocationId = input.HomeLocationId;
        foreach (var (channel, given) in new[] { (ConsentChannel.Sms, input.Sms), (ConsentChannel.Email, input.EmailConsent), (ConsentChannel.Telegram, input.Telegram) })
            if (c.ConsentOf(channel).Given != given) c.SetConsent(channel, given, ConsentSource.Manager, now);
        await db.SaveChangesAsync(ct);
    }
}
