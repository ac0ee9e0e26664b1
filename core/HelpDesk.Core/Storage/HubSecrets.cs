using System.Security.Cryptography;

namespace HelpDesk.Core.Storage;

/// <summary>
/// Random keys the hub makes for itself on first use and keeps in its database, so every node of a cluster, and every
/// restart, uses the same one.
/// </summary>
public sealed class HubSecrets(Database database, TimeProvider time)
{
    /// <summary>The secret by this name, made (32 random bytes) the first time it is asked for.</summary>
    public async Task<byte[]> GetOrCreateAsync(string name, CancellationToken cancellationToken)
    {
        // Every node may insert a candidate at once: the first one stays, and all read that one back.
        await database.ExecuteAsync(
            "INSERT INTO hub_secrets (name, value, created_at) VALUES (@name, @value, @at) ON CONFLICT (name) DO NOTHING",
            command => command.With("@name", name).With("@value", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).With("@at", UnixTime.ToMs(time.GetUtcNow())),
            cancellationToken);
        var stored = await database.QueryAsync("SELECT value FROM hub_secrets WHERE name = @name", command => command.With("@name", name), reader => reader.GetString(0), cancellationToken);
        return Convert.FromBase64String(stored[0]);
    }
}
