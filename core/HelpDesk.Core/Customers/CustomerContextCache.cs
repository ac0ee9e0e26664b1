using System.Text.Json;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Customers;
using HelpDesk.Domain.Events;

namespace HelpDesk.Core.Customers;

/// <summary>The latest context per customer, with when it must be asked for again; in the database, so every node shares it.</summary>
public sealed class CustomerContextCache(Database database)
{
    public async Task<(CustomerSnapshot Context, DateTimeOffset ExpiresAt)?> GetAsync(string email, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            "SELECT context, expires_at FROM customer_contexts WHERE email = @email",
            command => command.With("@email", email),
            reader => (JsonSerializer.Deserialize<CustomerSnapshot>(reader.GetString(0), TicketEventJson.Options)!, UnixTime.FromMs(reader.GetInt64(1))),
            cancellationToken) is [var found, ..] ? found : null;

    public Task SaveAsync(CustomerSnapshot context, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            INSERT INTO customer_contexts (email, context, fetched_at, expires_at) VALUES (@email, @context, @fetched, @expires)
            ON CONFLICT (email) DO UPDATE SET context = excluded.context, fetched_at = excluded.fetched_at, expires_at = excluded.expires_at
            WHERE customer_contexts.fetched_at <= excluded.fetched_at
            """,
            command => command.With("@email", context.Email).With("@context", JsonSerializer.Serialize(context, TicketEventJson.Options))
                .With("@fetched", UnixTime.ToMs(context.FetchedAt)).With("@expires", UnixTime.ToMs(expiresAt)),
            cancellationToken);
}
