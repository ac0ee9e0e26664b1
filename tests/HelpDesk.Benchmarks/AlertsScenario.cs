using System.Globalization;
using Microsoft.Data.Sqlite;

namespace HelpDesk.Benchmarks;

/// <summary>
/// Alert ingestion through the monitoring connector on the embedded default: (a) every alert a new key, once with the
/// storm guard off (each opens a ticket) and once with its default (the rest join one storm incident); (b) repeats of
/// 100 keys (each counts on its ticket). A fresh hub per phase; what the hub stored is checked against the 202s.
/// </summary>
public static class AlertsScenario
{
    private const int RepeatedKeys = 100;

    private sealed record Phase(string Name, AlertEventsLoad.Result Load, string Check, bool Holds);

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var phases = new List<Phase>
        {
            await NewKeysAsync(options, stormGuard: false),
            await NewKeysAsync(options, stormGuard: true),
            await RepeatsAsync(options),
        };

        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"| phase ({options.Concurrency} senders, {options.DurationSeconds} s) | alerts/s | p50 / p90 / p99 / max ms | errors | stored vs answered 202 |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var phase in phases)
        {
            var load = phase.Load;
            Console.WriteLine(string.Create(culture,
                $"| {phase.Name} | {load.PerSecond:N0} | {load.Percentile(50):N1} / {load.Percentile(90):N1} / {load.Percentile(99):N1} / {load.Percentile(100):N1} | {load.Errors} | {phase.Check} |"));
        }

        return phases.All(p => p.Holds && p.Load.Errors == 0) ? 0 : 1;
    }

    private static async Task<Phase> NewKeysAsync(BenchmarkOptions options, bool stormGuard)
    {
        var name = stormGuard ? "(a2) new keys, storm guard on (default 20/min)" : "(a1) new keys, storm guard off";
        Console.WriteLine($"{name} …");
        await using var hub = await StartAsync(stormGuard);
        var warmup = await AlertEventsLoad.RunAsync(hub.Address, options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), n => $"warm-{n}");
        var load = await AlertEventsLoad.RunAsync(hub.Address, options.Concurrency, TimeSpan.FromSeconds(options.DurationSeconds), n => $"node-{n}");
        await hub.StopAsync();

        var answered = warmup.Accepted + load.Accepted;
        var alerts = await ScalarAsync(hub, "SELECT COUNT(*) FROM alerts");
        var tickets = await ScalarAsync(hub, "SELECT COUNT(*) FROM tickets WHERE channel = 'monitoring'");
        var check = string.Create(CultureInfo.InvariantCulture, $"{alerts} alerts, {tickets} tickets / {answered}");
        return new Phase(name, load, check, alerts == answered && (stormGuard ? tickets <= 2 * 20 + 2 : tickets == answered));
    }

    private static async Task<Phase> RepeatsAsync(BenchmarkOptions options)
    {
        const string name = "(b) repeats of 100 keys";
        Console.WriteLine($"{name} …");
        await using var hub = await StartAsync(stormGuard: false);
        using (var client = HttpCreateLoad.NewClient(hub.Address, 1))
        {
            for (var key = 0; key < RepeatedKeys; key++)
            {
                await AlertEventsLoad.TriggerAsync(client, $"service-{key}");
            }
        }

        var warmup = await AlertEventsLoad.RunAsync(hub.Address, options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), n => $"service-{n % RepeatedKeys}");
        var load = await AlertEventsLoad.RunAsync(hub.Address, options.Concurrency, TimeSpan.FromSeconds(options.DurationSeconds), n => $"service-{n % RepeatedKeys}");
        await hub.StopAsync();

        var answered = RepeatedKeys + warmup.Accepted + load.Accepted;
        var occurrences = await ScalarAsync(hub, "SELECT SUM(occurrences) FROM alerts");
        var tickets = await ScalarAsync(hub, "SELECT COUNT(*) FROM tickets WHERE channel = 'monitoring'");
        var check = string.Create(CultureInfo.InvariantCulture, $"{occurrences} occurrences on {tickets} tickets / {answered}");
        return new Phase(name, load, check, occurrences == answered && tickets == RepeatedKeys);
    }

    private static async Task<ChildHub> StartAsync(bool stormGuard)
    {
        var settings = new Dictionary<string, string>
        {
            ["HELPDESK__PLUGINS__MONITORING__EVENTS__HMACSECRET"] = AlertEventsLoad.Secret,

            // The per-plugin webhook rate limit (600/min by default) protects the hub from a runaway sender; here the
            // sender is the measurement.
            ["HELPDESK__PLUGINHOST__WEBHOOKSPERMINUTE"] = "100000000",
        };
        if (!stormGuard)
        {
            settings["HELPDESK__ALERTS__STORMTHRESHOLD"] = "1000000000";
        }

        var hub = await ChildHub.StartAsync(settings);
        await FixturePluginInstall.InstallAsync(hub, "monitoring");
        return hub;
    }

    private static async Task<long> ScalarAsync(ChildHub hub, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(hub.DataDirectory, "helpdesk.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
    }
}
