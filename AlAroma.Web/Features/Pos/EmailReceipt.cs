using System.Net;
using AlAroma.Web.Features.Notifications;
using AlAroma.Web.Infrastructure;
using MimeKit;

namespace AlAroma.Web.Features.Pos;

/// <summary>Sends a copy of a receipt to the customer's e-mail (the same layout as the printed 80 mm receipt).</summary>
public sealed class EmailReceipt(EmailSender sender, ILogger<EmailReceipt> log)
{
    /// <summary>Sends the copy.</summary>
    /// <param name="html">The receipt rendered by <c>_ReceiptPaper</c>.</param>
    /// <exception cref="BusinessRuleException">A wrong address, e-mail not set up, or the mail server refused or is unreachable; nothing is lost, the cashier can retry.</exception>
    public async Task HandleAsync(GetReceipt.Model receipt, string email, string html, CancellationToken ct)
    {
        email = email.Trim();
        if (!MailboxAddress.TryParse(email, out var address) || !address.Address.Contains('@'))
            throw new BusinessRuleException("Проверьте e-mail: похоже, в адресе ошибка.");
        if (!sender.IsConfigured)
            throw new BusinessRuleException("Отправка e-mail не настроена (Smtp:Host). Обратитесь к администратору; чек можно распечатать.");
        var s = receipt.Sale;
        var subject = $"Al Aroma: чек {s.Number} на {Money.Format(s.Total)}";
        var body = $"""
            <!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(subject)}</title>
            <style>.receipt-paper{"{"}font-family:monospace;max-width:320px;border:1px solid #ddd;padding:12px{"}"}
            .receipt-row{"{"}display:flex;justify-content:space-between;gap:8px{"}"}.text-center{"{"}text-align:center{"}"}
            .receipt-total{"{"}font-weight:bold;font-size:1.2em{"}"}.small{"{"}font-size:.85em{"}"}</style></head>
            <body><p>Здравствуйте! Копия вашего чека из магазина «{WebUtility.HtmlEncode(receipt.Shop.Name)}».</p>{html}</body></html>
            """;
        var text = $"Чек {s.Number}, {receipt.Shop.Name}\nИтого: {Money.Format(s.Total)}\n" +
                   string.Join("\n", s.Lines.Select(l => $"{l.Name}: {l.Quantity} × {Money.Format(l.UnitPrice)} = {Money.Format(l.Total)}"));
        try
        {
            await sender.SendAsync(new EmailMessage(address.Address, subject, body, text), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException and not BusinessRuleException)
        {
            log.LogWarning(e, "Receipt {Number} e-mail to {Email} failed", s.Number, address.Address);
            throw new BusinessRuleException("Почтовый сервер не ответил — чек не отправлен. Повторите позже или распечатайте чек.");
        }
    }
}
