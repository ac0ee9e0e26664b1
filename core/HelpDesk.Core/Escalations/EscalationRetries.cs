using HelpDesk.Core.Queries;
using HelpDesk.Core.Retries;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Escalations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Escalations;

/// <summary>
/// Retries failing escalations apart from the event feed, so one tracker's outage holds up neither the feed nor other
/// escalations: each is tried again after a backoff that doubles from <see cref="EscalationOptions.FirstRetryDelay"/>
/// to <see cref="EscalationOptions.MaxRetryDelay"/>, and abandoned (recorded on the ticket) after
/// <see cref="EscalationOptions.MaxAttempts"/>. Attempt counts live in memory: after a restart an escalation gets its
/// attempts again. Every silo runs this; the tracker's idempotency key and the ticket's single writer make a doubled
/// attempt harmless.
/// </summary>
public sealed class EscalationRetries(
    Database database, TicketQueries queries, EscalationWorker worker, IOptions<EscalationOptions> options, TimeProvider time, ILogger<EscalationRetries> logger)
    : BackgroundService
{
    /// <summary>
    /// The tickets with a failing escalation or notes waiting for one. The projection stores escalations as JSON; a
    /// failing one is spelled like this in it (TicketEventJson: camelCase, kebab-case enums). The partial index
    /// <c>ix_tickets_escalations_retry</c> repeats this condition word for word: change both together.
    /// </summary>
    public const string TicketsToRetry = """
        SELECT number FROM tickets WHERE escalations LIKE '%"state":"failing"%' OR escalations LIKE '%"pendingNotes":[{%'
        ORDER BY number LIMIT 200
        """;

    private readonly Dictionary<string, (int Attempts, DateTimeOffset Due)> _schedule = [];

    private async Task RetryAsync(
        string key, DateTimeOffset now, EscalationOptions settings, Func<CancellationToken, Task<bool>> attempt, Func<int, Task>? abandon, CancellationToken cancellationToken)
    {
        // The feed's attempt was the first; the first retry waits one delay from when this service saw it failing.
        var (attempts, due) = _schedule.GetValueOrDefault(key, (1, now + settings.FirstRetryDelay));
        if (due > now)
        {
            _schedule[key] = (attempts, due);
            return;
        }

        if (abandon is not null && attempts >= settings.MaxAttempts)
        {
            await abandon(attempts);
            _schedule.Remove(key);
            return;
        }

        if (await attempt(cancellationToken))
        {
            _schedule.Remove(key);
            return;
        }

        var delay = RetryBackoff.Doubling(settings.FirstRetryDelay, settings.MaxRetryDelay, attempts);
        _schedule[key] = (attempts + 1, time.GetUtcNow() + delay);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetryScanInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RetryDueAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(error, "Retrying failing escalations failed; trying again at the next scan");
            }
        }
    }

    private async Task RetryDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var numbers = await database.QueryAsync(TicketsToRetry, _ => { }, reader => reader.GetInt64(0), cancellationToken);
        foreach (var number in numbers)
        {
            if (await queries.GetAsync(number, cancellationToken) is not { } ticket)
            {
                continue;
            }

            foreach (var escalation in ticket.Escalations.Where(e => e.State == EscalationState.Failing))
            {
                await RetryAsync(escalation.Id, now, settings, token => worker.AttemptAsync(ticket, escalation, token),
                    attempts => worker.AbandonAsync(number, escalation, attempts), cancellationToken);
            }

            // Notes wait for as long as it takes: the issue exists, and the note is the agent's word to engineering.
            foreach (var escalation in ticket.Escalations.Where(e => e.State == EscalationState.Done))
            {
                foreach (var note in escalation.PendingNotes)
                {
                    await RetryAsync($"note:{note.Id}", now, settings, token => worker.DeliverNoteAsync(number, escalation, note, token), abandon: null, cancellationToken);
                }
            }
        }
    }
}
