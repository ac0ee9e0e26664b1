using System.Globalization;
using Microsoft.Data.Sqlite;

namespace HelpDesk.Benchmarks;

/// <summary>Ticket creation through HTTP on the embedded default, beside the raw SQLite ceiling for the same rows.</summary>
public static class CreatesScenario
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var culture = CultureInfo.InvariantCulture;
        if (options.Hub is { } running)
        {
            // Load only, against a hub started by hand (for profiling it with dotnet-trace, say).
            var only = await HttpCreateLoad.RunAsync(running, options.Concurrency, TimeSpan.FromSeconds(options.DurationSeconds));
            Console.WriteLine(string.Create(culture, $"{only.PerSecond:N0} creates/s, p50 {only.Percentile(50):N1} ms, p99 {only.Percentile(99):N1} ms, {only.Errors} errors"));
            return only.Errors == 0 ? 0 : 1;
        }

        Console.WriteLine($"raw SQLite, {options.RawSingleTickets} tickets, one commit each …");
        var single = await RawSqliteBaseline.OneCommitPerTicketAsync(options.RawSingleTickets);
        Console.WriteLine($"raw SQLite, {options.RawBatchedTickets} tickets, {options.BatchSize} per commit …");
        var batched = await RawSqliteBaseline.BatchedAsync(options.RawBatchedTickets, options.BatchSize);

        Console.WriteLine($"HTTP: hub as a child process, {options.Concurrency} clients, {options.WarmupSeconds} s warm-up, {options.DurationSeconds} s measured …");
        await using var hub = await ChildHub.StartAsync();
        var warmup = await HttpCreateLoad.RunAsync(hub.Address, options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds));
        var load = await HttpCreateLoad.RunAsync(hub.Address, options.Concurrency, TimeSpan.FromSeconds(options.DurationSeconds));
        await hub.StopAsync();

        long stored;
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(hub.DataDirectory, "helpdesk.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM tickets";
            stored = (long)(await count.ExecuteScalarAsync())!;
        }

        var acknowledged = warmup.Created + load.Created;
        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("| --- | --- |");
        Console.WriteLine(string.Create(culture, $"| raw SQLite, 1 ticket per fsync'd commit | {single:N0} tickets/s |"));
        Console.WriteLine(string.Create(culture, $"| raw SQLite, {options.BatchSize} tickets per fsync'd commit | {batched:N0} tickets/s |"));
        Console.WriteLine(string.Create(culture, $"| HTTP creates ({options.Concurrency} clients, {load.Seconds:N1} s) | {load.PerSecond:N0} tickets/s |"));
        Console.WriteLine(string.Create(culture, $"| HTTP latency p50 / p90 / p99 / max | {load.Percentile(50):N1} / {load.Percentile(90):N1} / {load.Percentile(99):N1} / {load.Percentile(100):N1} ms |"));
        Console.WriteLine(string.Create(culture, $"| HTTP errors (non-201 or failed) | {load.Errors + warmup.Errors} |"));
        Console.WriteLine(string.Create(culture, $"| HTTP ÷ raw one-per-commit | {load.PerSecond / single:N2} |"));
        Console.WriteLine(string.Create(culture, $"| HTTP ÷ raw batched | {load.PerSecond / batched:N2} |"));
        Console.WriteLine(string.Create(culture, $"| acknowledged (201) / stored after SIGTERM | {acknowledged} / {stored} |"));
        return acknowledged == stored && load.Errors + warmup.Errors == 0 ? 0 : 1;
    }
}
