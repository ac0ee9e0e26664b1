using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace HelpDesk.Benchmarks;

/// <summary>C clients, each creating tickets back to back for a fixed time; every non-201 counts as an error.</summary>
public static class HttpCreateLoad
{
    private const string Body = """
        {"subject":"Printer on fire","description":"The office printer is smoking.",
         "requester":{"email":"ana@example.com","name":"Ana","language":"pt-BR","timeZone":"America/Sao_Paulo"},
         "impact":"high","urgency":"high","tags":["hardware"]}
        """;

    public sealed record Result(int Created, int Errors, double Seconds, double[] LatenciesMs)
    {
        public double PerSecond => Created / Seconds;

        public double Percentile(double p) => Percentiles.Of(LatenciesMs, p);
    }

    public static async Task<Result> RunAsync(Uri address, int concurrency, TimeSpan duration)
    {
        using var client = NewClient(address, concurrency);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => ClientLoopAsync(client, clock, duration))).ToArray();
        var results = await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var latencies = results.SelectMany(r => r.Latencies).Select(ticks => ticks * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        return new Result(results.Sum(r => r.Created), results.Sum(r => r.Errors), seconds, latencies);
    }

    /// <summary>A client authorised as the hub's admin, keeping up to <paramref name="connections"/> connections open.</summary>
    public static HttpClient NewClient(Uri address, int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ChildHub.AdminKey);
        return client;
    }

    /// <summary>Opens one ticket; true on 201.</summary>
    public static async Task<bool> CreateOneAsync(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri("/api/v1/tickets", UriKind.Relative), new StringContent(Body, Encoding.UTF8, "application/json"));
        return response.StatusCode == HttpStatusCode.Created;
    }

    private static async Task<(int Created, int Errors, List<long> Latencies)> ClientLoopAsync(HttpClient client, Stopwatch clock, TimeSpan duration)
    {
        var (created, errors, latencies) = (0, 0, new List<long>(4096));
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var ok = await CreateOneAsync(client);
                latencies.Add(Stopwatch.GetTimestamp() - started);
                if (ok)
                {
                    created++;
                }
                else
                {
                    errors++;
                }
            }
            catch (HttpRequestException)
            {
                errors++;
            }
        }

        return (created, errors, latencies);
    }
}
