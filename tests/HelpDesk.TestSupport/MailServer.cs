using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace HelpDesk.TestSupport;

/// <summary>
/// The real mail servers the email tests use, as <c>.ci/start-mail</c> runs them: Dovecot IMAP on 127.0.0.1:143 and
/// Postfix SMTP on 127.0.0.1:25, where any address logs in with <see cref="Password"/> and gets its own fresh maildir.
/// Override with <c>HELPDESK_TEST_IMAP</c> / <c>HELPDESK_TEST_SMTP</c> (<c>host:port</c>).
/// </summary>
public static class MailServer
{
    public const string Password = "secret";

    private static readonly Lazy<Task<bool>> Available = new(ProbeAsync);

    public static (string Host, int Port) Imap => Endpoint("HELPDESK_TEST_IMAP", 143);

    public static (string Host, int Port) Smtp => Endpoint("HELPDESK_TEST_SMTP", 25);

    public static async Task RequireAsync() =>
        ExternalService.Require(await Available.Value, $"No IMAP server at {Imap.Host}:{Imap.Port} and SMTP server at {Smtp.Host}:{Smtp.Port} (run .ci/start-mail, or set HELPDESK_TEST_IMAP / HELPDESK_TEST_SMTP).");

    /// <summary>A mailbox nobody used before.</summary>
    public static string NewAddress(string name, string domain = "helpdesk.test") => $"{name}-{Guid.NewGuid().ToString("N")[..10]}@{domain}";

    public static async Task<ImapClient> ConnectAsync(string address)
    {
        var client = new ImapClient { Timeout = 15_000 };
        await client.ConnectAsync(Imap.Host, Imap.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(address, Password);
        return client;
    }

    /// <summary>Puts messages straight into the mailbox's inbox, as if delivered.</summary>
    public static async Task AppendAsync(string address, IEnumerable<MimeMessage> messages)
    {
        using var client = await ConnectAsync(address);
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        foreach (var message in messages)
        {
            await client.Inbox.AppendAsync(message, MessageFlags.None);
        }

        await client.DisconnectAsync(true);
    }

    /// <summary>The inbox's messages once it has at least <paramref name="count"/> (Postfix delivers asynchronously).</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForInboxAsync(string address, int count, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            using var client = await ConnectAsync(address);
            await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
            var uids = await client.Inbox.SearchAsync(SearchQuery.All);
            if (uids.Count >= count || DateTime.UtcNow > deadline)
            {
                var messages = new List<MimeMessage>();
                foreach (var uid in uids)
                {
                    messages.Add(await client.Inbox.GetMessageAsync(uid));
                }

                await client.DisconnectAsync(true);
                return messages;
            }

            await client.DisconnectAsync(true);
            await Task.Delay(200);
        }
    }

    private static (string Host, int Port) Endpoint(string variable, int port) =>
        Environment.GetEnvironmentVariable(variable) is { } value && value.Split(':') is [var host, var p] && int.TryParse(p, out var parsed)
            ? (host, parsed)
            : ("127.0.0.1", port);

    private static async Task<bool> ProbeAsync()
    {
        foreach (var (host, port) in new[] { Imap, Smtp })
        {
            try
            {
                using var socket = new TcpClient();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.ConnectAsync(host, port, timeout.Token);
            }
            catch (Exception error) when (error is SocketException or OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }
}
