using HelpDesk.Core.Hosting;
using HelpDesk.Core.Reports;
using HelpDesk.Core.Storage;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace HelpDesk.Core.Tests.Scheduling;

/// <summary>
/// The scheduling half of one hub node: the hub's own composition on a shared database, its store migrated, the hub's
/// Quartz scheduler started and report scheduling's start-up (every schedule applied, missed runs caught up) done. No
/// silo: nothing these nodes fire calls a grain, and the periodic scans are pushed an hour out.
/// </summary>
public sealed class HubNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TempDirectory _data;

    private HubNode(ServiceProvider services, TempDirectory data, IScheduler scheduler) => (_services, _data, Scheduler) = (services, data, scheduler);

    public IScheduler Scheduler { get; }

    public ReportScheduling Scheduling => _services.GetRequiredService<ReportScheduling>();

    public ReportSchedules Schedules => _services.GetRequiredService<ReportSchedules>();

    public static Task<HubNode> PostgreSqlAsync(string connectionString, FiringLog? firings = null) => StartAsync(new()
    {
        ["HelpDesk:Storage:Provider"] = "PostgreSql",
        ["HelpDesk:Storage:ConnectionString"] = connectionString,
    }, firings);

    public static Task<HubNode> SqliteAsync() => StartAsync([], null);

    private static async Task<HubNode> StartAsync(Dictionary<string, string?> storage, FiringLog? firings)
    {
        var data = new TempDirectory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(storage)
        {
            ["HelpDesk:DataDirectory"] = data.Path,
            ["HelpDesk:PluginsDirectory"] = Path.Combine(data.Path, "plugins"),
            ["HelpDesk:Sla:WatchInterval"] = "01:00:00",
            ["HelpDesk:Rules:TimeCheckInterval"] = "01:00:00",
            ["HelpDesk:Reports:Spikes:CheckInterval"] = "01:00:00",
            ["HelpDesk:CustomerContext:RefreshInterval"] = "01:00:00",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddHelpDeskCore(configuration, data.Path);
        var provider = services.BuildServiceProvider();

        var token = TestContext.Current.CancellationToken;
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(token);
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(token);
        if (firings is not null)
        {
            scheduler.ListenerManager.AddJobListener(firings, [GroupMatcher<JobKey>.GroupEquals(ReportScheduling.Group)]);
        }

        await scheduler.Start(token);
        var scheduling = provider.GetRequiredService<ReportScheduling>();
        await scheduling.StartAsync(token);
        await scheduling.ExecuteTask!;
        return new HubNode(provider, data, scheduler);
    }

    /// <summary>Shuts the scheduler down once the jobs it runs have finished.</summary>
    public async Task StopAsync() => await Scheduler.Shutdown(waitForJobsToComplete: true);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
        _data.Dispose();
    }
}
