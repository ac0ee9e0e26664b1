using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using HelpDesk.Core.EventFeed;
using HelpDesk.Domain.Events;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Storage;

/// <summary>
/// Group commit: appends from many grains queue here and one loop writes them in a single transaction,
/// so one fsync serves many tickets. Each append still gets its own version check and its own answer,
/// and no caller hears "done" before its commit is on disk.
/// </summary>
public sealed class TicketEventWriter : IAsyncDisposable
{
    private const string CurrentVersion = "SELECT COALESCE(MAX(version), 0) FROM ticket_events WHERE ticket = @ticket";

    private const string InsertEvent = """
        INSERT INTO ticket_events (ticket, version, type, data, actor_kind, actor_id, occurred_at)
        VALUES (@ticket, @version, @type, @data, @actor_kind, @actor_id, @at)
        """;

    private readonly Database _database;
    private readonly ILogger<TicketEventWriter> _logger;
    private readonly int _maxBatch;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true });
    private readonly Task _loop;

    private readonly FeedSignal? _committed;

    public TicketEventWriter(Database database, IOptions<StorageOptions> options, ILogger<TicketEventWriter> logger, FeedSignal? committed = null)
    {
        _database = database;
        _committed = committed;
        _logger = logger;
        _maxBatch = Math.Max(1, options.Value.MaxBatchSize);
        _loop = Task.Run(RunAsync);
    }

    public Task<AppendOutcome> AppendAsync(TicketAppend append)
    {
        var pending = new PendingAppend(append);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(TicketEventWriter), "The event writer has stopped.");
        }

        return pending.Outcome.Task;
    }

    public async ValueTask DisposeAsync()
    {
        // Finish what is queued: those callers are waiting for their commit.
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingAppend>(_maxBatch);
        DbConnection? connection = null;
        PreparedCommands? commands = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                try
                {
                    connection ??= await _database.OpenAsync(CancellationToken.None);
                    commands ??= new PreparedCommands(connection);
                    await CommitAsync(connection, commands, batch);
                }
                catch (Exception error)
                {
                    _logger.LogError(error, "Appending a batch of {Count} failed", batch.Count);
                    await DisposeConnectionAsync(connection, commands);
                    (connection, commands) = (null, null);
                    await RetryOneByOneAsync(batch, error);
                }
            }
        }
        finally
        {
            await DisposeConnectionAsync(connection, commands);
        }
    }

    // One bad append must not fail the others that happened to share its transaction.
    private async Task RetryOneByOneAsync(List<PendingAppend> batch, Exception batchError)
    {
        if (batch.Count == 1)
        {
            batch[0].Outcome.TrySetException(batchError);
            return;
        }

        foreach (var pending in batch)
        {
            try
            {
                await using var connection = await _database.OpenAsync(CancellationToken.None);
                await using var commands = new PreparedCommands(connection);
                await CommitAsync(connection, commands, [pending]);
            }
            catch (Exception error)
            {
                pending.Outcome.TrySetException(error);
            }
        }
    }

    private async Task CommitAsync(DbConnection connection, PreparedCommands commands, List<PendingAppend> batch)
    {
        // Once queued, an append is seen through: its caller is waiting for the commit, not for a cancellation.
        var token = CancellationToken.None;
        await using var transaction = await connection.BeginTransactionAsync(token);
        commands.Transaction = transaction;
        if (_database.AppendLockSql.Length > 0)
        {
            await commands.Get(_database.AppendLockSql).ExecuteNonQueryAsync(token);
        }

        var projection = new TicketProjectionWriter(commands);
        var outcomes = new AppendOutcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var append = batch[i].Append;
            var current = Convert.ToInt32(
                await commands.Get(CurrentVersion).With("@ticket", append.Ticket).ExecuteScalarAsync(token),
                System.Globalization.CultureInfo.InvariantCulture);
            if (current != append.ExpectedVersion)
            {
                outcomes[i] = AppendOutcome.VersionConflict;
                continue;
            }

            await InsertEventsAsync(commands, append, token);
            await projection.WriteAsync(append, token);
            outcomes[i] = AppendOutcome.Appended;
        }

        await transaction.CommitAsync(token);
        commands.Transaction = null;
        _committed?.Ring();
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Outcome.TrySetResult(outcomes[i]);
        }
    }

    private static async Task InsertEventsAsync(PreparedCommands commands, TicketAppend append, CancellationToken cancellationToken)
    {
        var version = append.ExpectedVersion;
        foreach (var @event in append.Events)
        {
            version++;
            await commands.Get(InsertEvent)
                .With("@ticket", append.Ticket).With("@version", version).With("@type", TicketEventTypes.NameOf(@event))
                .With("@data", TicketEventJson.Serialize(@event)).With("@actor_kind", Names.Of(@event.Actor.Kind))
                .With("@actor_id", @event.Actor.Id).With("@at", UnixTime.ToMs(@event.At))
                .ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task DisposeConnectionAsync(DbConnection? connection, PreparedCommands? commands)
    {
        if (commands is not null)
        {
            await commands.DisposeAsync();
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    private sealed record PendingAppend(TicketAppend Append)
    {
        public TaskCompletionSource<AppendOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
