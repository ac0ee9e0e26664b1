using System.Globalization;

namespace HelpDesk.Benchmarks;

/// <summary>
/// Event committed → handler invoked, at a steady create rate, from the echo plugin's <c>record</c> mode: each
/// delivery logs the event's <c>At</c> and the time the handler ran, both read from the hub's clock (ms resolution).
/// <c>At</c> is set by the ticket grain just before its append is queued, so the figure also holds the commit
/// itself (the writer's batching and its fsync): it is "event stamped → handler", an upper bound of "committed → handler".
/// </summary>
public static class DeliveryLagBenchmark
{
    public sealed record Result(SteadyCreateLoad.Result Load, double[] LagMs);

    public static async Task<Result> RunAsync(ChildHub hub, PluginsAdmin admin, string id, string recordTo, double perSecond, TimeSpan duration)
    {
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var load = await SteadyCreateLoad.RunAsync(hub.Address, perSecond, duration);
        await admin.WaitForNoLagAsync(id, TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(20));
        var lags = Deliveries(recordTo)
            .Where(d => d.AtMs >= start)
            .Select(d => (double)(d.ReceivedMs - d.AtMs))
            .Order()
            .ToArray();
        return new Result(load, lags);
    }

    private static IEnumerable<(long AtMs, long ReceivedMs)> Deliveries(string recordTo)
    {
        var folder = Path.GetDirectoryName(recordTo)!;
        foreach (var file in Directory.GetFiles(folder, $"{Path.GetFileName(recordTo)}.*.log"))
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            while (reader.ReadLine() is { } line)
            {
                // {major} {ticket} {version} {position} {eventAtUnixMs} {receivedUnixMs}
                var parts = line.Split(' ');
                yield return (long.Parse(parts[4], CultureInfo.InvariantCulture), long.Parse(parts[5], CultureInfo.InvariantCulture));
            }
        }
    }
}
