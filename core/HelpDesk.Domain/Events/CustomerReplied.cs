using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <param name="Channel">Where it came in, when a channel reported it.</param>
/// <param name="MessageId">Its id on that channel (an email's Message-ID), so a redelivery is recognised.</param>
public sealed record CustomerReplied(Actor Actor, DateTimeOffset At, string Body, Channel? Channel = null, string? MessageId = null)
    : TicketEvent(Actor, At);
