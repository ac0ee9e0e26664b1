using System.Collections.Concurrent;

namespace HelpDesk.Sdk.Testing;

/// <summary>
/// <see cref="IPluginState"/> in memory, for a plugin's tests; share one instance between two harnesses to stand for a
/// restart that keeps the hub's database.
/// </summary>
public sealed class MemoryPluginState : IPluginState
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _problems = new(StringComparer.Ordinal);

    /// <summary>Everything stored, by key.</summary>
    public IReadOnlyDictionary<string, string> Values => new Dictionary<string, string>(_values, StringComparer.Ordinal);

    /// <summary>The problems reported and not cleared, by key.</summary>
    public IReadOnlyDictionary<string, string> Problems => new Dictionary<string, string>(_problems, StringComparer.Ordinal);

    /// <summary>The hub's limits, refused the same way: a plugin that passes here does not fail in the hub.</summary>
    private static void Check(string key, string value)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            throw new HelpDeskApiException(HelpDeskApiError.Invalid, "key", "A key is 1 to 200 characters.");
        }

        if (value.Length > 65_536)
        {
            throw new HelpDeskApiException(HelpDeskApiError.Invalid, "value", "A value is at most 65536 characters.");
        }
    }

    /// <inheritdoc/>
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        Check(key, "");
        return Task.FromResult(_values.TryGetValue(key, out var value) ? value : null);
    }

    /// <inheritdoc/>
    public Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        Check(key, value);
        _values[key] = value;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task ReportProblemAsync(string key, string detail, CancellationToken cancellationToken)
    {
        Check(key, detail);
        _problems[key] = detail;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task ClearProblemAsync(string key, CancellationToken cancellationToken)
    {
        Check(key, "");
        _problems.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
