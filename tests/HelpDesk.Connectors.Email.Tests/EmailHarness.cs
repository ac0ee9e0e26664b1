using HelpDesk.Connectors.Email.Hosting;
using HelpDesk.Connectors.Email.Inbound;
using HelpDesk.Sdk.Testing;
using HelpDesk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Connectors.Email.Tests;

/// <summary>The email plugin loaded as the hub loads it, its mailboxes on the test Dovecot and its SMTP on the test Postfix.</summary>
internal static class EmailHarness
{
    public const string SupportSender = "support@helpdesk.test";

    public static Dictionary<string, string?> Mailbox(int index, string name, string address, Dictionary<string, string?>? defaults = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Mailboxes:{index}:Name"] = name,
            [$"Mailboxes:{index}:Address"] = address,
            [$"Mailboxes:{index}:Host"] = MailServer.Imap.Host,
            [$"Mailboxes:{index}:Port"] = MailServer.Imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Mailboxes:{index}:Security"] = "none",
            [$"Mailboxes:{index}:User"] = address,
            [$"Mailboxes:{index}:Password"] = MailServer.Password,
            [$"Mailboxes:{index}:PollInterval"] = "00:00:05",
        };
        foreach (var (key, value) in defaults ?? [])
        {
            settings[$"Mailboxes:{index}:{key}"] = value;
        }

        return settings;
    }

    public static Dictionary<string, string?> Smtp(int? port = null) => new()
    {
        ["Smtp:Host"] = MailServer.Smtp.Host,
        ["Smtp:Port"] = (port ?? MailServer.Smtp.Port).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "none",
        ["Smtp:From"] = SupportSender,
        ["Smtp:FromName"] = "HelpDesk Support",
        ["Smtp:Timeout"] = "00:00:03",
    };

    public static PluginHarness<EmailPlugin> For(Dictionary<string, string?> settings, MemoryPluginState? state = null, TimeProvider? time = null) =>
        new(settings, timeProvider: time, pluginId: "email", state: state);

    public static Dictionary<string, string?> Merge(params Dictionary<string, string?>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    public static EmailOptions Options(this PluginHarness<EmailPlugin> harness) => harness.Services.GetRequiredService<EmailOptions>();

    public static MailImporter Importer(this PluginHarness<EmailPlugin> harness) => harness.Services.GetRequiredService<MailImporter>();

    public static MailboxOptions MailboxOptions(this PluginHarness<EmailPlugin> harness, int index = 0) => harness.Services.GetRequiredService<EmailOptions>().Mailboxes[index];

    public static MailboxPoller Poller(this PluginHarness<EmailPlugin> harness, string mailbox) =>
        harness.Services.GetServices<Sdk.Capabilities.IScheduledTask>().OfType<MailboxPoller>().Single(p => p.Name == $"poll:{mailbox}");
}
