using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Notifications.Outbox;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace AlAroma.Tests.Notifications;

/// <summary>Reading what the test SMTP server received: messages per recipient, the links in them, and sending what is queued.</summary>
public static class CapturedMail
{
    /// <summary>The messages received for <paramref name="address"/>, oldest first.</summary>
    public static List<MimeMessage> To(SmtpCapture smtp, string address) =>
        smtp.Messages().Select(raw => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw))))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => long.Parse(m.Headers[Web.Features.Notifications.Channels.Email.EmailSender.NotificationHeader] ?? "0")).ToList();

    /// <summary>Path and query of the first link of the HTML body whose address contains <paramref name="pathPart"/>; null when none.</summary>
    public static string? Link(MimeMessage message, string pathPart)
    {
        var m = Regex.Matches(message.HtmlBody ?? "", "href=\"([^\"]+)\"").Select(x => WebUtility.HtmlDecode(x.Groups[1].Value)).FirstOrDefault(h => h.Contains(pathPart));
        return m is null ? null : new Uri(m).PathAndQuery;
    }

    /// <summary>Sends every pending row of the outbox through <paramref name="host"/> (its SMTP settings).</summary>
    public static async Task SendQueuedAsync(WebApplicationFactory<Program> host, AppFixture app)
    {
        await using var db = app.Db();
        var ids = await db.Notifications.Where(n => n.Status == OutboxStatus.Pending || n.Status == OutboxStatus.Sending).Select(n => n.Id).ToListAsync();
        await OutboxKit.SendAllAsync(host, app, ids);
    }
}
