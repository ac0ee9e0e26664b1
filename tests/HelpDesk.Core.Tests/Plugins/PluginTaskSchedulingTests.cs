using HelpDesk.Core.Plugins.Hosting;
using HelpDesk.Core.Scheduling;
using HelpDesk.Core.Tests.Tickets;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace HelpDesk.Core.Tests.Plugins;

/// <summary>A real loaded plugin's scheduled tasks, run by the silo's Quartz scheduler every second.</summary>
public sealed class PluginTaskSchedulingTests(TicketClusterFixture fixture) : IClassFixture<TicketClusterFixture>, IDisposable
{
    private readonly TempDirectory _records = new();

    private PluginHost Host => fixture.SiloService<PluginHost>();

    public void Dispose() => _records.Dispose();

    [Fact]
    public async Task A_plugins_task_runs_on_schedule_beside_one_that_always_throws()
    {
        await InstallAsync("ticker", boom: true);

        // Both keep running: a throwing task neither stops itself from running again nor stops the other.
        await Eventually.TrueAsync(() => Runs("ticker", "tick") >= 3 && Runs("ticker", "boom") >= 3);
        Assert.Equal(PluginState.Running, Host.Find("ticker")!.Status.State);
    }

    [Fact]
    public async Task Disabling_the_plugin_unschedules_its_tasks_and_they_stop_running()
    {
        await InstallAsync("stopper", boom: false);
        await Eventually.TrueAsync(() => Runs("stopper", "tick") >= 1);

        await Host.DisableAsync("stopper", CancellationToken.None);
        var scheduler = await fixture.SiloService<ISchedulerFactory>().GetRequiredScheduler(PluginTaskScheduler.SchedulerName);
        await Eventually.TrueAsync(() => scheduler.GetJobDetail(new JobKey("tick", PluginTaskScheduler.GroupOf("stopper"))).AsTask().Result is null);
        var runs = Runs("stopper", "tick");
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Equal(runs, Runs("stopper", "tick"));
    }

    [Fact]
    public async Task A_reloaded_plugin_keeps_its_tasks_running_in_the_new_version()
    {
        await InstallAsync("reloader", boom: false);
        await Eventually.TrueAsync(() => Runs("reloader", "tick") >= 1);

        await Host.ReloadAsync("reloader", CancellationToken.None);
        var runs = Runs("reloader", "tick");

        await Eventually.TrueAsync(() => Runs("reloader", "tick") >= runs + 2);
    }

    [Fact]
    public async Task A_task_whose_cron_expression_does_not_parse_faults_the_plugin_with_the_reason()
    {
        var configuration = fixture.SiloService<IConfiguration>();
        configuration["HelpDesk:Plugins:badcron:Cron"] = "every minute";
        CapabilitiesFixture.Install(fixture.PluginsDirectory, "badcron");

        await Eventually.TrueAsync(() => Host.Find("badcron")?.Status.State == PluginState.Faulted);

        Assert.Contains("'tick'", Host.Find("badcron")!.Status.Error, StringComparison.Ordinal);
        Assert.Contains("cron expression", Host.Find("badcron")!.Status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_naming_an_unknown_time_zone_faults_the_plugin_with_the_reason()
    {
        var configuration = fixture.SiloService<IConfiguration>();
        configuration["HelpDesk:Plugins:badzone:TimeZone"] = "Mars/Olympus";
        CapabilitiesFixture.Install(fixture.PluginsDirectory, "badzone");

        await Eventually.TrueAsync(() => Host.Find("badzone")?.Status.State == PluginState.Faulted);

        Assert.Contains("Mars/Olympus", Host.Find("badzone")!.Status.Error, StringComparison.Ordinal);
    }

    private async Task InstallAsync(string id, bool boom)
    {
        var configuration = fixture.SiloService<IConfiguration>();
        configuration[$"HelpDesk:Plugins:{id}:Name"] = id;
        configuration[$"HelpDesk:Plugins:{id}:RecordTo"] = Path.Combine(_records.Path, id);
        configuration[$"HelpDesk:Plugins:{id}:Boom"] = boom ? "true" : "false";
        CapabilitiesFixture.Install(fixture.PluginsDirectory, id);
        await Eventually.TrueAsync(() => Host.Find(id)?.Status.State == PluginState.Running);
    }

    private int Runs(string id, string task)
    {
        var log = Path.Combine(_records.Path, id, $"{task}.log");
        try
        {
            return File.Exists(log) ? File.ReadAllLines(log).Length : 0;
        }
        catch (IOException)
        {
            return 0; // being appended to right now; the next look sees it
        }
    }
}
