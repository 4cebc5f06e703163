using System.Net;
using System.Text.RegularExpressions;
using AlAroma.Tests.Infrastructure;
using MimeKit;

namespace AlAroma.E2E.Infrastructure;

/// <summary>
/// <see cref="AppServer"/> whose e-mail goes to a real SMTP capture server (<see cref="SmtpCapture"/>, aiosmtpd):
/// the app's outbox dispatcher sends as in production, and a test reads the links out of what arrived.
/// </summary>
public sealed class MailAppServer : AppServer
{
    public SmtpCapture Smtp { get; } = new();

    protected override async Task ConfigureAsync(IDictionary<string, string?> environment)
    {
        await Smtp.InitializeAsync();
        environment["Smtp__Host"] = "127.0.0.1";
        environment["Smtp__Port"] = Smtp.Port.ToString();
        environment["Notifications__Outbox__PollSeconds"] = "1";
    }

    /// <summary>The first link containing <paramref name="pathPart"/> in a message to <paramref name="address"/>, waiting up to 60 s for it to arrive.</summary>
    /// <exception cref="TimeoutException">No such message arrived.</exception>
    public async Task<string> WaitForLinkAsync(string address, string pathPart)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            foreach (var raw in Smtp.Messages())
            {
                var m = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
                if (!m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase))) continue;
                var link = Regex.Matches(m.HtmlBody ?? "", "href=\"([^\"]+)\"").Select(x => WebUtility.HtmlDecode(x.Groups[1].Value)).FirstOrDefault(h => h.Contains(pathPart));
                if (link is not null) return link;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"No e-mail to {address} with a {pathPart} link within 60 s.\n{Log}");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
