namespace HelpDesk.Core.Reports;

/// <summary>
/// Durations gathered per report key, with their nearest-rank median and 90th percentile (the ⌈n/2⌉-th and ⌈9n/10⌉-th
/// smallest). The database selects and streams the values; ranking them here costs a sort of a few hundred thousand
/// longs, where a window function over the same rows takes seconds on SQLite.
/// </summary>
/// <typeparam name="TKey">Text (a channel, a queue) or a number (an hour, a weekday, a day), so no row's key is boxed.</typeparam>
internal sealed class RankedDurations<TKey>(IComparer<TKey> order)
    where TKey : notnull
{
    private readonly Dictionary<TKey, List<long>> _byKey = [];

    public void Add(TKey key, long milliseconds)
    {
        if (!_byKey.TryGetValue(key, out var values))
        {
            _byKey[key] = values = [];
        }

        values.Add(milliseconds);
    }

    /// <summary>Takes in the durations gathered by <paramref name="other"/> (another part of the same range).</summary>
    public void Add(RankedDurations<TKey> other)
    {
        foreach (var (key, values) in other._byKey)
        {
            if (_byKey.TryGetValue(key, out var mine))
            {
                mine.AddRange(values);
            }
            else
            {
                _byKey[key] = values;
            }
        }
    }

    /// <summary>The keys in order: text ordinally, numbers by value, as SQLite's ORDER BY gives them.</summary>
    public IEnumerable<TKey> Keys => _byKey.Keys.Order(order);

    /// <summary>The key's count, median and p90; no median or p90 when it has no durations.</summary>
    public Ranks Of(TKey key)
    {
        if (!_byKey.TryGetValue(key, out var values) || values.Count == 0)
        {
            return new Ranks(0, null, null);
        }

        values.Sort();
        var n = values.Count;
        return new Ranks(n, values[((n + 1) / 2) - 1], values[(((9 * n) + 9) / 10) - 1]);
    }
}

/// <summary>A key's count of durations and their nearest-rank median and p90 (ms).</summary>
internal readonly record struct Ranks(long Count, long? Median, long? P90);
