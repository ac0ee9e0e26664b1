using System.Globalization;

namespace HelpDesk.Benchmarks;

public sealed record BenchmarkOptions(int DurationSeconds, int WarmupSeconds, int Concurrency, int RawSingleTickets, int RawBatchedTickets, int BatchSize, Uri? Hub)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        var hub = Array.IndexOf(args, "--hub") is var h and >= 0 && h + 1 < args.Length ? new Uri(args[h + 1]) : null;
        return new BenchmarkOptions(
            Get("--duration", 20), Get("--warmup", 5), Get("--concurrency", 64), Get("--raw-single", 2_000), Get("--raw-batched", 20_000), Get("--batch", 32), hub);
    }
}
