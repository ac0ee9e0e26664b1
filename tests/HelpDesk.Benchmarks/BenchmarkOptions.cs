using System.Globalization;

namespace HelpDesk.Benchmarks;

public sealed record BenchmarkOptions(int DurationSeconds, int WarmupSeconds, int Concurrency, int RawSingleTickets, int RawBatchedTickets, int BatchSize)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchmarkOptions(
            Get("--duration", 20), Get("--warmup", 5), Get("--concurrency", 64), Get("--raw-single", 2_000), Get("--raw-batched", 20_000), Get("--batch", 32));
    }
}
