using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>The customer's rating of how a ticket was solved: one per solve, however often the link is used.</summary>
/// <param name="SolvedVersion">The version of the ticket's move to solved that was rated.</param>
public sealed record SatisfactionRated(Actor Actor, DateTimeOffset At, int SolvedVersion, SatisfactionRating Rating, string? Comment)
    : TicketEvent(Actor, At);
