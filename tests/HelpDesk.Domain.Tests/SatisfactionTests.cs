using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using static HelpDesk.Domain.Tests.Builders;

namespace HelpDesk.Domain.Tests;

public sealed class SatisfactionTests
{
    [Fact]
    public void Each_solve_is_rated_once_and_a_link_to_an_earlier_solve_is_refused()
    {
        var state = Opened();
        Apply(state, Decider.Update(state, new UpdateTicket { Status = TicketStatus.Solved }, Agent, Now));
        var firstSolve = state.Version;

        var rated = Assert.IsType<SatisfactionRated>(Assert.Single(Apply(state, TicketDecider.RateSatisfaction(state, firstSolve, SatisfactionRating.Bad, " Slow ", Now))));
        var again = TicketDecider.RateSatisfaction(state, firstSolve, SatisfactionRating.Good, null, Now);
        Apply(state, Decider.Update(state, new UpdateTicket { Status = TicketStatus.Open }, Agent, Now));
        Apply(state, Decider.Update(state, new UpdateTicket { Status = TicketStatus.Solved }, Agent, Now));
        var stale = TicketDecider.RateSatisfaction(state, firstSolve, SatisfactionRating.Good, null, Now);
        var secondSolve = TicketDecider.RateSatisfaction(state, state.Version, SatisfactionRating.Good, null, Now);

        Assert.Equal((SatisfactionRating.Bad, "Slow", ActorKind.Customer, firstSolve), (rated.Rating, rated.Comment, rated.Actor.Kind, rated.SolvedVersion));
        Assert.Equal((RejectionKind.Conflict, "token"), (again.Rejection?.Kind, again.Rejection?.Field));
        Assert.Equal(RejectionKind.Conflict, stale.Rejection?.Kind);
        Assert.Null(secondSolve.Rejection);
    }

    [Fact]
    public void A_comment_past_the_limit_is_refused_naming_it()
    {
        var state = Opened();
        Apply(state, Decider.Update(state, new UpdateTicket { Status = TicketStatus.Solved }, Agent, Now));

        var decision = TicketDecider.RateSatisfaction(state, state.Version, SatisfactionRating.Good, new string('x', TicketLimits.SatisfactionComment + 1), Now);

        Assert.Equal("comment", decision.Rejection?.Field);
    }
}
