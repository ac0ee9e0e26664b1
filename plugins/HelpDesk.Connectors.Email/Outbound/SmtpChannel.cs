using System.Net.Sockets;
using HelpDesk.Connectors.Email.Hosting;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using MailKit.Net.Smtp;
using MimeKit;

namespace HelpDesk.Connectors.Email.Outbound;

/// <summary>
/// The <c>email</c> channel: sends what the hub's durable feed hands it over SMTP, threaded under the customer's
/// messages (Message-ID, In-Reply-To, References), with the ticket number in the subject and the ticket's mailbox as
/// Reply-To; a report, about no ticket, with its CSV attached and its charts inline. A message the server accepted is remembered by its Message-ID, so the feed's redelivery after a crash or
/// a timeout does not send it twice; a server that is down fails the call and the feed retries later.
/// </summary>
public sealed class SmtpChannel(EmailOptions options, IHelpDeskApi hub, IPluginState state) : IOutboundChannel
{
    private readonly SmtpOptions smtp = options.Smtp ?? throw new InvalidOperationException("SmtpChannel needs Smtp settings.");

    public string Name => "email";

    public async Task<OutboundReceipt> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var sentKey = $"sent:{message.MessageId}";
        if (await state.GetAsync(sentKey, cancellationToken) is not null)
        {
            return new OutboundReceipt(message.MessageId);
        }

        var ticket = OutboundMail.IsAboutTicket(message) ? await hub.GetTicketAsync(message.Ticket, cancellationToken) : null;
        var mailbox = ticket?.Fields.TryGetValue("mailbox", out var name) == true ? options.Mailboxes.FirstOrDefault(m => m.Name == name) : null;
        var mime = OutboundMail.Compose(message, smtp, mailbox?.Address ?? message.ReplyTo);

        try
        {
            using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security.ToSocketOptions(), cancellationToken);
            if (smtp.User is { } user)
            {
                await client.AuthenticateAsync(user, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await state.SetAsync(sentKey, "sent", CancellationToken.None);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception error) when (IsOutage(error))
        {
            throw new ChannelUnavailableException($"SMTP server {smtp.Host}:{smtp.Port} cannot take mail now: {error.Message}", error);
        }

        return new OutboundReceipt(message.MessageId);
    }

    // The server is down, slow, or says "try later" (4xx): the hub waits it out. A 5xx refusal or a failed login is not
    // an outage; those fail the call and are set aside after the hub's attempts, for an admin to look at.
    private static bool IsOutage(Exception error) => error switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SocketException or IOException or TimeoutException or SmtpProtocolException or MailKit.ServiceNotConnectedException => true,
        _ => false,
    };
}
