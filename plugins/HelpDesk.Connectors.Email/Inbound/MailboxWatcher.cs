using HelpDesk.Connectors.Email.Hosting;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Connectors.Email.Inbound;

/// <summary>
/// Between polls, waits on the mailbox with IMAP IDLE (where the server offers it) and imports as soon as a message
/// arrives, so a customer's mail becomes a ticket in seconds, not at the next poll. It only triggers the poller's own
/// import, one at a time with the scheduled polls, so exactly-once stays the poller's business. Stopped when the
/// plugin is unloaded; a lost connection is reopened after a growing pause, and the scheduled polls carry on regardless.
/// </summary>
public sealed partial class MailboxWatcher(MailboxOptions mailbox, Func<CancellationToken, Task> import, ILogger logger) : IAsyncDisposable
{
    // Servers may end an IDLE after 30 minutes (RFC 2177); it is renewed well before.
    private static readonly TimeSpan IdleRenewal = TimeSpan.FromMinutes(9);
    private static readonly TimeSpan FirstReconnect = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LastReconnect = TimeSpan.FromMinutes(5);

    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task? _watching;

    /// <summary>Starts watching, once; later calls do nothing.</summary>
    public void EnsureStarted()
    {
        lock (_gate)
        {
            _watching ??= Task.Run(() => WatchAsync(_stop.Token));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_watching is { } watching)
        {
            await watching.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }

    private async Task WatchAsync(CancellationToken stop)
    {
        var pause = FirstReconnect;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var client = await MailboxConnection.OpenAsync(mailbox, stop);
                if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
                {
                    LogNoIdle(mailbox.Name);
                    return;
                }

                var folder = await client.GetFolderAsync(mailbox.Folder, stop);
                await folder.OpenAsync(FolderAccess.ReadOnly, stop);
                pause = FirstReconnect;

                // What came while nobody watched (since the last poll, or during a reconnect) is imported first.
                await import(stop);
                while (!stop.IsCancellationRequested)
                {
                    if (await IdleUntilMailAsync(client, folder, stop))
                    {
                        await import(stop);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // Backing off: a refused login retried every few seconds can lock the account.
                LogLost(error, mailbox.Name, pause);
                await Task.Delay(pause, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LastReconnect.Ticks));
            }
        }
    }

    // True when messages arrived; false when the IDLE was only renewed.
    private static async Task<bool> IdleUntilMailAsync(ImapClient client, IMailFolder folder, CancellationToken stop)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stop);
        done.CancelAfter(IdleRenewal);
        // The count also changes when messages leave (the poller moves them): only more messages mean new mail.
        var before = folder.Count;
        var arrived = false;
        void OnArrival(object? sender, EventArgs e)
        {
            if (folder.Count > before)
            {
                arrived = true;
                done.Cancel();
            }
            else
            {
                before = folder.Count;
            }
        }

        folder.CountChanged += OnArrival;
        try
        {
            await client.IdleAsync(done.Token, stop);
        }
        finally
        {
            folder.CountChanged -= OnArrival;
        }

        return arrived;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox}: the server offers no IDLE; it is polled on its interval only")]
    private partial void LogNoIdle(string mailbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: watching with IDLE failed; reconnecting in {Pause} (the scheduled polls continue)")]
    private partial void LogLost(Exception error, string mailbox, TimeSpan pause);
}
