using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace HelpDesk.Server.Tests.Email;

/// <summary>A hub running the real email plugin against the test Dovecot and Postfix, polling every second.</summary>
internal static class EmailHub
{
    public const string Sender = "noreply@helpdesk.test";

    public static Dictionary<string, string?> Mailbox(int index, string name, string address, string tag, Dictionary<string, string?>? defaults = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"HelpDesk:Plugins:email:Mailboxes:{index}:Name"] = name,
            [$"HelpDesk:Plugins:email:Mailboxes:{index}:Address"] = address,
            [$"HelpDesk:Plugins:email:Mailboxes:{index}:Host"] = MailServer.Imap.Host,
            [$"HelpDesk:Plugins:email:Mailboxes:{index}:Port"] = MailServer.Imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"HelpDesk:Plugins:email:Mailboxes:{index}:Security"] = "none",
            [$"HelpDesk:Plugins:email:Mailboxes:{index}:User"] = address,
            [$"HelpDesk:Plugins:email:Mailboxes:{index}:Password"] = MailServer.Password,
            [$"HelpDesk:Plugins:email:Mailboxes:{index}:PollInterval"] = "00:00:01",
            [$"HelpDesk:Plugins:email:Mailboxes:{index}:Tags:0"] = tag,
        };
        foreach (var (key, value) in defaults ?? [])
        {
            settings[$"HelpDesk:Plugins:email:Mailboxes:{index}:{key}"] = value;
        }

        return settings;
    }

    public static Dictionary<string, string?> Smtp(int port) => new()
    {
        ["HelpDesk:Plugins:email:Smtp:Host"] = MailServer.Smtp.Host,
        ["HelpDesk:Plugins:email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["HelpDesk:Plugins:email:Smtp:Security"] = "none",
        ["HelpDesk:Plugins:email:Smtp:From"] = Sender,
        ["HelpDesk:Plugins:email:Smtp:FromName"] = "Support",
        ["HelpDesk:Plugins:email:Smtp:Timeout"] = "00:00:03",

        // Quick retries, so a test sees several attempts fail during an outage.
        ["HelpDesk:EventFeed:FirstRetryDelay"] = "00:00:00.100",
        ["HelpDesk:EventFeed:MaxRetryDelay"] = "00:00:00.500",
        ["HelpDesk:PluginHost:CallTimeout"] = "00:00:30",
    };

    public static async Task<HelpDeskApp> StartAsync(Dictionary<string, string?> settings)
    {
        await MailServer.RequireAsync();
        var app = HelpDeskApp.Sqlite(settings);
        FixturePlugins.InstallEmail(app.PluginsDirectory);
        await PluginStates.WaitUntilRunningAsync(app.Admin(), "email", TimeSpan.FromSeconds(20));
        return app;
    }

    /// <summary>Mails a message through the real Postfix, as a customer's provider would hand it over.</summary>
    public static async Task SendAsync(MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(MailServer.Smtp.Host, MailServer.Smtp.Port, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }

    public static MimeMessage Mail(string from, string to, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.test") };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }
}
