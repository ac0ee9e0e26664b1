using System.Globalization;

namespace HelpDesk.Benchmarks;

/// <summary>
/// The plugin host and the event feed on one child hub, one plugin at a time so none shares the feed with another:
/// hot reload (plugin "reload"), feed throughput to a no-op handler (plugin "noop"), delivery lag (plugin "recorder").
/// All three are the echo fixture plugin in a different mode.
/// </summary>
public static class PluginsScenario
{
    private const int RawFeedEvents = 50_000;
    private const string ReloadDelaySetting = "HELPDESK__PLUGINHOST__RELOADDELAY";

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var records = Directory.CreateTempSubdirectory("helpdesk-bench-records-").FullName;
        try
        {
            return await RunAsync(options, Path.Combine(records, "deliveries"));
        }
        finally
        {
            Directory.Delete(records, recursive: true);
        }
    }

    private static async Task<int> RunAsync(BenchmarkOptions options, string recordTo)
    {
        var loadBefore = LoadAverage();
        Console.WriteLine($"raw feed: {RawFeedEvents:N0} events drained in process by the hub's dispatcher …");
        var raw = await RawFeedBaseline.RunAsync(RawFeedEvents);
        var duration = TimeSpan.FromSeconds(options.DurationSeconds);
        var settings = new Dictionary<string, string>
        {
            // Set, not assumed (the hub's default, which --set may change), so the table can say how much of a swap is this wait.
            [ReloadDelaySetting] = "00:00:00.500",
            ["HELPDESK__PLUGINS__RELOAD__MODE"] = "noop",
            ["HELPDESK__PLUGINS__NOOP__MODE"] = "noop",
            ["HELPDESK__PLUGINS__RECORDER__MODE"] = "record",
            ["HELPDESK__PLUGINS__RECORDER__RECORDTO"] = recordTo,
        };
        foreach (var (key, value) in options.HubSettings)
        {
            settings[key] = value;
        }

        var reloadDelay = TimeSpan.Parse(settings[ReloadDelaySetting], CultureInfo.InvariantCulture);
        await using var hub = await ChildHub.StartAsync(settings);
        using var admin = new PluginsAdmin(hub.Address);

        Console.WriteLine($"hot reload: {options.Reloads} in-place upgrades, then {options.Reloads} API reloads …");
        var reload = await HotReloadBenchmark.RunAsync(hub, admin, "reload", options.Reloads);
        await admin.DisableAsync("reload");

        Console.WriteLine($"feed throughput: {options.Concurrency} clients, {options.WarmupSeconds} s warm-up, {options.DurationSeconds} s writes with no plugin subscribed, "
            + $"{options.DurationSeconds} s with the no-op plugin live, {options.DurationSeconds} s of backlog …");
        await HttpCreateLoad.RunAsync(hub.Address, options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds));
        var unsubscribed = await HttpCreateLoad.RunAsync(hub.Address, options.Concurrency, duration);
        EchoBuilds.Install(hub.PluginsDirectory, "noop");
        await admin.WaitForAsync("noop", "running", null, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20));
        var live = await FeedThroughputBenchmark.LiveAsync(hub, admin, "noop", options.Concurrency, duration);
        var drain = await FeedThroughputBenchmark.DrainAsync(hub, admin, "noop", options.Concurrency, duration);
        await admin.DisableAsync("noop");

        EchoBuilds.Install(hub.PluginsDirectory, "recorder");
        await admin.WaitForAsync("recorder", "running", null, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20));
        var lags = new List<DeliveryLagBenchmark.Result>();
        foreach (var rate in options.LagRates)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"delivery lag: {rate:N0} creates/s for {options.DurationSeconds} s …"));
            lags.Add(await DeliveryLagBenchmark.RunAsync(hub, admin, "recorder", recordTo, rate, duration));
        }

        await hub.StopAsync();
        var loadAfter = LoadAverage();
        PluginsReport.Print(reload, reloadDelay, unsubscribed, live, drain, raw, lags, options.Concurrency, loadBefore, loadAfter);
        return live.Load.Errors + unsubscribed.Errors == 0 && lags.All(l => l.Load.Errors == 0) ? 0 : 1;
    }

    /// <summary>The 1, 5 and 15 minute load averages: other work on the machine skews every figure.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
