using System.Diagnostics;

namespace HelpDesk.Benchmarks;

/// <summary>
/// How fast the event feed feeds a plugin that does nothing, read from the admin API's checkpoint and lag
/// (lag = last position in the log − the plugin's checkpoint; the checkpoint is written once per read batch).
/// Live: while clients open tickets flat out. Drain: a backlog written while the plugin was disabled, then enabled.
/// </summary>
public static class FeedThroughputBenchmark
{
    private static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <param name="Written">Events appended to the log during the load.</param>
    /// <param name="Delivered">Events the plugin's checkpoint moved past during the load.</param>
    /// <param name="CatchUpSeconds">From the end of the load until the plugin had no lag.</param>
    public sealed record LiveResult(HttpCreateLoad.Result Load, long Written, long Delivered, long MaxLag, long LagAtEnd, double CatchUpSeconds)
    {
        public double WrittenPerSecond => Written / Load.Seconds;

        public double DeliveredPerSecond => Delivered / Load.Seconds;
    }

    /// <param name="EnableSeconds">The enable call (it loads the plugin again) until it answered.</param>
    /// <param name="DrainSeconds">
    /// By the hub's clock: from the plugin running again to its checkpoint's last advance. The admin API is polled
    /// only every 100 ms meanwhile, as each poll's queries compete with the drain for the same 2 cores.
    /// </param>
    /// <param name="ObservedSeconds">From the enable call's answer until a poll saw no lag: an upper bound.</param>
    public sealed record DrainResult(long Backlog, double EnableSeconds, double DrainSeconds, double ObservedSeconds)
    {
        public double PerSecond => Backlog / DrainSeconds;
    }

    public static async Task<LiveResult> LiveAsync(ChildHub hub, PluginsAdmin admin, string id, int concurrency, TimeSpan duration)
    {
        var before = await admin.FindAsync(id) ?? throw new InvalidOperationException($"No plugin {id}.");
        var load = HttpCreateLoad.RunAsync(hub.Address, concurrency, duration);
        var maxLag = before.Lag;
        while (!load.IsCompleted)
        {
            await Task.WhenAny(load, Task.Delay(Sample));
            maxLag = Math.Max(maxLag, (await admin.FindAsync(id))!.Lag);
        }

        var after = (await admin.FindAsync(id))!;
        var catchUp = Stopwatch.StartNew();
        await admin.WaitForNoLagAsync(id, TimeSpan.FromMinutes(5), Poll);
        return new LiveResult(
            await load,
            Written: after.Checkpoint + after.Lag - (before.Checkpoint + before.Lag),
            Delivered: after.Checkpoint - before.Checkpoint,
            Math.Max(maxLag, after.Lag),
            after.Lag,
            catchUp.Elapsed.TotalSeconds);
    }

    public static async Task<DrainResult> DrainAsync(ChildHub hub, PluginsAdmin admin, string id, int concurrency, TimeSpan duration)
    {
        await admin.DisableAsync(id);
        await HttpCreateLoad.RunAsync(hub.Address, concurrency, duration);
        var backlog = (await admin.FindAsync(id))!.Lag;

        var clock = Stopwatch.StartNew();
        await admin.EnableAsync(id);
        var enabled = clock.Elapsed.TotalSeconds;
        var drained = await admin.WaitForNoLagAsync(id, TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(100));
        var observed = clock.Elapsed.TotalSeconds - enabled;
        var (_, lastAdvance) = await CheckpointRow.ReadAsync(hub, $"plugin:{id}");
        return new DrainResult(backlog, enabled, (lastAdvance - drained.Since).TotalSeconds, observed);
    }
}
