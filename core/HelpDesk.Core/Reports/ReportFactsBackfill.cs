using HelpDesk.Core.Storage;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Core.Reports;

/// <summary>
/// Gives the tickets written before the report facts existed their row, by replaying each one's events. The upsert
/// keeps the newest version, so a ticket that changed meanwhile (the projection wrote its facts) is left alone, and
/// several nodes doing it at once, or a restart halfway, do no harm.
/// </summary>
public sealed class ReportFactsBackfill(Database database, ITicketEventStore events, ILogger<ReportFactsBackfill> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private const string DoneMarker = "report-facts-filled";

    private const string Missing = """
        SELECT t.number FROM tickets t WHERE t.number > @after AND NOT EXISTS (SELECT 1 FROM report_facts f WHERE f.number = t.number)
        ORDER BY t.number LIMIT @batch
        """;

    /// <summary>Fills every ticket missing its facts; returns how many it filled.</summary>
    public async Task<int> FillAsync(CancellationToken cancellationToken)
    {
        var (after, filled) = (0L, 0);
        while (true)
        {
            var numbers = await database.QueryAsync(Missing, c => c.With("@after", after).With("@batch", BatchSize), r => r.GetInt64(0), cancellationToken);
            if (numbers.Count == 0)
            {
                return filled;
            }

            foreach (var number in numbers)
            {
                var ticket = new TicketState();
                foreach (var stored in await events.ReadTicketAsync(number, cancellationToken))
                {
                    ticket.Apply(stored.Event);
                }

                filled += await database.ExecuteAsync(TicketReportFacts.Upsert, c => c.WithReportFacts(ticket), cancellationToken);
            }

            after = numbers[^1];
        }
    }

    /// <summary>Records that every ticket has its facts, so no start scans for missing ones again.</summary>
    public static Task MarkCompleteAsync(Database database, CancellationToken cancellationToken) =>
        database.ExecuteAsync($"INSERT INTO counters (name, value) VALUES ('{DoneMarker}', 1) ON CONFLICT (name) DO NOTHING", _ => { }, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Every ticket written since the table exists gets its row from the projection, so once a pass has found
            // none missing, no later start needs to scan every ticket again.
            if (await database.Int64Async($"SELECT COUNT(*) FROM counters WHERE name = '{DoneMarker}'", _ => { }, stoppingToken) > 0)
            {
                return;
            }

            if (await FillAsync(stoppingToken) is > 0 and var filled)
            {
                logger.LogInformation("Report facts filled in for {Count} tickets written before they existed", filled);
            }

            await MarkCompleteAsync(database, stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Reports on those tickets lack their facts until the next start; the hub itself is unaffected.
            logger.LogError(error, "Filling in the report facts of older tickets failed");
        }
    }
}
