using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using static HelpDesk.Domain.Tests.Builders;

namespace HelpDesk.Domain.Tests;

public sealed class TicketStatusTests
{
    [Theory]
    [InlineData(TicketStatus.Closed, TicketStatus.Pending)]
    [InlineData(TicketStatus.Closed, TicketStatus.Open)]
    [InlineData(TicketStatus.Solved, TicketStatus.Pending)]
    [InlineData(TicketStatus.Open, TicketStatus.New)]
    public void Illegal_transitions_are_refused_and_change_nothing(TicketStatus from, TicketStatus to)
    {
        var state = WithStatus(from);

        var decision = Decider.Update(state, new UpdateTicket { Status = to }, Agent, Now);

        Assert.Equal("status", decision.Rejection?.Field);
        Assert.Empty(decision.Events);
    }

    [Theory]
    [InlineData(TicketStatus.New, TicketStatus.Pending)]
    [InlineData(TicketStatus.Open, TicketStatus.OnHold)]
    [InlineData(TicketStatus.Solved, TicketStatus.Open)]
    [InlineData(TicketStatus.Open, TicketStatus.Closed)]
    public void Legal_transitions_record_from_and_to(TicketStatus from, TicketStatus to)
    {
        var state = WithStatus(from);

        var changed = Assert.IsType<StatusChanged>(Assert.Single(Apply(state, Decider.Update(state, new UpdateTicket { Status = to }, Agent, Now))));

        Assert.Equal((from, to), (changed.From, changed.To));
        Assert.Equal(to, state.Status);
    }

    [Fact]
    public void Setting_the_same_status_is_no_change_at_all()
    {
        var state = WithStatus(TicketStatus.Open);

        Assert.Empty(Decider.Update(state, new UpdateTicket { Status = TicketStatus.Open }, Agent, Now).Events);
    }

    [Theory]
    [InlineData(TicketStatus.Pending, TicketStatus.Open)]
    [InlineData(TicketStatus.Solved, TicketStatus.Open)]
    [InlineData(TicketStatus.OnHold, TicketStatus.OnHold)]
    [InlineData(TicketStatus.New, TicketStatus.New)]
    public void A_customer_reply_reopens_pending_and_solved_tickets_only(TicketStatus before, TicketStatus after)
    {
        var state = WithStatus(before);

        Apply(state, TicketDecider.AddMessage(state, new AddMessage("Still broken.", MessageVisibility.Public, Customer), Now));

        Assert.Equal(after, state.Status);
    }

    [Fact]
    public void An_agent_reply_to_a_new_ticket_opens_it_and_marks_the_first_response()
    {
        var state = Opened();

        Apply(state, TicketDecider.AddMessage(state, new AddMessage("On it.", MessageVisibility.Public, Agent), Now));

        Assert.Equal(TicketStatus.Open, state.Status);
        Assert.Equal(Now, state.FirstAgentReplyAt);
    }

    [Fact]
    public void A_closed_ticket_takes_no_message_and_no_edit()
    {
        var state = WithStatus(TicketStatus.Closed);

        Assert.Equal(RejectionKind.Conflict, TicketDecider.AddMessage(state, new AddMessage("Hello?", MessageVisibility.Public, Customer), Now).Rejection?.Kind);
        Assert.Equal(RejectionKind.Conflict, Decider.Update(state, new UpdateTicket { AddTags = ["late"] }, Agent, Now).Rejection?.Kind);
    }

    [Fact]
    public void Customers_cannot_write_internal_notes()
    {
        var decision = TicketDecider.AddMessage(Opened(), new AddMessage("psst", MessageVisibility.Internal, Customer), Now);

        Assert.Equal("visibility", decision.Rejection?.Field);
    }
}
