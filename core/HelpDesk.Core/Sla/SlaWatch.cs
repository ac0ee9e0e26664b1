using HelpDesk.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace HelpDesk.Core.Sla;

/// <summary>
/// The SLA watch, a Quartz job every <see cref="SlaOptions.WatchInterval"/>: finds the tickets whose next warning or
/// due time has come (an index range on the projection, never a grain per ticket) and has each ticket's grain record
/// <c>SlaWarning</c> / <c>SlaBreached</c>; the grain records each once per target, so passes may overlap or repeat.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SlaWatch(SlaStore store, TicketCommands commands, TimeProvider time, IOptions<SlaOptions> options, ILogger<SlaWatch> logger) : IJob
{
    public static readonly JobKey Key = new("sla-watch", "helpdesk");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await PassAsync(cancellationToken);

    /// <summary>One pass; returns how many tickets it looked at.</summary>
    public async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await store.DueForCheckAsync(now, options.Value.MaxTicketsPerPass, cancellationToken);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (number, _) =>
        {
            var result = await commands.RecordSlaCrossingsAsync(number, SlaPolicies.Sla, now);
            if (result.Rejection is { } rejection)
            {
                logger.LogWarning("SLA watch could not record on ticket {Ticket}: {Reason}", number, rejection.Message);
            }
        });
        return due.Count;
    }
}
