using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using static HelpDesk.Domain.Tests.Builders;

namespace HelpDesk.Domain.Tests;

public sealed class TicketUpdateTests
{
    [Fact]
    public void Assigning_and_unassigning_are_events_with_the_new_owner()
    {
        var state = Opened();

        Apply(state, Decider.Update(state, new UpdateTicket { Assignee = new("bea"), Queue = new("billing") }, Agent, Now));
        Assert.Equal(("bea", "billing"), (state.Assignee, state.Queue));

        var unassigned = Assert.IsType<Assigned>(Assert.Single(Apply(state, Decider.Update(state, new UpdateTicket { Assignee = new(null) }, Agent, Now))));
        Assert.Null(unassigned.Assignee);
        Assert.Equal("billing", state.Queue);
    }

    [Fact]
    public void Tags_can_be_added_and_removed_or_replaced_but_not_both_at_once()
    {
        var state = Opened();
        Apply(state, Decider.Update(state, new UpdateTicket { AddTags = ["vip", "billing"] }, Agent, Now));
        Apply(state, Decider.Update(state, new UpdateTicket { RemoveTags = ["billing"] }, Agent, Now));
        Assert.Equal(["vip"], state.Tags);

        Apply(state, Decider.Update(state, new UpdateTicket { Tags = ["refund"] }, Agent, Now));
        Assert.Equal(["refund"], state.Tags);

        Assert.Equal("tags", Decider.Update(state, new UpdateTicket { Tags = ["a"], AddTags = ["b"] }, Agent, Now).Rejection?.Field);
    }

    [Fact]
    public void Fields_merge_and_null_removes_one()
    {
        var state = Opened();
        Apply(state, Decider.Update(state, new UpdateTicket { Fields = new Dictionary<string, string?> { ["order"] = "A-1", ["plan"] = "pro" } }, Agent, Now));
        Apply(state, Decider.Update(state, new UpdateTicket { Fields = new Dictionary<string, string?> { ["plan"] = null } }, Agent, Now));

        Assert.Equal(new Dictionary<string, string> { ["order"] = "A-1" }, state.Fields);
        Assert.Equal("fields.9bad", Decider.Update(state, new UpdateTicket { Fields = new Dictionary<string, string?> { ["9bad"] = "x" } }, Agent, Now).Rejection?.Field);
    }

    [Fact]
    public void Urgency_alone_moves_priority_keeping_the_known_impact()
    {
        var state = new TicketState();
        Apply(state, Decider.Open(state, 1, NewTicket() with { Impact = Impact.High, Urgency = Urgency.Low }, Agent, Now));

        Apply(state, Decider.Update(state, new UpdateTicket { Urgency = Urgency.High }, Agent, Now));

        Assert.Equal((Priority.Urgent, Impact.High, Urgency.High), (state.Priority, state.Impact, state.Urgency));
    }

    [Fact]
    public void A_failed_update_emits_nothing_even_when_earlier_parts_were_valid()
    {
        var state = Opened();

        var decision = Decider.Update(state, new UpdateTicket { Status = TicketStatus.Open, Assignee = new("bea"), AddTags = ["has space"] }, Agent, Now);

        Assert.NotNull(decision.Rejection);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Updating_a_ticket_that_does_not_exist_is_not_found()
    {
        Assert.Equal(RejectionKind.NotFound, Decider.Update(new TicketState(), new UpdateTicket { Status = TicketStatus.Open }, Agent, Now).Rejection?.Kind);
    }
}
