using System.Diagnostics;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpDesk.Benchmarks;

/// <summary>
/// The same rows a create writes (event, projection row, subject and description texts with their FTS entries),
/// through the store's own writer, in one process with no HTTP and no grains: the ceiling the hub is measured against.
/// </summary>
public static class RawSqliteBaseline
{
    private static readonly TicketDecider Decider = new(PriorityMatrix.Default);
    private static readonly Actor Agent = new(ActorKind.Agent, "bench");

    /// <summary>Tickets per second with each ticket its own fsync'd commit.</summary>
    public static Task<double> OneCommitPerTicketAsync(int tickets) => RunAsync(tickets, batchSize: 1);

    /// <summary>Tickets per second with <paramref name="batchSize"/> tickets per fsync'd commit.</summary>
    public static Task<double> BatchedAsync(int tickets, int batchSize) => RunAsync(tickets, batchSize);

    private static async Task<double> RunAsync(int tickets, int batchSize)
    {
        var directory = Directory.CreateTempSubdirectory("helpdesk-bench-raw-").FullName;
        try
        {
            await using var database = SqliteDatabase.InDirectory(directory);
            await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
            await using var writer = new TicketEventWriter(database, Options.Create(new StorageOptions { MaxBatchSize = batchSize }), NullLogger<TicketEventWriter>.Instance);
            var clock = Stopwatch.StartNew();
            await OpenTicketsAsync(writer, tickets, batchSize);
            return tickets / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Opens tickets 1 to <paramref name="tickets"/> through the writer, <paramref name="batchSize"/> per commit.</summary>
    public static async Task OpenTicketsAsync(TicketEventWriter writer, int tickets, int batchSize)
    {
        for (var first = 1; first <= tickets; first += batchSize)
        {
            // A batch's appends are queued together, so the writer commits them as one transaction.
            await Task.WhenAll(Enumerable.Range(first, Math.Min(batchSize, tickets - first + 1)).Select(n => writer.AppendAsync(NewTicket(n))));
        }
    }

    private static TicketAppend NewTicket(long number)
    {
        var state = new TicketState();
        // The same ticket HttpCreateLoad posts, so both write the same rows.
        var command = new OpenTicket("Printer on fire", "The office printer is smoking.", new Requester("ana@example.com", "Ana", "pt-BR", "America/Sao_Paulo", null))
        {
            Impact = Impact.High,
            Urgency = Urgency.High,
            Tags = ["hardware"],
        };
        var events = Decider.Open(state, number, command, Agent, DateTimeOffset.UtcNow).Events;
        var result = state.Copy();
        foreach (var @event in events)
        {
            result.Apply(@event);
        }

        return new TicketAppend(number, 0, events, result);
    }
}
