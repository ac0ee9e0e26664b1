using System.Diagnostics;
using HelpDesk.Core.Plugins.Hosting;
using HelpDesk.Core.Tests.Tickets;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Core.Tests.Plugins;

/// <summary>
/// A plugin upgraded in place while tickets keep coming: v2 files copied over v1 in the watched folder. Its own silo,
/// so the only deliveries in the log are the ones this test makes.
/// </summary>
public sealed class PluginSwapTests(TicketClusterFixture fixture) : IClassFixture<TicketClusterFixture>, IDisposable
{
    private const int Tickets = 1_000;
    private readonly TempDirectory _records = new();

    private PluginHost Host => fixture.SiloService<PluginHost>();

    public void Dispose() => _records.Dispose();

    [Fact]
    public async Task Files_of_a_v2_build_swap_it_in_within_5_s_and_every_event_reaches_v1_or_v2_exactly_once()
    {
        var configuration = fixture.SiloService<IConfiguration>();
        configuration["HelpDesk:Plugins:recorder:Mode"] = "record";
        configuration["HelpDesk:Plugins:recorder:RecordTo"] = Path.Combine(_records.Path, "deliveries");
        FixturePlugins.InstallEcho(fixture.PluginsDirectory, "recorder");
        await Eventually.TrueAsync(() => Host.Find("recorder")?.Status is { State: PluginState.Running, Version: "1.0.0" }, TimeSpan.FromSeconds(10));
        var v1 = OldContext("recorder");

        // Tickets open throughout: the upgrade lands while a third of them are written and the rest keep coming.
        var opened = new List<long>();
        var upgraded = new TaskCompletionSource<TimeSpan>();
        var writers = Task.Run(async () =>
        {
            for (var i = 0; i < Tickets; i += 10)
            {
                opened.AddRange(await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => OpenTicketAsync())));
                if (i == 300)
                {
                    _ = Task.Run(async () =>
                    {
                        FixturePlugins.OverwriteEcho(fixture.PluginsDirectory, "recorder", version: 2);
                        var copied = Stopwatch.StartNew();
                        await Eventually.TrueAsync(() => Host.Find("recorder")?.Status is { State: PluginState.Running, Version: "2.0.0" }, TimeSpan.FromSeconds(5));
                        upgraded.SetResult(copied.Elapsed);
                    });
                }

                if (i > 300 && !upgraded.Task.IsCompleted)
                {
                    // Keep a trickle going until v2 runs, so some events are certainly its.
                    await Task.Delay(20);
                }
            }
        });

        var swapTime = await upgraded.Task;
        await writers;
        Assert.True(swapTime < TimeSpan.FromSeconds(5), $"swap took {swapTime}");

        var deliveries = await EventuallyAllDeliveredAsync(opened);
        var perEvent = deliveries.GroupBy(d => (d.Ticket, d.Version)).ToDictionary(g => g.Key, g => g.Select(d => d.Major).ToList());
        Assert.Equal(Tickets, opened.Distinct().Count());
        Assert.All(opened, number => Assert.Single(perEvent[(number, 1)]));
        Assert.Equal(Tickets, deliveries.Count);
        Assert.Contains(deliveries, d => d.Major == 1);
        Assert.Contains(deliveries, d => d.Major == 2);

        // Once v2 runs, nothing goes to v1: each version's deliveries are one unbroken stretch of the log.
        var lastOfV1 = deliveries.Where(d => d.Major == 1).Max(d => d.Position);
        Assert.All(deliveries.Where(d => d.Major == 2), d => Assert.True(d.Position > lastOfV1));

        await Eventually.TrueAsync(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return !v1.IsAlive;
        }, TimeSpan.FromSeconds(10));
    }

    private async Task<List<Delivery>> EventuallyAllDeliveredAsync(IReadOnlyList<long> opened)
    {
        var wanted = opened.ToHashSet();
        var deliveries = new List<Delivery>();
        await Eventually.TrueAsync(() =>
        {
            deliveries = ReadDeliveries();
            return wanted.IsSubsetOf(deliveries.Select(d => d.Ticket));
        }, TimeSpan.FromSeconds(30));
        return deliveries;
    }

    private List<Delivery> ReadDeliveries()
    {
        var deliveries = new List<Delivery>();
        foreach (var file in Directory.GetFiles(_records.Path, "deliveries.*.log"))
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            while (reader.ReadLine() is { } line)
            {
                var parts = line.Split(' ');
                deliveries.Add(new Delivery(int.Parse(parts[0]), long.Parse(parts[1]), int.Parse(parts[2]), long.Parse(parts[3])));
            }
        }

        return deliveries;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private WeakReference OldContext(string id) => Host.Find(id)!.Current!.Plugin.ContextReference;

    private async Task<long> OpenTicketAsync()
    {
        var result = await fixture.SiloService<TicketCommands>().OpenAsync(
            new OpenTicket("Disk almost full", "90% on /var.", new Requester("ops@example.com", "Ops", null, null, null)),
            new Actor(ActorKind.Agent, "agent-1"), null, null, CancellationToken.None);
        return result.Ticket!.Number;
    }


    private sealed record Delivery(int Major, long Ticket, int Version, long Position);
}
