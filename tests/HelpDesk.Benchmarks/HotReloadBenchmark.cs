using System.Diagnostics;

namespace HelpDesk.Benchmarks;

/// <summary>
/// A plugin upgraded in place, again and again: the other build's files copied over the installed ones (v1 ↔ v2),
/// timed from the first file written until the admin API shows the new version running. Then the same load without
/// the file watcher and its debounce, through <c>POST /api/v1/plugins/{id}/reload</c>.
/// </summary>
public static class HotReloadBenchmark
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    /// <param name="SwapMs">File change → new version running, per swap.</param>
    /// <param name="CopyMs">Writing the files, per swap (the debounce starts after the last write).</param>
    /// <param name="HubSwapMs">File change → the hub's own <c>since</c> of the new version: the swap without the poll's delay.</param>
    /// <param name="ApiReloadMs">A reload asked for through the admin API, per call.</param>
    public sealed record Result(double[] SwapMs, double[] CopyMs, double[] HubSwapMs, double[] ApiReloadMs);

    public static async Task<Result> RunAsync(ChildHub hub, PluginsAdmin admin, string id, int rounds)
    {
        EchoBuilds.Install(hub.PluginsDirectory, id);
        await admin.WaitForAsync(id, "running", EchoBuilds.VersionOf(1), TimeSpan.FromSeconds(30), Poll);

        var (swaps, copies, hubSwaps, major) = (new List<double>(), new List<double>(), new List<double>(), 1);
        for (var round = 0; round < rounds; round++)
        {
            major = 3 - major;
            var (clock, started) = (Stopwatch.StartNew(), DateTimeOffset.UtcNow);
            EchoBuilds.Overwrite(hub.PluginsDirectory, id, major);
            copies.Add(clock.Elapsed.TotalMilliseconds);
            var running = await admin.WaitForAsync(id, "running", EchoBuilds.VersionOf(major), TimeSpan.FromSeconds(30), Poll);
            swaps.Add(clock.Elapsed.TotalMilliseconds);
            hubSwaps.Add((running.Since - started).TotalMilliseconds);
        }

        var reloads = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            await admin.ReloadAsync(id);
            reloads.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new Result([.. swaps.Order()], [.. copies.Order()], [.. hubSwaps.Order()], [.. reloads.Order()]);
    }
}
