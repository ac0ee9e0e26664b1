using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace HelpDesk.Benchmarks;

/// <summary>
/// C senders posting PagerDuty-style triggers to the monitoring connector (<c>/hooks/monitoring/events</c>), signed as
/// the connector requires, each request one alert; every answer but 202 counts as an error.
/// </summary>
public static class AlertEventsLoad
{
    public const string Secret = "bench-events-secret";
    public const string RoutingKey = "f3b9c2d14a6e4b7c9d0e1f2a3b4c5d6e";
    private static readonly byte[] SecretBytes = Encoding.UTF8.GetBytes(Secret);

    public sealed record Result(int Accepted, int Errors, double Seconds, double[] LatenciesMs)
    {
        public double PerSecond => Accepted / Seconds;

        public double Percentile(double p) => Percentiles.Of(LatenciesMs, p);
    }

    /// <param name="keyOf">The dedup key of the n-th alert sent (n counts from 0 across all senders).</param>
    public static async Task<Result> RunAsync(Uri hub, int concurrency, TimeSpan duration, Func<long, string> keyOf)
    {
        using var client = HttpCreateLoad.NewClient(hub, concurrency);
        var sent = -1L;
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var (accepted, errors, latencies) = (0, 0, new List<long>(4096));
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await TriggerAsync(client, keyOf(Interlocked.Increment(ref sent)));
                latencies.Add(Stopwatch.GetTimestamp() - started);
                (accepted, errors) = ok ? (accepted + 1, errors) : (accepted, errors + 1);
            }

            return (accepted, errors, latencies);
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var sorted = results.SelectMany(r => r.latencies).Select(ticks => ticks * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        return new Result(results.Sum(r => r.accepted), results.Sum(r => r.errors), seconds, sorted);
    }

    /// <summary>Sends one trigger; true on 202.</summary>
    public static async Task<bool> TriggerAsync(HttpClient client, string dedupKey)
    {
        var body = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$$"""{"routing_key":"{{{RoutingKey}}}","event_action":"trigger","dedup_key":"{{{dedupKey}}}","payload":{"summary":"Disk almost full on {{{dedupKey}}}","source":"{{{dedupKey}}}.example.com","severity":"warning","component":"disk"}}"""));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/hooks/monitoring/events", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-HelpDesk-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(SecretBytes, body)));
        try
        {
            using var response = await client.SendAsync(request);
            return response.StatusCode == HttpStatusCode.Accepted;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
