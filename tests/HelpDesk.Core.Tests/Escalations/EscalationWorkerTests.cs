using HelpDesk.Core.Plugins.Hosting;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Tests.Plugins;
using HelpDesk.Core.Tests.Tickets;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Escalations;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Core.Tests.Escalations;

/// <summary>Escalations carried out from the event feed by a real plugin's escalation target, over a real silo and store.</summary>
public sealed class EscalationWorkerTests(EscalationClusterFixture fixture) : IClassFixture<EscalationClusterFixture>
{
    private static readonly Actor Agent = new(ActorKind.Agent, "agent-7", "Bea");

    private TicketCommands Commands => fixture.SiloService<TicketCommands>();

    private async Task<long> OpenAsync()
    {
        var opened = await Commands.OpenAsync(
            new OpenTicket("Checkout fails", "Since 9:00 every payment fails.", new Requester("ana@example.com", "Ana", null, null, "Contoso")),
            Agent, idempotencyKey: null, requestHash: null, CancellationToken.None);
        return opened.Ticket!.Number;
    }

    private async Task<TicketState> TicketAsync(long number) =>
        (await fixture.SiloService<TicketQueries>().GetAsync(number, CancellationToken.None))!;

    [Fact]
    public async Task An_escalation_creates_the_issue_through_the_plugin_and_links_the_ticket_to_it()
    {
        // Slow, so the second request surely comes while the first is in flight (a fast tracker could finish in between).
        await InstallTrackerAsync("tracker-slow", "slow");
        var number = await OpenAsync();

        var requested = await Commands.EscalateAsync(number, new EscalateTicket("esc-1", "tracker-slow", Note: "VIP customer"), Agent);
        var doubled = await Commands.EscalateAsync(number, new EscalateTicket("esc-2", "tracker-slow"), Agent);

        Assert.Null(requested.Rejection);
        Assert.Equal(EscalationState.Requested, Assert.Single(doubled.Ticket!.Escalations).State);
        await Eventually.TrueAsync(async () => (await TicketAsync(number)).Escalations[0].State == EscalationState.Done, TimeSpan.FromSeconds(15));
        var ticket = await TicketAsync(number);
        Assert.Equal(($"FIX-{number}", $"https://tracker.example.com/FIX-{number}"), (ticket.Escalations[0].Key, ticket.Escalations[0].Url));
        Assert.Equal(new ExternalLink("tracker-slow", $"FIX-{number}", $"https://tracker.example.com/FIX-{number}", "To Do"), Assert.Single(ticket.ExternalLinks));
        var linked = await fixture.SiloService<TicketQueries>().ListAsync(new TicketQuery { LinkedTo = new ExternalLinkKey("tracker-slow", $"FIX-{number}") }, CancellationToken.None);
        Assert.Equal([number], linked.Items.Select(t => t.Number));
    }

    [Fact]
    public async Task A_failing_tracker_is_recorded_once_retried_apart_from_the_feed_and_abandoned_while_other_escalations_go_ahead()
    {
        await InstallTrackerAsync("tracker-down", "throw");
        await InstallTrackerAsync("tracker-up", "ok");
        var failing = await OpenAsync();
        var working = await OpenAsync();

        await Commands.EscalateAsync(failing, new EscalateTicket("esc-1", "tracker-down"), Agent);
        await Commands.EscalateAsync(working, new EscalateTicket("esc-2", "tracker-up"), Agent);

        await Eventually.TrueAsync(async () => (await TicketAsync(working)).Escalations[0].State == EscalationState.Done, TimeSpan.FromSeconds(15));
        await Eventually.TrueAsync(async () => (await TicketAsync(failing)).Escalations[0].State == EscalationState.Abandoned, TimeSpan.FromSeconds(15));
        var failures = (await fixture.Store.ReadTicketAsync(failing, CancellationToken.None)).Select(e => e.Event).OfType<EscalationFailed>().ToList();
        Assert.Equal([false, true], failures.Select(f => f.Final));
        Assert.Contains("The tracker is down.", failures[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith($"Gave up after {EscalationClusterFixture.MaxAttempts} attempts", failures[1].Reason, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.SiloService<HelpDesk.Core.EventFeed.SubscriberCheckpoints>().CountDeadLettersAsync("escalations", CancellationToken.None));
    }

    [Fact]
    public async Task A_note_for_engineering_is_added_to_the_escalated_issue_through_the_plugin()
    {
        await InstallTrackerAsync("tracker-notes", "ok");
        var number = await OpenAsync();
        await Commands.EscalateAsync(number, new EscalateTicket("esc-1", "tracker-notes"), Agent);
        await Eventually.TrueAsync(async () => (await TicketAsync(number)).Escalations[0].State == EscalationState.Done, TimeSpan.FromSeconds(15));

        var noted = await Commands.CommentOnEscalationAsync(number, "esc-1", "note-1", "The customer is blocked since 9:00.", Agent);

        Assert.Null(noted.Rejection);
        await Eventually.TrueAsync(async () => (await TicketAsync(number)).Escalations[0].DeliveredNotes == 1, TimeSpan.FromSeconds(15));
        var delivered = Assert.Single((await fixture.Store.ReadTicketAsync(number, CancellationToken.None)).Select(e => e.Event).OfType<EscalationCommentDelivered>());
        Assert.Equal($"FIX-{number}-c1", delivered.ExternalId);
        Assert.Empty((await TicketAsync(number)).Escalations[0].PendingNotes);
    }

    [Fact]
    public async Task Reloading_the_trackers_plugin_while_escalations_are_in_flight_loses_none_and_duplicates_none()
    {
        await InstallTrackerAsync("tracker-reload", "ok");
        var numbers = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            numbers.Add(await OpenAsync());
        }

        var escalating = Task.WhenAll(numbers.Select(n => Commands.EscalateAsync(n, new EscalateTicket($"esc-{n}", "tracker-reload"), Agent)));
        var host = fixture.SiloService<PluginHost>();
        for (var reload = 0; reload < 3; reload++)
        {
            await host.ReloadAsync("tracker-reload", CancellationToken.None);
        }

        await escalating;
        await Eventually.TrueAsync(
            async () => (await Task.WhenAll(numbers.Select(TicketAsync))).All(t => t.Escalations[0].State == EscalationState.Done), TimeSpan.FromSeconds(30));
        foreach (var number in numbers)
        {
            var events = (await fixture.Store.ReadTicketAsync(number, CancellationToken.None)).Select(e => e.Event).ToList();
            Assert.Single(events.OfType<Escalated>());
            Assert.Equal($"FIX-{number}", Assert.Single((await TicketAsync(number)).ExternalLinks).Key);
        }
    }

    [Fact]
    public async Task An_unlinked_issue_no_longer_finds_the_ticket_and_unlinking_twice_is_not_found()
    {
        var number = await OpenAsync();
        await Commands.LinkExternalIssueAsync(number, new ExternalLink("jira", "OPS-5", null), Agent);

        var unlinked = await Commands.UnlinkExternalIssueAsync(number, "jira", "OPS-5", Agent);
        var again = await Commands.UnlinkExternalIssueAsync(number, "jira", "OPS-5", Agent);

        Assert.Empty(unlinked.Ticket!.ExternalLinks);
        Assert.Equal((RejectionKind.NotFound, "key"), (again.Rejection!.Kind, again.Rejection.Field));
        var linked = await fixture.SiloService<TicketQueries>().ListAsync(new TicketQuery { LinkedTo = new ExternalLinkKey("jira", "OPS-5") }, CancellationToken.None);
        Assert.Empty(linked.Items);
    }

    [Fact]
    public async Task Linking_an_existing_issue_checks_it_with_the_tracker_and_links_it_with_its_status()
    {
        await InstallTrackerAsync("tracker-link", "ok");
        var number = await OpenAsync();

        await Commands.EscalateAsync(number, new EscalateTicket("esc-1", "tracker-link", LinkKey: "OPS-77"), Agent);

        await Eventually.TrueAsync(async () => (await TicketAsync(number)).Escalations[0].State == EscalationState.Done, TimeSpan.FromSeconds(15));
        Assert.Equal(new ExternalLink("tracker-link", "OPS-77", null, "In Progress"), Assert.Single((await TicketAsync(number)).ExternalLinks));
    }

    private async Task InstallTrackerAsync(string id, string mode)
    {
        var configuration = fixture.SiloService<IConfiguration>();
        configuration[$"HelpDesk:Plugins:{id}:Name"] = id;
        configuration[$"HelpDesk:Plugins:{id}:Mode"] = mode;
        configuration[$"HelpDesk:Plugins:{id}:Cron"] = "0 0 0 1 1 ? 2099";
        CapabilitiesFixture.Install(fixture.PluginsDirectory, id);
        await Eventually.TrueAsync(() => fixture.SiloService<PluginHost>().Find(id)?.Status.State == PluginState.Running);
    }
}
