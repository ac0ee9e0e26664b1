using static System.FormattableString;

namespace HelpDesk.Benchmarks;

/// <summary>The plugins scenario's figures as a Markdown table.</summary>
public static class PluginsReport
{
    public static void Print(
        HotReloadBenchmark.Result reload,
        TimeSpan reloadDelay,
        HttpCreateLoad.Result unsubscribed,
        FeedThroughputBenchmark.LiveResult live,
        FeedThroughputBenchmark.DrainResult drain,
        RawFeedBaseline.Result raw,
        IReadOnlyList<DeliveryLagBenchmark.Result> lags,
        int concurrency,
        string loadBefore,
        string loadAfter)
    {
        // Per swap, in the hub: what follows the debounce (its timer firing, the load, the start, the swap).
        var rest = reload.HubSwapMs.Zip(reload.CopyMs, (swap, copy) => swap - copy - reloadDelay.TotalMilliseconds).Order().ToArray();
        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("| --- | --- |");
        Row(Invariant($"hot reload: file copy starts → new version running ({reload.SwapMs.Length} swaps v1 ↔ v2), min / p50 / max"), Invariant($"{Spread(reload.SwapMs)} ms"));
        Row("… by the hub's clock (status since − copy start), min / p50 / max", Invariant($"{Spread(reload.HubSwapMs)} ms"));
        Row("… of which copying the files, p50", Invariant($"{Percentiles.Of(reload.CopyMs, 50):N1} ms"));
        Row("… of which the debounce after the last write (HelpDesk:PluginHost:ReloadDelay)", Invariant($"{reloadDelay.TotalMilliseconds:N0} ms"));
        Row("… the rest, by the hub's clock: timer, load, start, swap, min / p50 / max", Invariant($"{Spread(rest)} ms"));
        Row("API reload (POST …/reload: load, start, swap; no watcher), min / p50 / max", Invariant($"{Spread(reload.ApiReloadMs)} ms"));
        Row(Invariant($"writes with no plugin subscribed ({concurrency} clients, {unsubscribed.Seconds:N1} s)"), Invariant($"{unsubscribed.PerSecond:N0} creates/s, p99 {unsubscribed.Percentile(99):N0} ms, {unsubscribed.Errors} errors"));
        Row(Invariant($"writes with the no-op plugin subscribed ({concurrency} clients, {live.Load.Seconds:N1} s)"), Invariant($"{live.Load.PerSecond:N0} creates/s = {live.WrittenPerSecond:N0} events/s, p99 {live.Load.Percentile(99):N0} ms, {live.Load.Errors} errors"));
        Row("no-op plugin, delivered while writes run", Invariant($"{live.DeliveredPerSecond:N0} events/s"));
        Row("… its lag: max sampled (4/s) / at the end of the writes", Invariant($"{live.MaxLag:N0} / {live.LagAtEnd:N0} events"));
        Row("… caught up after the writes stopped", Invariant($"{live.CatchUpSeconds:N2} s"));
        Row(Invariant($"backlog drain: {drain.Backlog:N0} events written while disabled, then enabled"), Invariant($"{drain.PerSecond:N0} events/s ({drain.DrainSeconds:N3} s by the hub's clock; {drain.ObservedSeconds:N2} s seen by 100 ms polls; enable call {drain.EnableSeconds * 1000:N0} ms)"));
        Row(Invariant($"raw feed in process, {raw.Events:N0} events: dispatcher + store + checkpoints into a no-op subscriber"), Invariant($"{raw.NoopPerSecond:N0} events/s"));
        Row("… into a subscriber that only builds the plugin's SDK envelope", Invariant($"{raw.EnvelopePerSecond:N0} events/s"));
        foreach (var lag in lags)
        {
            Row(
                Invariant($"delivery lag at {lag.Load.CreatedPerSecond:N0} creates/s steady ({lag.LagMs.Length:N0} events), p50 / p90 / p99 / max"),
                Invariant($"{Percentiles.Of(lag.LagMs, 50):N0} / {Percentiles.Of(lag.LagMs, 90):N0} / {Percentiles.Of(lag.LagMs, 99):N0} / {Percentiles.Of(lag.LagMs, 100):N0} ms, {lag.Load.Errors} errors"));
        }

        Row("load average (1 / 5 / 15 min) before / after", Invariant($"{loadBefore} / {loadAfter}"));
    }

    private static string Spread(double[] sorted) =>
        Invariant($"{Percentiles.Of(sorted, 0):N0} / {Percentiles.Of(sorted, 50):N0} / {Percentiles.Of(sorted, 100):N0}");

    private static void Row(string measure, string value) => Console.WriteLine($"| {measure} | {value} |");
}
