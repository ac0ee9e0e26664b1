using HelpDesk.Core.Plugins.Hosting;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tests.Tickets;
using HelpDesk.Core.Tickets;
using HelpDesk.TestSupport;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tests.Plugins;

/// <summary>The plugin host inside a real silo, fed by a real plugins folder and the durable event feed.</summary>
public sealed class PluginHostTests(TicketClusterFixture fixture) : IClassFixture<TicketClusterFixture>
{
    private PluginHost Host => fixture.SiloService<PluginHost>();

    [Fact]
    public async Task A_plugin_copied_into_the_folder_runs_and_its_handler_acts_on_new_tickets()
    {
        CopyEcho("echo");
        await Eventually.TrueAsync(() => Host.Find("echo")?.Status.State == PluginState.Running);

        var number = await OpenTicketAsync();

        await Eventually.TrueAsync(async () => (await EventsAsync(number)).Any(e => e.Event is InternalNoteAdded { Actor.Id: "plugin:echo" }));
        var note = (await EventsAsync(number)).Select(e => e.Event).OfType<InternalNoteAdded>().Single(n => n.Actor.Id == "plugin:echo");
        Assert.Equal($"echo v1 saw #{number}", note.Body);
    }

    [Fact]
    public async Task A_plugin_built_for_another_sdk_is_faulted_with_its_reason_and_the_hub_runs_on()
    {
        CopyEcho("future", manifest => manifest.Replace("[0.4.0, 1.0.0)", "[1.0.0, 2.0.0)", StringComparison.Ordinal));

        await Eventually.TrueAsync(() => Host.Find("future")?.Status.State == PluginState.Faulted);

        Assert.Contains("SDK", Host.Find("future")!.Status.Error, StringComparison.Ordinal);
        Assert.True(await OpenTicketAsync() > 0);
    }

    [Fact]
    public async Task A_disabled_plugin_gets_no_events_until_enabled_then_gets_those_it_missed()
    {
        CopyEcho("paused");
        await Eventually.TrueAsync(() => Host.Find("paused")?.Status.State == PluginState.Running);
        await Host.DisableAsync("paused", CancellationToken.None);

        var number = await OpenTicketAsync();
        Assert.Equal(PluginState.Disabled, Host.Find("paused")!.Status.State);
        await Host.EnableAsync("paused", CancellationToken.None);

        await Eventually.TrueAsync(async () => (await EventsAsync(number)).Any(e => e.Event is InternalNoteAdded { Actor.Id: "plugin:paused" }));
    }

    [Fact]
    public async Task A_reload_swaps_in_a_new_version_and_unloads_the_old_one()
    {
        CopyEcho("swapped");
        await Eventually.TrueAsync(() => Host.Find("swapped")?.Status.State == PluginState.Running);
        var old = OldContext("swapped");

        await Host.ReloadAsync("swapped", CancellationToken.None);

        Assert.Equal(PluginState.Running, Host.Find("swapped")!.Status.State);
        await Eventually.TrueAsync(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return !old.IsAlive;
        });
    }

    [Fact]
    public async Task Plugins_that_throw_or_hang_slow_nothing_else_park_their_events_and_replay_delivers_them()
    {
        var configuration = fixture.SiloService<Microsoft.Extensions.Configuration.IConfiguration>();
        configuration["HelpDesk:Plugins:thrower:Mode"] = "throw";
        configuration["HelpDesk:Plugins:hanger:Mode"] = "hang";
        CopyEcho("thrower");
        CopyEcho("hanger");
        CopyEcho("healthy");
        await Eventually.TrueAsync(() => new[] { "thrower", "hanger", "healthy" }.All(id => Host.Find(id)?.Status.State == PluginState.Running));

        var number = await OpenTicketAsync();

        await Eventually.TrueAsync(async () => (await EventsAsync(number)).Any(e => e.Event is InternalNoteAdded { Actor.Id: "plugin:healthy" }));
        var checkpoints = fixture.SiloService<HelpDesk.Core.EventFeed.SubscriberCheckpoints>();
        await Eventually.TrueAsync(async () =>
            (await checkpoints.DeadLettersAsync("plugin:thrower", CancellationToken.None)).Any(l => l.Ticket == number)
            && (await checkpoints.DeadLettersAsync("plugin:hanger", CancellationToken.None)).Any(l => l.Ticket == number));

        // Fixed and reloaded, the thrower gets its parked event back on replay.
        configuration["HelpDesk:Plugins:thrower:Mode"] = "echo";
        await Host.ReloadAsync("thrower", CancellationToken.None);
        var dispatcher = fixture.SiloService<HelpDesk.Core.EventFeed.EventFeedService>().DispatcherFor("plugin:thrower")!;
        Assert.True(await dispatcher.ReplayDeadLettersAsync(CancellationToken.None) >= 1);
        Assert.Contains((await EventsAsync(number)).Select(e => e.Event), e => e is InternalNoteAdded { Actor.Id: "plugin:thrower" });
    }

    [Fact]
    public async Task A_newly_installed_plugin_acts_on_tickets_from_now_on_not_on_the_hubs_history()
    {
        var before = await OpenTicketAsync();
        CopyEcho("newcomer");
        await Eventually.TrueAsync(() => Host.Find("newcomer")?.Status.State == PluginState.Running);

        var after = await OpenTicketAsync();

        // Delivery is in log order, so once the later ticket is handled the earlier one would have been too.
        await Eventually.TrueAsync(async () => (await EventsAsync(after)).Any(e => e.Event is InternalNoteAdded { Actor.Id: "plugin:newcomer" }));
        Assert.DoesNotContain((await EventsAsync(before)).Select(e => e.Event), e => e is InternalNoteAdded { Actor.Id: "plugin:newcomer" });
    }

    [Fact]
    public async Task A_fixed_version_is_not_held_back_by_the_circuit_breaker_its_broken_predecessor_tripped()
    {
        var configuration = fixture.SiloService<Microsoft.Extensions.Configuration.IConfiguration>();
        configuration["HelpDesk:Plugins:tripper:Mode"] = "throw";
        CopyEcho("tripper");
        await Eventually.TrueAsync(() => Host.Find("tripper")?.Status.State == PluginState.Running);
        var checkpoints = fixture.SiloService<HelpDesk.Core.EventFeed.SubscriberCheckpoints>();

        // Four tickets at three attempts each are more failed calls than the breaker's minimum of ten: it opens.
        var numbers = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            numbers.Add(await OpenTicketAsync());
        }

        // Each ticket's opening (version 1) is parked; other plugins' notes on them are parked too, and replayed alike.
        await Eventually.TrueAsync(async () => (await checkpoints.DeadLettersAsync("plugin:tripper", CancellationToken.None)).Count(l => numbers.Contains(l.Ticket) && l.Version == 1) == numbers.Count);
        Assert.Contains(await checkpoints.DeadLettersAsync("plugin:tripper", CancellationToken.None), l => l.Error.StartsWith("BrokenCircuitException", StringComparison.Ordinal));

        configuration["HelpDesk:Plugins:tripper:Mode"] = "echo";
        await Host.ReloadAsync("tripper", CancellationToken.None);
        var dispatcher = fixture.SiloService<HelpDesk.Core.EventFeed.EventFeedService>().DispatcherFor("plugin:tripper")!;

        Assert.True(await dispatcher.ReplayDeadLettersAsync(CancellationToken.None) >= numbers.Count);
        Assert.DoesNotContain(await checkpoints.DeadLettersAsync("plugin:tripper", CancellationToken.None), l => numbers.Contains(l.Ticket));
        foreach (var number in numbers)
        {
            Assert.Contains((await EventsAsync(number)).Select(e => e.Event), e => e is InternalNoteAdded { Actor.Id: "plugin:tripper" });
        }
    }

    [Fact]
    public async Task A_removed_plugin_parks_nothing_and_put_back_gets_what_it_missed()
    {
        var folder = CopyEcho("comeback");
        await Eventually.TrueAsync(() => Host.Find("comeback")?.Status.State == PluginState.Running);
        Directory.Delete(folder, recursive: true);
        await Eventually.TrueAsync(() => Host.Find("comeback") is null);

        var missed = await OpenTicketAsync();
        CopyEcho("comeback");
        await Eventually.TrueAsync(() => Host.Find("comeback")?.Status.State == PluginState.Running);
        var later = await OpenTicketAsync();

        await Eventually.TrueAsync(async () => (await EventsAsync(later)).Any(e => e.Event is InternalNoteAdded { Actor.Id: "plugin:comeback" }));
        Assert.Contains((await EventsAsync(missed)).Select(e => e.Event), e => e is InternalNoteAdded { Actor.Id: "plugin:comeback" });
        var checkpoints = fixture.SiloService<HelpDesk.Core.EventFeed.SubscriberCheckpoints>();
        Assert.Empty(await checkpoints.DeadLettersAsync("plugin:comeback", CancellationToken.None));
    }

    // Out of line, so the old version is referenced only through the weak reference afterwards.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private WeakReference OldContext(string id) => Host.Find(id)!.Current!.Plugin.ContextReference;

    private string CopyEcho(string id, Func<string, string>? editManifest = null) => FixturePlugins.InstallEcho(fixture.PluginsDirectory, id, editManifest);

    private async Task<long> OpenTicketAsync()
    {
        var result = await fixture.SiloService<TicketCommands>().OpenAsync(
            new OpenTicket("Printer on fire", "Smoke.", new Requester("ana@example.com", "Ana", null, null, null)),
            new Actor(ActorKind.Agent, "agent-1"), null, null, CancellationToken.None);
        return result.Ticket!.Number;
    }

    private Task<IReadOnlyList<StoredTicketEvent>> EventsAsync(long number) => fixture.Store.ReadTicketAsync(number, CancellationToken.None);


}
