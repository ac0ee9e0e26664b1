using System.Text;
using HelpDesk.Connectors.Email.Inbound;
using HelpDesk.Connectors.Email.Outbound;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Connectors.Email.Hosting;

/// <summary>
/// The email channel: one poll task per configured mailbox, the <c>email</c> outbound channel over SMTP, and a status
/// task that shows configuration problems on the plugin's admin status. Without configuration the plugin still runs,
/// says what is missing, and refuses to send: notifications are set aside after the feed's attempts, to be replayed
/// once SMTP is set up (waiting instead would hold every later notification behind them).
/// </summary>
public sealed class EmailPlugin : IHelpDeskPlugin
{
    /// <inheritdoc/>
    public void Register(PluginContext context)
    {
        // Before MimeKit builds its charset table: without the code pages it cannot read ISO-2022-JP, EUC-KR, Shift_JIS….
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var options = EmailOptionsReader.Read(context.Configuration, out var problems);
        context.Services.AddSingleton(options);
        context.Services.AddSingleton<IScheduledTask>(sp => new ConfigurationStatus(problems, options, sp.GetRequiredService<IPluginState>()));

        if (options.Smtp is not null)
        {
            context.Services.AddSingleton<IOutboundChannel, SmtpChannel>();
        }
        else
        {
            context.Services.AddSingleton<IOutboundChannel>(new UnconfiguredChannel());
        }

        context.Services.AddSingleton(sp => new SenderRateLimit(options.SenderLimit, options.SenderWindow, sp.GetRequiredService<TimeProvider>()));
        context.Services.AddSingleton(sp => new MailAttachments(sp.GetRequiredService<IHelpDeskApi>(), options.MaxAttachmentBytes));
        context.Services.AddSingleton<MailImporter>();
        foreach (var mailbox in options.Mailboxes)
        {
            context.Services.AddSingleton<IScheduledTask>(sp => new MailboxPoller(
                mailbox,
                sp.GetRequiredService<MailImporter>(),
                sp.GetRequiredService<IHelpDeskApi>(),
                sp.GetRequiredService<IPluginState>(),
                sp.GetRequiredService<ILogger<MailboxPoller>>()));
        }
    }
}
