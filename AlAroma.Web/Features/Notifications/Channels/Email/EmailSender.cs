using System.Net.Sockets;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Notifications.Templates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AlAroma.Web.Features.Notifications.Channels.Email;

/// <summary>SMTP settings (section "Smtp"). Host empty = e-mail is not configured (rows wait and retry).</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    /// <summary>TCP port: 25/1025 plain, 587 STARTTLS, 465 implicit TLS.</summary>
    public int Port { get; set; } = 25;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>From address, e.g. "Al Aroma &lt;noreply@alaroma.ru&gt;".</summary>
    public string From { get; set; } = "Al Aroma <noreply@alaroma.local>";

    /// <summary>Seconds to wait for the server before giving up.</summary>
    public int TimeoutSeconds { get; set; } = 15;
}

/// <summary>E-mail address checks shared by the features that take an address from a person.</summary>
public static class EmailAddress
{
    /// <summary>The bare address of <paramref name="input"/> (trimmed), or null when it is not one.</summary>
    public static string? Normalize(string? input) =>
        MailboxAddress.TryParse(input?.Trim() ?? "", out var a) && a.Address.Contains('@') && a.Address.IndexOf('@') < a.Address.Length - 1 ? a.Address : null;
}

/// <summary>
/// The e-mail channel: renders the row's template (<see cref="EmailRenderer"/>) and sends it through SMTP with
/// MailKit (RFC 5321; STARTTLS when offered), HTML with a plain-text alternative and the stored attachments.
/// SMTP 5xx on the recipient, sender or message (RFC 5321 §4.2.1: permanent) fails at once; 4xx and network errors retry.
/// </summary>
public sealed class EmailSender(IOptionsMonitor<SmtpOptions> options, EmailRenderer renderer) : IChannelSender
{
    /// <summary>Header carrying the outbox row id, so a receiver (and the tests) can tell a repeat from a new message.</summary>
    public const string NotificationHeader = "X-AlAroma-Notification";

    public Channel Channel => Channel.Email;

    /// <summary>
    /// A connected (and, with a user, signed-in) SMTP client: implicit TLS on 465, STARTTLS when the server offers it
    /// elsewhere. The sender and the health check use the same way in.
    /// </summary>
    /// <exception cref="Exception">MailKit's connection, TLS or authentication errors, or a timeout.</exception>
    public static async Task<SmtpClient> OpenAsync(SmtpOptions o, CancellationToken ct)
    {
        var smtp = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        try
        {
            await smtp.ConnectAsync(o.Host, o.Port, o.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, ct);
            if (!string.IsNullOrEmpty(o.User)) await smtp.AuthenticateAsync(o.User, o.Password ?? "", ct);
            return smtp;
        }
        catch
        {
            smtp.Dispose();
            throw;
        }
    }

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var o = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(o.Host)) return SendResult.Retry("Отправка e-mail не настроена (Smtp:Host).");
        var mail = await renderer.RenderAsync(EmailTemplates.Read(message.TemplateKey, message.Data), ct);
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(o.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = mail.Subject;
        mime.MessageId = $"notification-{message.Id}@alaroma";
        mime.Headers.Add(NotificationHeader, message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var body = new BodyBuilder { HtmlBody = mail.Html, TextBody = mail.Text };
        foreach (var a in message.Attachments) body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        mime.Body = body.ToMessageBody();
        try
        {
            using var smtp = await OpenAsync(o, ct);
            var answer = await smtp.SendAsync(mime, ct);
            await smtp.DisconnectAsync(true, ct);
            return SendResult.Sent(answer);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            return SendResult.Permanent($"Почтовый сервер отказал ({(int)e.StatusCode}): {e.Message}");
        }
        catch (SmtpCommandException e)
        {
            return SendResult.Retry($"Почтовый сервер временно отказал ({(int)e.StatusCode}): {e.Message}");
        }
        catch (Exception e) when (e is SmtpProtocolException or SocketException or IOException
                                      or ServiceNotConnectedException or AuthenticationException or TimeoutException
                                      or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return SendResult.Retry($"Почтовый сервер недоступен: {e.Message}");
        }
    }
}
