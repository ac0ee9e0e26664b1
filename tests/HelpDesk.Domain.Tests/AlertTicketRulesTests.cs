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
}
