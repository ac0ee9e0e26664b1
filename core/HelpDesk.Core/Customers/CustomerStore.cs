using HelpDesk.Core.Storage;
using HelpDesk.Domain.Rules;

namespace HelpDesk.Core.Customers;

/// <summary>Requesters' segment, region and notification choice, keyed by their email (lowercase, as tickets store it).</summary>
public sealed class CustomerStore(Database database, TimeProvider time)
{
    public async Task SaveAsync(CustomerContext customer, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "INSERT INTO customers (email, segment, region, notify, updated_at) VALUES (@email, @segment, @region, @notify, @at) ON CONFLICT (email) DO UPDATE SET segment = excluded.segment, region = excluded.region, notify = excluded.notify, updated_at = excluded.updated_at")
            .With("@email", customer.Email.ToLowerInvariant()).With("@segment", customer.Segment).With("@region", customer.Region).With("@notify", customer.Notify ? 1 : 0)
            .With("@at", UnixTime.ToMs(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<CustomerContext?> GetAsync(string? email, CancellationToken cancellationToken) =>
        email is null ? null
            : await database.QueryAsync(
                "SELECT email, segment, region, notify FROM customers WHERE email = @email",
                c => c.With("@email", email.ToLowerInvariant()),
                r => new CustomerContext(r.GetString(0), r.NullableString(1), r.NullableString(2)) { Notify = r.GetInt32(3) != 0 },
                cancellationToken) is [var customer, ..] ? customer : null;
}
