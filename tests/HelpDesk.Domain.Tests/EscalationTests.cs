using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Escalations;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using static HelpDesk.Domain.Tests.Builders;

namespace HelpDesk.Domain.Tests;

/// <summary>Escalations on the ticket: one in flight per target, results recorded once, failures not repeated per retry.</summary>
public sealed class EscalationTests
{
    private static readonly ExternalLink Issue = new("jira", "OPS-2", "https://jira.example.com/browse/OPS-2", "To Do");

    [Fact]
    public void A_repeated_or_doubled_request_changes_nothing_while_the_first_is_in_flight()
    {
        var state = Opened();
        var first = Apply(state, TicketDecider.Escalate(state, new EscalateTicket("esc-1", " jira ", Project: "OPS"), Agent, Now));

        Assert.Equal(("esc-1", "jira", "OPS"), (Assert.IsType<EscalationRequested>(Assert.Single(first)).EscalationId, state.Escalations[0].Target, ((EscalationRequested)first[0]).Project));
        Assert.Empty(TicketDecider.Escalate(state, new EscalateTicket("esc-1", "jira"), Agent, Now).Events);
        Assert.Empty(TicketDecider.Escalate(state, new EscalateTicket("esc-2", "jira"), Agent, Now).Events);
        Assert.Single(TicketDecider.Escalate(state, new EscalateTicket("esc-3", "github"), Agent, Now).Events);
    }

    [Fact]
    public void Completion_links_the_ticket_once_and_a_later_request_to_the_same_target_is_a_new_escalation()
    {
        var state = Opened();
        Apply(state, TicketDecider.Escalate(state, new EscalateTicket("esc-1", "jira"), Agent, Now));

        Apply(state, TicketDecider.CompleteEscalation(state, "esc-1", Issue, Agent, Now));

        Assert.Empty(TicketDecider.CompleteEscalation(state, "esc-1", Issue, Agent, Now).Events);
        Assert.Equal((EscalationState.Done, "OPS-2"), (state.Escalations[0].State, state.Escalations[0].Key));
        Assert.Equal(Issue, Assert.Single(state.ExternalLinks));
        Assert.Empty(TicketDecider.Escalate(state, new EscalateTicket("esc-9", "jira", LinkKey: "OPS-2"), Agent, Now).Events);
        Assert.Single(TicketDecider.Escalate(state, new EscalateTicket("esc-2", "jira"), Agent, Now).Events);
    }

    [Fact]
    public void A_failure_is_recorded_when_it_starts_not_at_every_retry_and_a_final_one_abandons_it()
    {
        var state = Opened();
        Apply(state, TicketDecider.Escalate(state, new EscalateTicket("esc-1", "jira"), Agent, Now));

        Assert.Single(Apply(state, TicketDecider.FailEscalation(state, "esc-1", "Jira answered 500.", final: false, Agent, Now)));
        Assert.Empty(TicketDecider.FailEscalation(state, "esc-1", "Jira answered 500 again.", final: false, Agent, Now).Events);
        Apply(state, TicketDecider.FailEscalation(state, "esc-1", "No issue OPS-404.", final: true, Agent, Now));

        Assert.Equal((EscalationState.Abandoned, "No issue OPS-404."), (state.Escalations[0].State, state.Escalations[0].LastError));
        Assert.Empty(TicketDecider.CompleteEscalation(state, "esc-1", Issue, Agent, Now).Events);
    }

    [Fact]
    public void Bad_requests_are_refused_by_field_and_a_closed_ticket_is_not_escalated()
    {
        var state = WithStatus(TicketStatus.Closed);

        Assert.Equal("target", TicketDecider.Escalate(Opened(), new EscalateTicket("esc-1", " "), Agent, Now).Rejection?.Field);
        Assert.Equal("summary", TicketDecider.Escalate(Opened(), new EscalateTicket("esc-1", "jira", Summary: "a\nb"), Agent, Now).Rejection?.Field);
        Assert.Equal("escalationId", TicketDecider.CompleteEscalation(Opened(), "nope", Issue, Agent, Now).Rejection?.Field);
        Assert.Equal(RejectionKind.Conflict, TicketDecider.Escalate(state, new EscalateTicket("esc-1", "jira"), Agent, Now).Rejection?.Kind);
    }

    [Fact]
    public void A_note_waits_for_the_issue_is_recorded_once_by_its_id_and_delivered_once()
    {
        var state = Opened();
        Apply(state, TicketDecider.Escalate(state, new EscalateTicket("esc-1", "jira"), Agent, Now));

        Assert.Equal(RejectionKind.Conflict, TicketDecider.CommentOnEscalation(state, "esc-1", "note-1", "Blocked.", Agent, Now).Rejection?.Kind);
        Apply(state, TicketDecider.CompleteEscalation(state, "esc-1", Issue, Agent, Now));
        Assert.Single(Apply(state, TicketDecider.CommentOnEscalation(state, "esc-1", "note-1", "Blocked.", Agent, Now)));
        Assert.Empty(TicketDecider.CommentOnEscalation(state, "esc-1", "note-1", "Blocked.", Agent, Now).Events);
        Assert.Single(Apply(state, TicketDecider.DeliverEscalationComment(state, "esc-1", "note-1", "10042", Agent, Now)));

        Assert.Empty(TicketDecider.DeliverEscalationComment(state, "esc-1", "note-1", "10042", Agent, Now).Events);
        Assert.Empty(TicketDecider.CommentOnEscalation(state, "esc-1", "note-1", "Blocked.", Agent, Now).Events);
        Assert.Equal((0, 1), (state.Escalations[0].PendingNotes.Count, state.Escalations[0].DeliveredNotes));
        Assert.Equal(RejectionKind.NotFound, TicketDecider.CommentOnEscalation(state, "esc-9", "note-2", "x", Agent, Now).Rejection?.Kind);
    }
}
