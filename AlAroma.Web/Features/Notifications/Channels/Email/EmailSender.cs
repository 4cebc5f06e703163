using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AlAroma.Web.Features.Notifications;

/// <summary>SMTP settings (section "Smtp"). Host empty = e-mail is not configured.</summary>
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

/// <summary>One outgoing e-mail: recipient, subject, HTML and plain-text bodies.</summary>
public sealed record EmailMessage(string To, string Subject, string Html, string Text);

/// <summary>Sends e-mail through SMTP with MailKit (RFC 5321; STARTTLS when the server offers it).</summary>
public sealed class EmailSender(IOptions<SmtpOptions> options)
{
    /// <summary>True when an SMTP host is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Host);

    /// <summary>Sends <paramref name="message"/>.</summary>
    /// <exception cref="InvalidOperationException">SMTP is not configured.</exception>
    /// <exception cref="MailKit.ServiceNotConnectedException">and other MailKit/socket errors when the server is unreachable or refuses.</exception>
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var o = options.Value;
        if (!IsConfigured) throw new InvalidOperationException("SMTP is not configured (Smtp:Host).");
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(o.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { HtmlBody = message.Html, TextBody = message.Text }.ToMessageBody();

        using var smtp = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        await smtp.ConnectAsync(o.Host, o.Port, o.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, ct);
        if (!string.IsNullOrEmpty(o.User)) await smtp.AuthenticateAsync(o.User, o.Password ?? "", ct);
        await smtp.SendAsync(mime, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}

public static class NotificationsSetup
{
    /// <summary>Registers the e-mail sender with the "Smtp" settings.</summary>
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        builder.Services.AddScoped<EmailSender>();
    }
}
