using HelpDesk.Core.Alerts;
using HelpDesk.Core.Plugins;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using HelpDesk.Sdk;
using Microsoft.Extensions.DependencyInjection;
using SdkAlerts = HelpDesk.Sdk.Alerts;

namespace HelpDesk.Core.Tests.Alerts;

/// <summary>Alert reports through the real grains and store: one ticket per key whatever the concurrency, and the ticket follows the alert.</summary>
public sealed class AlertReportTests(AlertClusterFixture fixture) : IClassFixture<AlertClusterFixture>
{
    private static readonly Actor Monitoring = new(ActorKind.Integration, "plugin:monitoring", "monitoring");

    private AlertCommands Alerts => fixture.SiloService<AlertCommands>();

    private static string NewSource() => $"prometheus-{Guid.NewGuid():N}"[..24];

    private static ReportAlert Firing(string source, string key = "bef14209e40016bc", string? occurrence = null) => new(
        source, key, AlertStatus.Firing, "Checkout error rate above 5%", AlertSeverity.Critical, "5xx ratio is 7.4%.",
        new Dictionary<string, string> { ["alertname"] = "HighErrorRate", ["service"] = "checkout" },
        [new AlertLink("https://runbooks.example.com/checkout/high-error-rate", "Runbook")],
        OccurredAt: null, occurrence, Group: null);

    private async Task<TicketState> TicketAsync(long number) =>
        await fixture.SiloService<TicketQueries>().GetAsync(number, CancellationToken.None) ?? throw new InvalidOperationException($"No ticket #{number}.");

    [Fact]
    public async Task Two_hundred_concurrent_firings_of_one_alert_make_one_ticket_that_counts_two_hundred()
    {
        var source = NewSource();

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Alerts.ReportAsync(Firing(source), Monitoring)));

        var ticket = Assert.Single(results.Select(r => r.Ticket).Distinct());
        Assert.Equal(1, results.Count(r => r.Outcome == AlertOutcome.Opened));
        Assert.Equal(199, results.Count(r => r.Outcome == AlertOutcome.Occurred));
        var state = await TicketAsync(ticket!.Value);
        Assert.Equal(200, Assert.Single(state.Alerts).Occurrences);
        Assert.Equal((TicketType.Incident, Channel.Monitoring, Priority.Urgent, "checkout"), (state.Type, state.Channel, state.Priority, state.Queue));
        Assert.Single((await fixture.SiloService<TicketQueries>().ListAsync(new TicketQuery { ExternalId = $"alert:{source}:bef14209e40016bc" }, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task A_report_repeated_with_the_same_occurrence_id_changes_nothing()
    {
        var source = NewSource();
        var first = await Alerts.ReportAsync(Firing(source, occurrence: "firing@09:58"), Monitoring);
        var version = (await TicketAsync(first.Ticket!.Value)).Version;

        var repeated = await Alerts.ReportAsync(Firing(source, occurrence: "firing@09:58"), Monitoring);

        Assert.Equal((AlertOutcome.Duplicate, first.Ticket, 1), (repeated.Outcome, repeated.Ticket, repeated.Occurrences));
        Assert.Equal(version, (await TicketAsync(first.Ticket.Value)).Version);
    }

    [Fact]
    public async Task Resolution_solves_the_ticket_with_a_note_and_a_firing_soon_after_reopens_the_same_ticket()
    {
        var source = NewSource();
        var opened = await Alerts.ReportAsync(Firing(source), Monitoring);

        var resolved = await Alerts.ReportAsync(Firing(source) with { Status = AlertStatus.Resolved }, Monitoring);
        var solved = await TicketAsync(opened.Ticket!.Value);
        var again = await Alerts.ReportAsync(Firing(source), Monitoring);
        var reopened = await TicketAsync(opened.Ticket.Value);

        Assert.Equal((AlertOutcome.Resolved, TicketStatus.Solved, 1), (resolved.Outcome, solved.Status, solved.InternalNoteCount));
        Assert.Equal((AlertOutcome.Reopened, opened.Ticket), (again.Outcome, again.Ticket));
        Assert.Equal((TicketStatus.Open, 2, 2), (reopened.Status, reopened.InternalNoteCount, reopened.Alerts[0].Occurrences));
    }

    [Fact]
    public async Task A_firing_after_the_reopen_window_opens_a_new_ticket()
    {
        var source = NewSource();
        var opened = await Alerts.ReportAsync(Firing(source), Monitoring);
        await Alerts.ReportAsync(Firing(source) with { Status = AlertStatus.Resolved }, Monitoring);

        fixture.Clock.Advance(new AlertPolicy().ReopenWindow + TimeSpan.FromMinutes(1));
        var later = await Alerts.ReportAsync(Firing(source), Monitoring);

        Assert.Equal(AlertOutcome.Opened, later.Outcome);
        Assert.NotEqual(opened.Ticket, later.Ticket);
        Assert.Equal(TicketStatus.Solved, (await TicketAsync(opened.Ticket!.Value)).Status);
    }

    [Fact]
    public async Task A_firing_on_an_alert_whose_ticket_an_agent_closed_opens_a_new_ticket()
    {
        var source = NewSource();
        var opened = await Alerts.ReportAsync(Firing(source), Monitoring);
        var close = await fixture.SiloService<TicketCommands>().UpdateAsync(
            opened.Ticket!.Value, new Domain.Commands.UpdateTicket { Status = TicketStatus.Closed }, Monitoring, expectedVersion: null);
        Assert.Null(close.Rejection);

        var again = await Alerts.ReportAsync(Firing(source), Monitoring);

        Assert.Equal((AlertOutcome.Opened, 1), (again.Outcome, again.Occurrences));
        Assert.NotEqual(opened.Ticket, again.Ticket);
    }

    [Fact]
    public async Task An_acknowledgement_or_resolution_for_an_alert_never_seen_is_ignored()
    {
        var source = NewSource();

        var acknowledged = await Alerts.ReportAsync(Firing(source) with { Status = AlertStatus.Acknowledged }, Monitoring);
        var resolved = await Alerts.ReportAsync(Firing(source) with { Status = AlertStatus.Resolved }, Monitoring);

        Assert.Equal((AlertOutcome.Ignored, (long?)null), (acknowledged.Outcome, acknowledged.Ticket));
        Assert.Equal((AlertOutcome.Ignored, (long?)null), (resolved.Outcome, resolved.Ticket));
        Assert.Null(await fixture.SiloService<AlertStore>().FindAsync(source, "bef14209e40016bc", CancellationToken.None));
    }

    [Fact]
    public async Task Beyond_the_storm_threshold_new_alerts_join_one_storm_incident_which_is_solved_when_all_resolve()
    {
        var source = NewSource();
        var keys = Enumerable.Range(0, 10).Select(i => $"node-{i:00}").ToList();

        var results = new List<AlertResult>();
        foreach (var key in keys)
        {
            results.Add(await Alerts.ReportAsync(Firing(source, key), Monitoring));
        }

        Assert.Equal(AlertClusterFixture.StormThreshold, results.Count(r => r.Outcome == AlertOutcome.Opened));
        var storm = Assert.Single(results.Where(r => r.Outcome == AlertOutcome.Grouped).Select(r => r.Ticket).Distinct());
        var incident = await TicketAsync(storm!.Value);
        Assert.Equal(keys.Count - AlertClusterFixture.StormThreshold, incident.Alerts.Count);
        Assert.Contains(AlertTickets.StormTag, incident.Tags);

        foreach (var key in keys.Skip(AlertClusterFixture.StormThreshold))
        {
            await Alerts.ReportAsync(Firing(source, key) with { Status = AlertStatus.Resolved }, Monitoring);
        }

        Assert.Equal(TicketStatus.Solved, (await TicketAsync(storm.Value)).Status);
    }

    [Fact]
    public async Task A_flapping_alert_is_marked_once_and_its_later_changes_add_no_notes()
    {
        var source = NewSource();
        var opened = await Alerts.ReportAsync(Firing(source), Monitoring);
        for (var change = 0; change < 8; change++)
        {
            var status = change % 2 == 0 ? AlertStatus.Resolved : AlertStatus.Firing;
            await Alerts.ReportAsync(Firing(source) with { Status = status }, Monitoring);
        }

        var events = (await fixture.Store.ReadTicketAsync(opened.Ticket!.Value, CancellationToken.None)).Select(e => e.Event).ToList();
        var ticket = await TicketAsync(opened.Ticket.Value);

        Assert.Single(events.OfType<AlertFlappingChanged>());
        Assert.Contains(AlertTickets.FlappingTag, ticket.Tags);
        Assert.True(ticket.Alerts[0].Flapping);
        var markedAt = events.FindIndex(e => e is AlertFlappingChanged);
        Assert.Single(events.Skip(markedAt).OfType<InternalNoteAdded>());
        Assert.Empty(events.Skip(markedAt).OfType<StatusChanged>());
    }

    [Fact]
    public async Task A_flapping_alert_that_ends_resolved_and_goes_quiet_settles_and_its_ticket_is_solved()
    {
        var source = NewSource();
        var opened = await Alerts.ReportAsync(Firing(source), Monitoring);
        for (var change = 0; change < 5; change++)
        {
            await Alerts.ReportAsync(Firing(source) with { Status = change % 2 == 0 ? AlertStatus.Resolved : AlertStatus.Firing }, Monitoring);
        }

        var flapping = await TicketAsync(opened.Ticket!.Value);
        var settledTooSoon = await fixture.SiloService<AlertSettler>().SettleQuietAsync(CancellationToken.None);
        fixture.Clock.Advance(new AlertPolicy().FlapWindow + TimeSpan.FromMinutes(1));
        await fixture.SiloService<AlertSettler>().SettleQuietAsync(CancellationToken.None);
        var settled = await TicketAsync(opened.Ticket.Value);

        Assert.Equal((true, TicketStatus.Open), (flapping.Alerts[0].Flapping, flapping.Status));
        Assert.Equal(0, settledTooSoon);
        Assert.Equal((false, AlertStatus.Resolved, TicketStatus.Solved), (settled.Alerts[0].Flapping, settled.Alerts[0].Status, settled.Status));
        Assert.DoesNotContain(AlertTickets.FlappingTag, settled.Tags);
    }

    [Fact]
    public async Task The_alert_record_is_stored_with_its_tickets_events_and_read_back_by_a_new_activation()
    {
        var source = NewSource();
        var opened = await Alerts.ReportAsync(Firing(source), Monitoring);
        await Alerts.ReportAsync(Firing(source), Monitoring);

        var stored = await fixture.SiloService<AlertStore>().FindAsync(source, "bef14209e40016bc", CancellationToken.None);
        await fixture.Grains.GetGrain<Orleans.Runtime.IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var third = await Alerts.ReportAsync(Firing(source), Monitoring);

        Assert.Equal((opened.Ticket, 2), (stored?.Ticket, stored?.Occurrences));
        Assert.Equal((AlertOutcome.Occurred, opened.Ticket, 3), (third.Outcome, third.Ticket, third.Occurrences));
    }

    [Fact]
    public async Task A_report_with_a_bad_key_is_refused_naming_the_field_and_stores_nothing()
    {
        var source = NewSource();

        var refused = await Alerts.ReportAsync(Firing(source, key: "  "), Monitoring);

        Assert.Equal("dedupKey", refused.Rejection?.Field);
        Assert.Empty((await fixture.SiloService<TicketQueries>().ListAsync(new TicketQuery { ExternalId = $"alert:{source}:  " }, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task A_plugin_reports_through_the_sdk_and_is_the_actor_of_the_ticket()
    {
        var services = fixture.Cluster.Silos[0].ServiceProvider;
        var api = (PluginHelpDeskApi)services.GetRequiredService<PluginHubServices>().ApiFor("monitoring");
        var signal = new SdkAlerts.AlertSignal(NewSource(), "4c60e57ea1aac62d", SdkAlerts.AlertStatus.Firing, "Disk almost full")
        {
            Severity = SdkAlerts.AlertSeverity.Warning,
            Labels = new Dictionary<string, string> { ["team"] = "storage" },
        };

        var report = await api.ReportAlertAsync(signal, CancellationToken.None);
        var refusal = await Assert.ThrowsAsync<HelpDeskApiException>(() => api.ReportAlertAsync(signal with { Source = "" }, CancellationToken.None));

        Assert.Equal((SdkAlerts.AlertOutcome.Opened, 1), (report.Outcome, report.Occurrences));
        var opened = Assert.IsType<TicketOpened>((await fixture.Store.ReadTicketAsync(report.TicketNumber!.Value, CancellationToken.None))[0].Event);
        Assert.Equal(("plugin:monitoring", Priority.Normal), (opened.Actor.Id, opened.Priority));
        Assert.Equal("storage", (await TicketAsync(report.TicketNumber.Value)).Queue);
        Assert.Equal((HelpDeskApiError.Invalid, "source"), (refusal.Kind, refusal.Field));
    }
}
