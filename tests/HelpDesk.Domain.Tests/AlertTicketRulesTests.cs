using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using static HelpDesk.Domain.Tests.Builders;

namespace HelpDesk.Domain.Tests;

/// <summary>What an alert's ticket records and does: only what differs from what it has, notes and status moves that are news.</summary>
public sealed class AlertTicketRulesTests
{
    private static readonly AlertPolicy Policy = new();
    private static readonly Actor Monitoring = new(ActorKind.Integration, "plugin:monitoring", "monitoring");

    private static ReportAlert Report(string key = "bef14209e40016bc") => new(
        "alertmanager", key, AlertStatus.Firing, "Checkout error rate above 5%", AlertSeverity.Critical, "5xx ratio is 7.4%.",
        new Dictionary<string, string> { ["service"] = "checkout", ["team"] = "payments" },
        [new AlertLink("https://runbooks.example.com/checkout", "Runbook")], OccurredAt: null, OccurrenceId: null, Group: null);

    private static AlertView View(string key = "bef14209e40016bc", AlertStatus status = AlertStatus.Firing, int occurrences = 1, bool flapping = false) =>
        new("alertmanager", key, status, occurrences, AlertSeverity.Critical, "Checkout error rate above 5%", Now, flapping, flapping ? 5 : 0);

    private static TicketState AlertTicket()
    {
        var state = new TicketState();
        Apply(state, Decider.OpenForAlert(state, 9, AlertTickets.ForAlert(Report(), Policy), Policy.QueueOf(Report().Labels), View(), Policy, Monitoring, Now));
        return state;
    }

    [Fact]
    public void An_alert_opens_an_incident_on_the_monitoring_channel_in_its_teams_queue_with_the_alert_on_it()
    {
        var state = new TicketState();
        var events = Apply(state, Decider.OpenForAlert(state, 9, AlertTickets.ForAlert(Report(), Policy), Policy.QueueOf(Report().Labels), View(), Policy, Monitoring, Now));

        Assert.Equal([typeof(TicketOpened), typeof(Assigned), typeof(AlertOccurred)], events.Select(e => e.GetType()));
        Assert.Equal((TicketType.Incident, Channel.Monitoring, Priority.Urgent, "payments"), (state.Type, state.Channel, state.Priority, state.Queue));
        Assert.Equal(("alertmanager@monitoring.invalid", "alert:alertmanager:bef14209e40016bc"), (state.Requester!.Email, state.ExternalId));
        Assert.Equal(["alert", "severity-critical"], state.Tags);
        Assert.Equal(1, Assert.Single(state.Alerts).Occurrences);
    }

    [Fact]
    public void The_same_view_twice_records_nothing_the_second_time()
    {
        var state = AlertTicket();
        Apply(state, TicketDecider.RecordAlert(state, View(occurrences: 2), Policy, Monitoring, Now));

        Assert.Empty(TicketDecider.RecordAlert(state, View(occurrences: 2), Policy, Monitoring, Now).Events);
        Assert.Empty(TicketDecider.RecordAlert(state, View(occurrences: 1), Policy, Monitoring, Now).Events);
    }

    [Fact]
    public void Resolution_adds_a_note_and_solves_the_ticket_unless_configured_not_to()
    {
        var solving = AlertTicket();
        var keeping = AlertTicket();

        var solved = Apply(solving, TicketDecider.RecordAlert(solving, View(status: AlertStatus.Resolved), Policy, Monitoring, Now));
        var kept = Apply(keeping, TicketDecider.RecordAlert(keeping, View(status: AlertStatus.Resolved), Policy with { SolveOnResolve = false }, Monitoring, Now));

        Assert.Equal([typeof(AlertStatusChanged), typeof(InternalNoteAdded), typeof(StatusChanged)], solved.Select(e => e.GetType()));
        Assert.Equal(TicketStatus.Solved, solving.Status);
        Assert.Equal([typeof(AlertStatusChanged), typeof(InternalNoteAdded)], kept.Select(e => e.GetType()));
        Assert.Equal(TicketStatus.New, keeping.Status);
    }

    [Fact]
    public void A_ticket_with_another_alert_still_firing_is_not_solved_when_one_resolves()
    {
        var state = AlertTicket();
        Apply(state, TicketDecider.RecordAlert(state, View(key: "4c60e57ea1aac62d"), Policy, Monitoring, Now));

        Apply(state, TicketDecider.RecordAlert(state, View(status: AlertStatus.Resolved), Policy, Monitoring, Now));

        Assert.Equal(TicketStatus.New, state.Status);
        Apply(state, TicketDecider.RecordAlert(state, View(key: "4c60e57ea1aac62d", status: AlertStatus.Resolved), Policy, Monitoring, Now));
        Assert.Equal(TicketStatus.Solved, state.Status);
    }

    [Fact]
    public void Firing_again_after_resolution_reopens_the_solved_ticket_with_a_note()
    {
        var state = AlertTicket();
        Apply(state, TicketDecider.RecordAlert(state, View(status: AlertStatus.Resolved), Policy, Monitoring, Now));

        var events = Apply(state, TicketDecider.RecordAlert(state, View(occurrences: 2), Policy, Monitoring, Now));

        Assert.Equal([typeof(AlertOccurred), typeof(InternalNoteAdded), typeof(StatusChanged)], events.Select(e => e.GetType()));
        Assert.Equal((TicketStatus.Open, AlertStatus.Firing, 2), (state.Status, state.Alerts[0].Status, state.Alerts[0].Occurrences));
    }

    [Fact]
    public void Flapping_is_marked_once_with_a_tag_and_a_note_and_later_changes_add_neither_notes_nor_status_moves()
    {
        var state = AlertTicket();

        var marked = Apply(state, TicketDecider.RecordAlert(state, View(status: AlertStatus.Resolved, flapping: true), Policy, Monitoring, Now));
        var later = Apply(state, TicketDecider.RecordAlert(state, View(occurrences: 2, flapping: true), Policy, Monitoring, Now));
        later = [.. later, .. Apply(state, TicketDecider.RecordAlert(state, View(occurrences: 2, status: AlertStatus.Resolved, flapping: true), Policy, Monitoring, Now))];

        Assert.Equal([typeof(AlertStatusChanged), typeof(AlertFlappingChanged), typeof(TagsChanged), typeof(InternalNoteAdded)], marked.Select(e => e.GetType()));
        Assert.Contains(AlertTickets.FlappingTag, state.Tags);
        Assert.Equal(TicketStatus.New, state.Status);
        Assert.Equal([typeof(AlertOccurred), typeof(AlertStatusChanged)], later.Select(e => e.GetType()));
    }

    [Fact]
    public void A_closed_ticket_refuses_alerts_and_a_missing_one_is_not_found()
    {
        var state = AlertTicket();
        Apply(state, Decider.Update(state, new UpdateTicket { Status = TicketStatus.Closed }, Agent, Now));

        Assert.Equal(RejectionKind.Conflict, TicketDecider.RecordAlert(state, View(occurrences: 2), Policy, Monitoring, Now).Rejection?.Kind);
        Assert.Equal(RejectionKind.NotFound, TicketDecider.RecordAlert(new TicketState(), View(), Policy, Monitoring, Now).Rejection?.Kind);
    }

    [Fact]
    public void The_opened_ticket_carries_the_alerts_description_fields_and_first_occurrence()
    {
        var report = Report() with { Group = "checkout-slo" };
        var state = new TicketState();

        var events = Apply(state, Decider.OpenForAlert(state, 9, AlertTickets.ForAlert(report, Policy), Policy.QueueOf(report.Labels), View(), Policy, Monitoring, Now));

        var opened = Assert.IsType<TicketOpened>(events[0]);
        var occurred = Assert.IsType<AlertOccurred>(events[2]);
        Assert.Equal((9L, "Checkout error rate above 5%", AlertText.Description(report)), (opened.Number, opened.Subject, opened.Description));
        Assert.Equal(
            new Dictionary<string, string> { ["alert.group"] = "checkout-slo", ["alert.key"] = "bef14209e40016bc", ["alert.source"] = "alertmanager" },
            state.Fields);
        Assert.Equal(("alertmanager", "bef14209e40016bc", 1, AlertSeverity.Critical), (occurred.Source, occurred.DedupKey, occurred.Occurrences, occurred.Severity));
        Assert.Equal((AlertStatus.Firing, Now), (state.Alerts[0].Status, state.Alerts[0].FirstSeenAt));
    }

    [Theory]
    [InlineData("payments", "checkout", "payments")]
    [InlineData(null, "checkout", "checkout")]
    [InlineData("  ", "checkout", "checkout")]
    [InlineData(null, null, null)]
    public void The_queue_is_the_first_of_the_team_and_service_labels(string? team, string? service, string? queue)
    {
        var labels = new Dictionary<string, string>();
        if (team is not null) labels["team"] = team;
        if (service is not null) labels["service"] = service;
        var report = Report() with { Labels = labels };
        var state = new TicketState();

        var events = Apply(state, Decider.OpenForAlert(state, 9, AlertTickets.ForAlert(report, Policy), Policy.QueueOf(report.Labels), View(), Policy, Monitoring, Now));

        Assert.Equal(queue, state.Queue);
        Assert.Equal(queue is null ? 0 : 1, events.OfType<Assigned>().Count());
    }

    [Theory]
    [InlineData(AlertSeverity.Critical, Priority.Urgent)]
    [InlineData(AlertSeverity.Error, Priority.High)]
    [InlineData(AlertSeverity.Warning, Priority.Normal)]
    [InlineData(AlertSeverity.Info, Priority.Low)]
    public void The_priority_follows_the_severity_by_default(AlertSeverity severity, Priority priority)
    {
        Assert.Equal(priority, AlertTickets.ForAlert(Report() with { Severity = severity }, Policy).Priority);
        Assert.Contains($"severity-{severity.ToString().ToLowerInvariant()}", AlertTickets.ForAlert(Report() with { Severity = severity }, Policy).Tags!);
    }

    [Fact]
    public void A_configured_severity_map_decides_the_priority_and_an_unmapped_severity_is_normal()
    {
        var policy = Policy with { SeverityPriorities = new Dictionary<AlertSeverity, Priority> { [AlertSeverity.Warning] = Priority.Urgent } };

        Assert.Equal(Priority.Urgent, AlertTickets.ForAlert(Report() with { Severity = AlertSeverity.Warning }, policy).Priority);
        Assert.Equal(Priority.Normal, AlertTickets.ForAlert(Report() with { Severity = AlertSeverity.Critical }, policy).Priority);
    }

    [Fact]
    public void A_source_and_key_too_long_for_the_external_id_are_hashed_into_it()
    {
        var report = Report() with { Source = new string('s', AlertInput.Source), DedupKey = new string('k', AlertInput.DedupKey) };
        var other = report with { DedupKey = new string('k', AlertInput.DedupKey - 1) };

        var id = AlertTickets.ForAlert(report, Policy).ExternalId!;

        Assert.True(id.Length <= TicketLimits.ExternalId);
        Assert.StartsWith("alert:", id, StringComparison.Ordinal);
        Assert.Equal(id, AlertTickets.ForAlert(report, Policy).ExternalId);
        Assert.NotEqual(id, AlertTickets.ForAlert(other, Policy).ExternalId);
    }

    [Fact]
    public void Opening_a_ticket_that_is_already_open_only_records_the_alert()
    {
        var state = AlertTicket();

        var events = Apply(state, Decider.OpenForAlert(state, 9, AlertTickets.ForAlert(Report(), Policy), "payments", View(occurrences: 2), Policy, Monitoring, Now));

        Assert.Equal(2, Assert.IsType<AlertOccurred>(Assert.Single(events)).Occurrences);
    }

    [Fact]
    public void An_acknowledgement_adds_one_note_and_no_status_move()
    {
        var state = AlertTicket();

        var events = Apply(state, TicketDecider.RecordAlert(state, View(status: AlertStatus.Acknowledged), Policy, Monitoring, Now));

        Assert.Equal([typeof(AlertStatusChanged), typeof(InternalNoteAdded)], events.Select(e => e.GetType()));
        Assert.StartsWith("Alert acknowledged at alertmanager", ((InternalNoteAdded)events[1]).Body, StringComparison.Ordinal);
        Assert.Equal((TicketStatus.New, AlertStatus.Acknowledged), (state.Status, state.Alerts[0].Status));
        Assert.Empty(TicketDecider.RecordAlert(state, View(status: AlertStatus.Acknowledged), Policy, Monitoring, Now).Events);
    }

    [Fact]
    public void A_storm_incident_is_solved_only_when_the_last_of_its_alerts_resolves()
    {
        var state = new TicketState();
        Apply(state, Decider.OpenForAlert(state, 9, AlertTickets.ForStorm(Report(), Policy), null, View(), Policy, Monitoring, Now));
        Apply(state, TicketDecider.RecordAlert(state, View(key: "4c60e57ea1aac62d"), Policy, Monitoring, Now));

        var first = Apply(state, TicketDecider.RecordAlert(state, View(key: "4c60e57ea1aac62d", status: AlertStatus.Resolved), Policy, Monitoring, Now));
        var last = Apply(state, TicketDecider.RecordAlert(state, View(status: AlertStatus.Resolved), Policy, Monitoring, Now));

        Assert.Equal(["alert", "alert-storm"], state.Tags);
        Assert.Equal(2, state.Alerts.Count);
        Assert.Equal([typeof(AlertStatusChanged), typeof(InternalNoteAdded)], first.Select(e => e.GetType()));
        Assert.Equal([typeof(AlertStatusChanged), typeof(InternalNoteAdded), typeof(StatusChanged)], last.Select(e => e.GetType()));
        Assert.Equal(TicketStatus.Solved, state.Status);
    }

    [Fact]
    public void A_repeat_firing_on_a_ticket_an_agent_solved_reopens_it_and_a_resolution_there_does_not_solve_it_twice()
    {
        var firing = AlertTicket();
        Apply(firing, Decider.Update(firing, new UpdateTicket { Status = TicketStatus.Solved }, Agent, Now));
        var resolving = AlertTicket();
        Apply(resolving, Decider.Update(resolving, new UpdateTicket { Status = TicketStatus.Solved }, Agent, Now));

        var repeat = Apply(firing, TicketDecider.RecordAlert(firing, View(occurrences: 2), Policy, Monitoring, Now));
        var resolved = Apply(resolving, TicketDecider.RecordAlert(resolving, View(status: AlertStatus.Resolved), Policy, Monitoring, Now));

        Assert.Equal([typeof(AlertOccurred), typeof(InternalNoteAdded), typeof(StatusChanged)], repeat.Select(e => e.GetType()));
        Assert.Equal(TicketStatus.Open, firing.Status);
        Assert.Equal([typeof(AlertStatusChanged), typeof(InternalNoteAdded)], resolved.Select(e => e.GetType()));
        Assert.Equal(TicketStatus.Solved, resolving.Status);
    }

    [Fact]
    public void Firing_again_after_resolution_on_a_ticket_left_open_adds_a_note_without_a_move()
    {
        var state = AlertTicket();
        var keep = Policy with { SolveOnResolve = false };
        Apply(state, TicketDecider.RecordAlert(state, View(status: AlertStatus.Resolved), keep, Monitoring, Now));

        var events = Apply(state, TicketDecider.RecordAlert(state, View(occurrences: 2), keep, Monitoring, Now));

        Assert.Equal([typeof(AlertOccurred), typeof(InternalNoteAdded)], events.Select(e => e.GetType()));
        Assert.StartsWith("Alert firing again", ((InternalNoteAdded)events[1]).Body, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.New, state.Status);
    }

    [Fact]
    public void Flapping_starts_with_exactly_one_note_and_no_move_and_settling_removes_the_tag_with_a_note()
    {
        var state = AlertTicket();

        var started = Apply(state, TicketDecider.RecordAlert(state, View(status: AlertStatus.Resolved, flapping: true), Policy, Monitoring, Now));
        var settled = Apply(state, TicketDecider.RecordAlert(state, View(occurrences: 2), Policy, Monitoring, Now));

        Assert.Single(started.OfType<InternalNoteAdded>());
        Assert.Empty(started.OfType<StatusChanged>());
        Assert.True(Assert.IsType<AlertFlappingChanged>(started[1]).Flapping);
        var stopped = Assert.Single(settled.OfType<AlertFlappingChanged>());
        Assert.Equal((false, 0), (stopped.Flapping, stopped.RecentStateChanges));
        Assert.Equal([], Assert.Single(settled.OfType<TagsChanged>()).Added);
        Assert.DoesNotContain(AlertTickets.FlappingTag, state.Tags);
        Assert.False(state.Alerts[0].Flapping);
        Assert.Contains(settled.OfType<InternalNoteAdded>(), n => n.Body.Contains("has settled", StringComparison.Ordinal));
    }

    [Fact]
    public void The_flapping_tag_stays_while_another_alert_on_the_ticket_still_flaps()
    {
        var state = AlertTicket();
        Apply(state, TicketDecider.RecordAlert(state, View(key: "4c60e57ea1aac62d"), Policy, Monitoring, Now));
        Apply(state, TicketDecider.RecordAlert(state, View(status: AlertStatus.Resolved, flapping: true), Policy, Monitoring, Now));
        var second = Apply(state, TicketDecider.RecordAlert(state, View(key: "4c60e57ea1aac62d", status: AlertStatus.Resolved, flapping: true), Policy, Monitoring, Now));

        var settled = Apply(state, TicketDecider.RecordAlert(state, View(occurrences: 2), Policy, Monitoring, Now));

        Assert.Empty(second.OfType<TagsChanged>());
        Assert.Empty(settled.OfType<TagsChanged>());
        Assert.Contains(AlertTickets.FlappingTag, state.Tags);
        Assert.Equal([false, true], state.Alerts.Select(a => a.Flapping));
    }

    [Fact]
    public void A_closed_ticket_refuses_even_a_resolution_and_changes_nothing()
    {
        var state = AlertTicket();
        Apply(state, Decider.Update(state, new UpdateTicket { Status = TicketStatus.Closed }, Agent, Now));

        var decision = TicketDecider.RecordAlert(state, View(status: AlertStatus.Resolved), Policy, Monitoring, Now);

        Assert.Equal(RejectionKind.Conflict, decision.Rejection?.Kind);
        Assert.Empty(decision.Events);
    }
}
