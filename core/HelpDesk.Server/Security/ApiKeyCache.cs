using System.Collections.Concurrent;
using HelpDesk.Core.Security;

namespace HelpDesk.Server.Security;

/// <summary>
/// Remembers looked-up keys for a few seconds so each request does not read the database. A revoke on
/// this node is immediate; on other nodes of a cluster it takes effect within <see cref="Lifetime"/>.
/// </summary>
public sealed class ApiKeyCache(ApiKeyStore store, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (ApiKey? Key, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    public async Task<ApiKey?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecret.Hash(secret);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(hash, out var entry) && entry.Until > now)
        {
            return entry.Key;
        }

        var key = await store.FindBySecretAsync(secret, cancellationToken);
        if (_entries.Count > 10_000)
        {
            // Bounded: a flood of random bad keys must not grow memory.
            _entries.Clear();
        }

        _entries[hash] = (key, now + Lifetime);
        return key;
    }

    public void Forget(string keyId)
    {
        foreach (var (hash, entry) in _entries)
        {
            if (entry.Key?.Id == keyId)
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }
}
