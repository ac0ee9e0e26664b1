using HelpDesk.Connectors.Email.Hosting;
using MailKit.Net.Imap;
using MailKit.Security;

namespace HelpDesk.Connectors.Email.Inbound;

/// <summary>Opens an authenticated IMAP session to a mailbox, by password or OAuth2 token.</summary>
public static class MailboxConnection
{
    public static async Task<ImapClient> OpenAsync(MailboxOptions mailbox, CancellationToken cancellationToken)
    {
        // Under the hub's 10 s call timeout, so a hung server shows as this mailbox's problem, not as a cancelled run.
        var client = new ImapClient { Timeout = 8_000 };
        try
        {
            await client.ConnectAsync(mailbox.Host, mailbox.Port, mailbox.Security.ToSocketOptions(), cancellationToken);
            if (mailbox.AccessToken is { Length: > 0 } token)
            {
                await client.AuthenticateAsync(new SaslMechanismOAuth2(mailbox.User, token), cancellationToken);
            }
            else
            {
                await client.AuthenticateAsync(mailbox.User, mailbox.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
