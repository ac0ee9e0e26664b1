using HelpDesk.TestSupport;
using HelpDesk.Core.Plugins.Capabilities;
using HelpDesk.Core.Plugins.Hosting;
using HelpDesk.Core.Tests.Tickets;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Core.Tests.Plugins;

/// <summary>The catalog over a real silo's plugin host, with the capabilities fixture plugin really loaded.</summary>
public sealed class PluginCapabilityCatalogTests(TicketClusterFixture fixture) : IClassFixture<TicketClusterFixture>
{
    private static readonly TicketSnapshot Ticket = new(
        1042, 3, "Checkout fails", Sdk.Tickets.TicketStatus.Open, TicketPriority.High, new Customer("ana@example.com"), null, null, [], new Dictionary<string, string>(), null, [],
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private PluginHost Host => fixture.SiloService<PluginHost>();

    private PluginCapabilityCatalog Catalog => fixture.SiloService<PluginCapabilityCatalog>();

    [Fact]
    public async Task Finds_a_running_plugins_escalation_target_by_name_and_calls_it()
    {
        await InstallAsync("tracker-ok", mode: "ok");

        var target = Catalog.Find<IEscalationTarget>("tracker-ok");

        Assert.NotNull(target);
        Assert.Equal("tracker-ok", target.PluginId);
        var result = await target.CallAsync((t, token) => t.CreateIssueAsync(new EscalationRequest(Ticket, "Checkout fails", "Since 9:00.", "1042-1"), token), CancellationToken.None);
        Assert.True(result.Succeeded);
        Assert.Equal(new ExternalReference("tracker-ok", "FIX-1042", "https://tracker.example.com/FIX-1042"), result.Value!.Reference);
        Assert.Null(Catalog.Find<IEscalationTarget>("no-such-tracker"));
    }

    [Fact]
    public async Task Lists_every_customer_context_provider_and_each_answers()
    {
        await InstallAsync("crm-one", mode: "ok");
        await InstallAsync("crm-two", mode: "ok");

        var providers = Catalog.All<ICustomerContextProvider>().Where(p => p.PluginId.StartsWith("crm-", StringComparison.Ordinal)).ToList();

        Assert.Equal(["crm-one", "crm-two"], providers.Select(p => p.Name));
        foreach (var provider in providers)
        {
            var profile = await provider.CallAsync((p, token) => p.FindCustomerAsync(new CustomerLookup("vip@example.com"), token), CancellationToken.None);
            Assert.True(profile.Value!.IsVip);
        }
    }

    [Fact]
    public async Task A_throwing_plugin_is_a_failure_value_naming_the_plugin_not_an_exception()
    {
        await InstallAsync("tracker-throws", mode: "throw");

        var result = await Catalog.Find<IEscalationTarget>("tracker-throws")!.CallAsync((t, token) => t.GetIssueAsync(new ExternalReference("x", "X-1"), token), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal((CapabilityFailureKind.Failed, "tracker-throws"), (result.Failure!.Kind, result.Failure.PluginId));
        Assert.Contains("The tracker is down.", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_plugin_times_out_within_its_call_timeout_even_when_it_ignores_the_token()
    {
        await InstallAsync("tracker-hangs", mode: "hang");
        var started = DateTimeOffset.UtcNow;

        var result = await Catalog.Find<IEscalationTarget>("tracker-hangs")!.CallAsync((t, token) => t.GetIssueAsync(new ExternalReference("x", "X-1"), token), CancellationToken.None);

        Assert.Equal(CapabilityFailureKind.TimedOut, result.Failure!.Kind);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_disabled_plugins_capability_is_no_longer_listed_and_a_handle_held_before_fails_as_unavailable()
    {
        await InstallAsync("tracker-off", mode: "ok");
        var held = Catalog.Find<IEscalationTarget>("tracker-off")!;

        await Host.DisableAsync("tracker-off", CancellationToken.None);

        Assert.Null(Catalog.Find<IEscalationTarget>("tracker-off"));
        var result = await held.CallAsync((t, token) => t.GetIssueAsync(new ExternalReference("x", "X-1"), token), CancellationToken.None);
        Assert.Equal(CapabilityFailureKind.Unavailable, result.Failure!.Kind);
    }

    [Fact]
    public async Task A_handle_survives_a_reload_and_calls_the_new_version()
    {
        await InstallAsync("tracker-reloaded", mode: "ok");
        var held = Catalog.Find<IEscalationTarget>("tracker-reloaded")!;

        await Host.ReloadAsync("tracker-reloaded", CancellationToken.None);

        var result = await held.CallAsync((t, token) => t.AddCommentAsync(new EscalationComment(new ExternalReference("tracker-reloaded", "FIX-1"), 1, "Any news?", "1-4"), token), CancellationToken.None);
        Assert.Equal("FIX-1-c1", result.Value!.Id);
    }

    [Fact]
    public async Task A_name_offered_by_several_plugins_is_not_guessed_unless_one_of_them_has_that_id()
    {
        await InstallAsync("tracker-a", mode: "ok", name: "shared-tracker");
        await InstallAsync("tracker-b", mode: "ok", name: "shared-tracker");

        Assert.Null(Catalog.Find<IEscalationTarget>("shared-tracker"));

        await InstallAsync("shared-tracker", mode: "ok");
        Assert.Equal("shared-tracker", Catalog.Find<IEscalationTarget>("shared-tracker")?.PluginId);
    }

    private async Task InstallAsync(string id, string mode, string? name = null)
    {
        var configuration = fixture.SiloService<IConfiguration>();
        configuration[$"HelpDesk:Plugins:{id}:Name"] = name ?? id;
        configuration[$"HelpDesk:Plugins:{id}:Mode"] = mode;

        // A schedule far away: these tests are about the catalog, not about tasks.
        configuration[$"HelpDesk:Plugins:{id}:Cron"] = "0 0 0 1 1 ? 2099";
        CapabilitiesFixture.Install(fixture.PluginsDirectory, id);
        await Eventually.TrueAsync(() => Host.Find(id)?.Status.State == PluginState.Running);
    }
}
