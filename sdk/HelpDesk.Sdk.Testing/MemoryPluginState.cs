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

    /// <inheritdoc/>
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_values.TryGetValue(key, out var value) ? value : null);

    /// <inheritdoc/>
    public Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        _values[key] = value;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task ReportProblemAsync(string key, string detail, CancellationToken cancellationToken)
    {
        _problems[key] = detail;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task ClearProblemAsync(string key, CancellationToken cancellationToken)
    {
        _problems.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
