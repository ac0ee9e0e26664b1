using HelpDesk.Core.Storage;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HelpDesk.Core.Customers;

/// <summary>
/// A Quartz job every <see cref="CustomerContextOptions.RefreshInterval"/>: tickets still open whose context is stale
/// (a provider was down when they were opened) are looked up again, so the context fills in once the provider recovers;
/// so are tickets whose lookup never happened (lost to a crash), once a provider runs. The cache keeps a stale context
/// only for <see cref="CustomerContextOptions.StaleRetryAfter"/>, so this asks the providers at most that often per
/// customer.
/// </summary>
[DisallowConcurrentExecution]
public sealed class StaleContextRefresh(
    Database database, CustomerContextEnricher enricher, CustomerContexts contexts, TimeProvider time, ILogger<StaleContextRefresh> logger) : IJob
{
    public static readonly JobKey Key = new("stale-customer-context", "helpdesk");

    /// <summary>
    /// Open tickets with a stale context: the projection keeps it as JSON (TicketEventJson: nulls left out), so only a
    /// stale one names its reason. The partial index <c>ix_tickets_customer_stale</c> repeats this condition word for word.
    /// </summary>
    public const string StaleTickets = """
        SELECT number, requester_email FROM tickets
        WHERE customer LIKE '%"staleReason":%' AND status NOT IN ('solved', 'closed')
        ORDER BY number DESC LIMIT 500
        """;

    /// <summary>
    /// Open tickets without a context, after a minute's grace (the enricher is still on the newest ones). The partial
    /// index <c>ix_tickets_customer_missing</c> repeats this condition but the grace, word for word.
    /// </summary>
    public const string MissingContexts = """
        SELECT number, requester_email FROM tickets
        WHERE customer IS NULL AND status NOT IN ('solved', 'closed') AND created_at < @before
        ORDER BY number DESC LIMIT 500
        """;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await PassAsync(cancellationToken);

    /// <summary>One pass; returns how many tickets were looked at.</summary>
    public async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var stale = (await database.QueryAsync(StaleTickets, _ => { }, reader => (Number: reader.GetInt64(0), Email: reader.GetString(1)), cancellationToken)).ToList();
        if (contexts.AnyProviderRuns)
        {
            stale.AddRange(await database.QueryAsync(
                MissingContexts, command => command.With("@before", UnixTime.ToMs(time.GetUtcNow() - TimeSpan.FromMinutes(1))),
                reader => (Number: reader.GetInt64(0), Email: reader.GetString(1)), cancellationToken));
        }

        foreach (var ticket in stale)
        {
            try
            {
                await enricher.RecordAsync(ticket.Number, ticket.Email, refresh: false, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Refreshing the customer context of ticket {Ticket} failed; the next pass tries again", ticket.Number);
            }
        }

        return stale.Count;
    }
}
