using HelpDesk.Connectors.Email.Hosting;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using MailKit;
using MailKit.Search;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace HelpDesk.Connectors.Email.Inbound;

/// <summary>
/// Polls one mailbox on its own schedule (<c>poll:{name}</c>). Each message, oldest first, is imported; only once its
/// ticket event is durable is the message flagged (or moved) and the checkpoint advanced past it, so a crash or a
/// timeout at any point re-reads at most the message in hand, which the import recognises by its Message-ID.
/// </summary>
public sealed partial class MailboxPoller(
    MailboxOptions mailbox, MailImporter importer, IHelpDeskApi hub, IPluginState state, ILogger<MailboxPoller> logger) : IScheduledTask, IAsyncDisposable
{
    // Scheduled runs and IDLE-triggered imports take turns: never two imports of one mailbox at once.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private MailboxWatcher? _watcher;

    // A problem from an earlier load may be showing: the first good poll clears it, later ones need not ask the database.
    private bool _problemMayShow = true;

    /// <summary>The keyword processed messages carry when they stay in the folder.</summary>
    public const string ImportedKeyword = "$HelpDesk";

    /// <summary>The keyword of messages held back by the sender rate limit.</summary>
    public const string HeldKeyword = "$HelpDeskHeld";

    public string Name => $"poll:{mailbox.Name}";

    public TaskSchedule Schedule { get; } = new(PollSchedule.Cron(mailbox.PollInterval)!);

    public async Task RunAsync(ScheduledTaskContext context, CancellationToken cancellationToken)
    {
        if (mailbox.Idle)
        {
            _watcher ??= new MailboxWatcher(mailbox, ImportNowAsync, logger);
            _watcher.EnsureStarted();
        }

        // An import started by IDLE is doing this run's work: waiting for it would only run into the call timeout.
        if (!await _oneAtATime.WaitAsync(0, cancellationToken))
        {
            return;
        }

        try
        {
            await PollOnceAsync(cancellationToken);
            if (_problemMayShow)
            {
                await state.ClearProblemAsync(ProblemKey, cancellationToken);
                _problemMayShow = false;
            }
        }
        catch (Exception error) when (error is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _problemMayShow = true;
            await state.ReportProblemAsync(ProblemKey, $"Mailbox '{mailbox.Name}' ({mailbox.User} at {mailbox.Host}:{mailbox.Port}) could not be polled: {error.Message}", CancellationToken.None);
            throw;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    // Not the semaphore: a run the hub abandoned at unload may still release it afterwards.
    public async ValueTask DisposeAsync()
    {
        if (_watcher is { } watcher)
        {
            await watcher.DisposeAsync();
        }
    }

    /// <summary>Imports what is new, waiting for an import already running; returns how many messages it took.</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await PollOnceAsync(cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task ImportNowAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PollAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The next scheduled poll reports and retries it.
            LogIdleImportFailed(error, mailbox.Name);
        }
    }

    private async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        using var client = await MailboxConnection.OpenAsync(mailbox, cancellationToken);
        var folder = await client.GetFolderAsync(mailbox.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var checkpoint = MailboxCheckpoint.Parse(await state.GetAsync(MailboxCheckpoint.Key(mailbox.Name), cancellationToken));
        var after = checkpoint?.ResumeAfter(folder.UidValidity) ?? 0;

        // "n:*" always includes the newest message, even below n: the filter keeps only what is really new.
        var uids = (await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(folder.UidValidity, after + 1), UniqueId.MaxValue)), cancellationToken))
            .Where(uid => uid.Id > after)
            .OrderBy(uid => uid.Id)
            .Take(mailbox.MaxPerPoll)
            .ToList();
        if (uids.Count == 0)
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
            return 0;
        }

        IMailFolder? processed = mailbox.ProcessedFolder is { } name ? await client.GetFolderAsync(name, cancellationToken) : null;
        foreach (var uid in uids)
        {
            var held = await ImportOneAsync(folder, uid, cancellationToken);
            if (processed is not null && !held)
            {
                await folder.MoveToAsync(uid, processed, cancellationToken);
            }
            else
            {
                await folder.StoreAsync(uid, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Keywords = { held ? HeldKeyword : ImportedKeyword } }, cancellationToken);
            }

            await state.SetAsync(MailboxCheckpoint.Key(mailbox.Name), new MailboxCheckpoint(folder.UidValidity, uid.Id).ToString(), cancellationToken);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        return uids.Count;
    }

    private string ProblemKey => $"mailbox:{mailbox.Name}";

    // True when the message was held back by the sender limit.
    private async Task<bool> ImportOneAsync(IMailFolder folder, UniqueId uid, CancellationToken cancellationToken)
    {
        using var raw = new MemoryStream();
        await using (var stream = await folder.GetStreamAsync(uid, cancellationToken))
        {
            await stream.CopyToAsync(raw, cancellationToken);
        }

        MimeMessage message;
        try
        {
            raw.Position = 0;
            message = await MimeMessage.LoadAsync(raw, cancellationToken);
        }
        catch (FormatException error)
        {
            await KeepUnparseableAsync(folder, uid, raw, error, cancellationToken);
            return false;
        }

        var sender = MailNoise.Sender(message);
        var outcome = await importer.ImportAsync(mailbox, message, sender, MailThreading.MessageId(message, raw.GetBuffer().AsSpan(0, (int)raw.Length)), cancellationToken);
        if (outcome is ImportOutcome.Noise or ImportOutcome.Held)
        {
            LogSkipped(mailbox.Name, uid.Id, outcome, sender);
        }

        if (outcome == ImportOutcome.Held)
        {
            // Keyed by a hash: an address may be longer than a state key may be.
            var senderKey = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sender ?? "")))[..16];
            await state.ReportProblemAsync(
                $"held:{mailbox.Name}:{senderKey}",
                $"Mail from {sender} to mailbox '{mailbox.Name}' passed the sender limit and was not imported; it is left flagged {HeldKeyword}.",
                cancellationToken);
        }

        return outcome == ImportOutcome.Held;
    }

    // Never dropped: the raw message goes to the attachment store and an admin sees where it is.
    private async Task KeepUnparseableAsync(IMailFolder folder, UniqueId uid, MemoryStream raw, FormatException error, CancellationToken cancellationToken)
    {
        raw.Position = 0;
        var kept = await hub.StoreAttachmentAsync($"{mailbox.Name}-{folder.UidValidity}-{uid.Id}.eml", "message/rfc822", raw, cancellationToken);
        await state.ReportProblemAsync(
            $"unparseable:{mailbox.Name}:{folder.UidValidity}:{uid.Id}",
            $"Message UID {uid.Id} in mailbox '{mailbox.Name}' could not be read as an email ({error.Message}); its raw form is kept as attachment {kept.Id}.",
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: importing on IDLE failed; the next poll tries again")]
    private partial void LogIdleImportFailed(Exception error, string mailbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox}: message UID {Uid} from {Sender} not imported ({Outcome})")]
    private partial void LogSkipped(string mailbox, uint uid, ImportOutcome outcome, string? sender);
}
