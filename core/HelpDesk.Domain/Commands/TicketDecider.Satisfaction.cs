using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

public sealed partial class TicketDecider
{
    /// <summary>
    /// Records the requester's rating of the solve <paramref name="solvedVersion"/> named by their link. A link to an
    /// earlier solve (the ticket was reopened and solved again) or a second rating of the same solve is refused.
    /// </summary>
    public static Decision RateSatisfaction(TicketState state, int solvedVersion, SatisfactionRating rating, string? comment, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        if (TicketInput.Text("comment", comment, TicketLimits.SatisfactionComment, required: false) is { } problem)
        {
            return problem;
        }

        if (state.SolvedVersion != solvedVersion)
        {
            return new Rejection(RejectionKind.Conflict, "token", "This link is for an earlier solution of the ticket; use the link in the latest message.");
        }

        if (state.RatedSolvedVersion == solvedVersion)
        {
            return new Rejection(RejectionKind.Conflict, "token", "This solution was already rated.");
        }

        var customer = new Actor(ActorKind.Customer, state.Requester!.Email, state.Requester.Name);
        return Decision.Accept([new SatisfactionRated(customer, now, solvedVersion, rating, TicketInput.Blank(comment))]);
    }
}
