using System.Data.Common;
using HelpDesk.Core.Storage;

namespace HelpDesk.Core.Security;

public sealed class ApiKeyStore(Database database, TimeProvider time)
{
    private const string Columns = "id, name, scope, customer_email, prefix, created_at, agent_id";

    /// <summary>Stores a new key and returns it with its secret, which is shown this once and never again.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, ApiKeyScope scope, string? customerEmail, string? secret, CancellationToken cancellationToken, string? agentId = null)
    {
        secret ??= ApiKeySecret.Generate();
        var key = new ApiKey(Guid.CreateVersion7().ToString("N"), name, scope, customerEmail?.ToLowerInvariant(), ApiKeySecret.Visible(secret), time.GetUtcNow()) { AgentId = agentId };
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "INSERT INTO api_keys (id, name, scope, customer_email, hash, prefix, created_at, agent_id) VALUES (@id, @name, @scope, @customer, @hash, @prefix, @at, @agent)")
            .With("@id", key.Id).With("@name", key.Name).With("@scope", Names.Of(key.Scope)).With("@customer", key.CustomerEmail)
            .With("@hash", ApiKeySecret.Hash(secret)).With("@prefix", key.Prefix).With("@at", UnixTime.ToMs(key.CreatedAt)).With("@agent", key.AgentId);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return (key, secret);
    }

    public async Task<ApiKey?> FindBySecretAsync(string secret, CancellationToken cancellationToken)
    {
        var keys = await QueryAsync($"SELECT {Columns} FROM api_keys WHERE hash = @hash AND revoked_at IS NULL", c => c.With("@hash", ApiKeySecret.Hash(secret)), cancellationToken);
        return keys.Count == 1 ? keys[0] : null;
    }

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM api_keys WHERE revoked_at IS NULL ORDER BY created_at", _ => { }, cancellationToken);

    public async Task<bool> AnyAsync(CancellationToken cancellationToken) =>
        await database.Int64Async("SELECT COUNT(*) FROM api_keys", _ => { }, cancellationToken) > 0;

    /// <summary>Revokes a key; returns false when there was no such active key.</summary>
    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL")
            .With("@at", UnixTime.ToMs(time.GetUtcNow())).With("@id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private Task<IReadOnlyList<ApiKey>> QueryAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken) =>
        database.QueryAsync(
            sql,
            bind,
            reader => new ApiKey(
                reader.GetString(0), reader.GetString(1), Names.Parse<ApiKeyScope>(reader.GetString(2)), reader.NullableString(3),
                reader.GetString(4), UnixTime.FromMs(reader.GetInt64(5))) { AgentId = reader.NullableString(6) },
            cancellationToken);
}
