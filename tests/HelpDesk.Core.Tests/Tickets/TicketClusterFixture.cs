using HelpDesk.Core.Hosting;
using HelpDesk.Core.Storage;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace HelpDesk.Core.Tests.Tickets;

/// <summary>A real Orleans test cluster (one silo) over a real SQLite file, as the embedded hub runs.</summary>
public class TicketClusterFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Where this cluster's plugin host looks for plugins; empty at start.</summary>
    public string PluginsDirectory => Path.Combine(_data.Path, "plugins");

    public T SiloService<T>()
        where T : notnull => Cluster.Silos[0].ServiceProvider.GetRequiredService<T>();

    public ITicketEventStore Store => Cluster.Silos[0].ServiceProvider.GetRequiredService<ITicketEventStore>();

    /// <summary>Silos sharing the one store; more than one makes a cluster.</summary>
    protected virtual short SiloCount => 1;

    protected virtual void ConfigureSiloServices(IServiceCollection services)
    {
    }

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["HelpDesk:DataDirectory"] = _data.Path,
                ["HelpDesk:PluginsDirectory"] = PluginsDirectory,
                ["HelpDesk:PluginHost:ReloadDelay"] = "00:00:00.200",
                ["HelpDesk:EventFeed:FirstRetryDelay"] = "00:00:00.050",
                ["HelpDesk:EventFeed:MaxAttempts"] = "3",
                ["HelpDesk:EventFeed:HandlerTimeout"] = "00:00:02",
                ["HelpDesk:PluginHost:CallTimeout"] = "00:00:01",
            });
            host.Services.AddHelpDeskCore(host.Configuration, _data.Path);
            ConfigureSiloServices(host.Services);
        });
        builder.ConfigureSilo((_, silo) => silo.AddHelpDeskGrains());
        builder.ConfigureClient(client => client.Services.AddHelpDeskSerialization());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _data.Dispose();
        GC.SuppressFinalize(this);
    }
}
