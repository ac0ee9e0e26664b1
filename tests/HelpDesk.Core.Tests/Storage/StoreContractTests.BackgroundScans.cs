using HelpDesk.Core.Customers;
using HelpDesk.Core.Escalations;
using HelpDesk.Core.Storage;

namespace HelpDesk.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    /// <summary>
    /// The periodic scans for a few tickets among all of them (failing escalations every 5 s, stale or missing customer
    /// contexts every minute) read their partial index: without one each read every ticket, seconds at a million.
    /// </summary>
    [Theory]
    [InlineData(EscalationRetries.TicketsToRetry, "ix_tickets_escalations_retry")]
    [InlineData(StaleContextRefresh.StaleTickets, "ix_tickets_customer_stale")]
    [InlineData(StaleContextRefresh.MissingContexts, "ix_tickets_customer_missing")]
    public async Task Background_scans_read_their_partial_index_not_every_ticket(string scan, string index)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        var postgres = Database.Provider == StorageProvider.PostgreSql;

        // On a near-empty table PostgreSQL would rightly read the table instead; the question is whether it can use the index.
        command.CommandText = postgres ? $"SET enable_seqscan = off; EXPLAIN {scan}" : $"EXPLAIN QUERY PLAN {scan}";
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("@before", 0L);
        command.Parameters.Add(parameter);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
        {
            while (await reader.ReadAsync(CancellationToken.None))
            {
                plan.Add(reader.GetString(reader.FieldCount - 1));
            }
        }

        Assert.Contains(plan, line => line.Contains(index, StringComparison.Ordinal));
    }
}
