using System.Globalization;

namespace HelpDesk.Benchmarks;

public sealed record BenchmarkOptions(
    string Scenario, int DurationSeconds, int WarmupSeconds, int Concurrency, int RawSingleTickets, int RawBatchedTickets, int BatchSize, Uri? Hub,
    int Reloads, IReadOnlyList<double> LagRates, IReadOnlyDictionary<string, string> HubSettings, bool Help)
{
    /// <summary>The reports scenario's store: <c>sqlite</c> or <c>postgresql</c> (a database of its own on the tests' server).</summary>
    public string Provider { get; init; } = "sqlite";

    /// <summary>
    /// A directory whose SQLite store the reports scenario keeps: seeded when empty, reused (not seeded again) after; on
    /// PostgreSQL, the tickets of the SQLite store kept there are copied in instead of seeded.
    /// </summary>
    public string? Store { get; init; }

    /// <summary>How many days, back from the end of the seeded history, each timed report covers.</summary>
    public int RangeDays { get; init; } = 30;

    /// <summary>How many tickets the reports scenario seeds.</summary>
    public int Tickets { get; init; } = 1_000_000;

    public const string Usage = """
        Usage: dotnet run -c Release --project tests/HelpDesk.Benchmarks -- [--scenario creates|plugins|alerts|sla|email|context|reports] [options]

        --scenario creates (default)  HTTP ticket creates on a child hub, beside the raw SQLite ceiling
          --duration 20 --warmup 5 --concurrency 64 --raw-single 2000 --raw-batched 20000 --batch 32
          --hub URL                   load only, against a hub started by hand
        --scenario plugins            plugin host and event feed on a child hub, with the echo fixture plugin
          --reloads 10                in-place upgrades timed (v1 ↔ v2 files copied over), then as many API reloads
          --duration 20 --warmup 5 --concurrency 64
                                      each load phase: live feed throughput, backlog written while disabled,
                                      and each delivery-lag rate
          --lag-rates 100,400,1000    steady creates/s at which delivery lag is measured
          --set KEY=VALUE             an environment setting for the child hub, repeatable
                                      (--set HELPDESK__EVENTFEED__READBATCHSIZE=1024)
        --scenario alerts             PagerDuty-style triggers to the monitoring connector, one alert per request, a
                                      fresh child hub per phase: new keys (storm guard off, then on), repeats of 100 keys
          --duration 20 --warmup 5 --concurrency 64
        --scenario sla                one SLA watch pass over 100,000 open tickets in an in-process silo on SQLite,
                                      timed with 200 tickets due and with none (--raw-batched N for another count)
        --scenario email              mail imported by a child hub from Dovecot (run .ci/start-mail first): 1,200
                                      messages in one mailbox, then 200 in each of twelve; notification render times
        --scenario context            customer context for 10,000 tickets from 1,000 customers in an in-process silo,
                                      the crm and erp connectors against fake HubSpot and Odoo: cache hit ratio,
                                      lookup latency from the cache and from the providers
        --scenario reports            every KPI endpoint on a child hub over a seeded store (p50, p95 against 500 ms),
                                      report lag of a new ticket, report facts filled in from events for older tickets
          --provider sqlite|postgresql --tickets 1000000
          --days 30                   the timed reports' range, back from the end of the seeded history
          --store DIR                 sqlite: keep the seeded store in DIR and reuse it on the next run;
                                      postgresql: copy the tickets of the SQLite store kept in DIR instead of seeding
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Get(string name, int fallback) => Text(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

        var rates = (Text("--lag-rates") ?? "100,400,1000").Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var settings = args.Select((arg, i) => (arg, i)).Where(a => a.arg == "--set" && a.i + 1 < args.Length)
            .Select(a => args[a.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "", StringComparer.Ordinal);
        return new BenchmarkOptions(
            Text("--scenario") ?? "creates", Get("--duration", 20), Get("--warmup", 5), Get("--concurrency", 64),
            Get("--raw-single", 2_000), Get("--raw-batched", 20_000), Get("--batch", 32), Text("--hub") is { } hub ? new Uri(hub) : null,
            Get("--reloads", 10), rates, settings, args.Contains("--help") || args.Contains("-h"))
        {
            Provider = Text("--provider") ?? "sqlite",
            Tickets = Get("--tickets", 1_000_000),
            Store = Text("--store"),
            RangeDays = Get("--days", 30),
        };
    }
}
