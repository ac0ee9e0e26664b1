using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HelpDesk.Core.Customers;
using HelpDesk.Core.Hosting;
using HelpDesk.Core.Plugins.Hosting;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;
using HelpDesk.TestSupport.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Benchmarks;

/// <summary>
/// Customer 360 under load: 10,000 tickets from 1,000 customers opened in a real in-process silo on SQLite, with the
/// crm and erp connectors against fake HubSpot and Odoo (each answer delayed a few milliseconds, as over a network).
/// Every ticket gets its context from the event feed; reported are the cache's hit ratio over that run, then lookup
/// latency for a cached customer and for one the providers are asked about.
/// </summary>
public static class ContextScenario
{
    private const int Customers = 1_000;
    private const int Tickets = 10_000;
    private static readonly Actor Bench = new(ActorKind.System, "bench");

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var directory = Directory.CreateTempSubdirectory("helpdesk-bench-context-").FullName;
        await using var hubspot = await FakeHubSpot.StartAsync();
        await using var odoo = await FakeOdoo.StartAsync();
        odoo.Latency = TimeSpan.FromMilliseconds(5);
        Seed(hubspot, odoo);
        try
        {
            using var host = StartSilo(directory, hubspot, odoo);
            await host.StartAsync();
            InstallConnectors(directory);
            await WaitUntilRunningAsync(host.Services.GetRequiredService<PluginHost>(), "crm", "erp");

            var contexts = host.Services.GetRequiredService<CustomerContexts>();
            var commands = host.Services.GetRequiredService<TicketCommands>();
            var database = host.Services.GetRequiredService<Database>();
            var random = new Random(42);
            var requesters = Enumerable.Range(0, Tickets).Select(_ => Email(random.Next(Customers))).ToList();

            var run = Stopwatch.StartNew();
            await Parallel.ForEachAsync(requesters.Select((email, i) => (email, i)), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (ticket, _) =>
                await commands.OpenAsync(new OpenTicket($"Question {ticket.i}", "Where is my order?", new Requester(ticket.email, null, null, null, null)), Bench, null, null, CancellationToken.None));
            var opened = run.Elapsed;
            while (await CountAsync(database, "SELECT COUNT(*) FROM tickets WHERE customer IS NOT NULL") < Tickets)
            {
                if (run.Elapsed > TimeSpan.FromMinutes(10))
                {
                    await Console.Error.WriteLineAsync("Contexts did not arrive within 10 minutes.");
                    return 1;
                }

                await Task.Delay(100);
            }

            var (hits, misses) = contexts.Statistics;
            var stale = await CountAsync(database, "SELECT COUNT(*) FROM tickets WHERE customer LIKE '%\"staleReason\":%'");
            Console.WriteLine($"{Tickets:N0} tickets from {Customers:N0} customers opened in {opened.TotalSeconds:0.0} s; every context recorded after {run.Elapsed.TotalSeconds:0.0} s ({Tickets / run.Elapsed.TotalSeconds:0} tickets/s), {stale} stale");
            Console.WriteLine($"cache over the run: {hits:N0} hits, {misses:N0} misses, hit ratio {(double)hits / (hits + misses):P1}; HubSpot searches {hubspot.RequestCount(HubSpotRoute.SearchContacts):N0}, Odoo calls {odoo.Requests:N0}");

            await ReportAsync("cached lookup", requesters.Take(10_000).ToList(), email => contexts.GetAsync(email, refresh: false, CancellationToken.None));
            await ReportAsync("lookup from the providers (refresh)", [.. Enumerable.Range(0, 500).Select(i => Email(i * 2))], email => contexts.GetAsync(email, refresh: true, CancellationToken.None));
            await host.StopAsync();
            return stale == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task ReportAsync<T>(string label, List<string> emails, Func<string, Task<T>> lookup)
    {
        var times = new List<double>(emails.Count);
        foreach (var email in emails)
        {
            var one = Stopwatch.StartNew();
            await lookup(email);
            times.Add(one.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"{label}: {emails.Count:N0} sequential lookups, p50 {Percentiles.Of(times, 50):0.00} ms, p99 {Percentiles.Of(times, 99):0.00} ms, max {times[^1]:0.00} ms");
    }

    private static string Email(int customer) => $"customer{customer}@bench.example";

    private static void Seed(FakeHubSpot hubspot, FakeOdoo odoo)
    {
        for (var i = 0; i < Customers; i++)
        {
            hubspot.AddCustomer(Email(i), "Customer", i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Company {i % 300}", tier: i % 10 == 0 ? "vip" : "standard", region: i % 3 == 0 ? "APAC" : "EMEA", owner: "Owner");
            var company = odoo.AddCompany($"Company {i}");
            var contact = odoo.AddContact(Email(i), $"Customer {i}", company);
            odoo.AddOrder(contact, $"S{i:00000}", "sale", DateTime.UtcNow.AddDays(-(i % 30)), 100 + i);
            odoo.AddInvoice(contact, $"INV/{i:00000}", i % 4 == 0 ? "not_paid" : "paid", 100 + i, i % 4 == 0 ? 100 + i : 0, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10));
        }
    }

    private static void InstallConnectors(string directory)
    {
        foreach (var id in new[] { "crm", "erp" })
        {
            var source = Path.Combine(AppContext.BaseDirectory, "fixture-plugins", id);
            var staging = Path.Combine(directory, $".staging-{id}");
            Directory.CreateDirectory(staging);
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(staging, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            Directory.Move(staging, Path.Combine(directory, "plugins", id));
        }
    }

    private static async Task WaitUntilRunningAsync(PluginHost plugins, params string[] ids)
    {
        var waited = Stopwatch.StartNew();
        while (!ids.All(id => plugins.Find(id)?.Status.State == PluginState.Running))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Plugins {string.Join(", ", ids)} did not start.");
            }

            await Task.Delay(50);
        }
    }

    private static async Task<long> CountAsync(Database database, string sql) =>
        (await database.QueryAsync(sql, _ => { }, reader => reader.GetInt64(0), CancellationToken.None))[0];

    private static IHost StartSilo(string directory, FakeHubSpot hubspot, FakeOdoo odoo)
    {
        Directory.CreateDirectory(Path.Combine(directory, "plugins"));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HelpDesk:DataDirectory"] = directory,
            ["HelpDesk:PluginsDirectory"] = Path.Combine(directory, "plugins"),
            ["HelpDesk:Plugins:crm:BaseUrl"] = hubspot.BaseUrl.AbsoluteUri,
            ["HelpDesk:Plugins:crm:AccessToken"] = FakeHubSpot.Token,
            ["HelpDesk:Plugins:erp:BaseUrl"] = odoo.BaseUrl.AbsoluteUri,
            ["HelpDesk:Plugins:erp:Database"] = FakeOdoo.Database,
            ["HelpDesk:Plugins:erp:User"] = FakeOdoo.User,
            ["HelpDesk:Plugins:erp:ApiKey"] = FakeOdoo.ApiKey,
        });
        builder.Services.AddHelpDeskCore(builder.Configuration, directory);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort(), FreePort()).AddHelpDeskGrains());
        return builder.Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
