using System.Diagnostics;

namespace HelpDesk.Benchmarks;

/// <summary>
/// Opens tickets at a fixed rate whatever the hub's answers (open loop), so a slow hub shows as lag, not as a lower
/// offered load. Requests go out in 10 ms ticks, each sending what has fallen due.
/// </summary>
public static class SteadyCreateLoad
{
    public sealed record Result(int Sent, int Created, int Errors, double Seconds)
    {
        public double CreatedPerSecond => Created / Seconds;
    }

    public static async Task<Result> RunAsync(Uri address, double perSecond, TimeSpan duration)
    {
        using var client = HttpCreateLoad.NewClient(address, connections: 256);
        var requests = new List<Task<bool>>();
        var clock = Stopwatch.StartNew();
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (clock.Elapsed < duration)
        {
            var due = (int)(clock.Elapsed.TotalSeconds * perSecond);
            while (requests.Count < due)
            {
                requests.Add(CreateAsync(client));
            }

            await ticks.WaitForNextTickAsync();
        }

        var sent = clock.Elapsed.TotalSeconds;
        var outcomes = await Task.WhenAll(requests);
        var created = outcomes.Count(ok => ok);
        return new Result(outcomes.Length, created, outcomes.Length - created, sent);
    }

    private static async Task<bool> CreateAsync(HttpClient client)
    {
        try
        {
            return await HttpCreateLoad.CreateOneAsync(client);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
