using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <param name="Channel">Where it came in, when a channel reported it.</param>
/// <param name="MessageId">Its id on that channel (an email's Message-ID), so a redelivery is recognised.</param>
/// <param name="Html">Its HTML body, already sanitised, when it had one; <paramref name="Body"/> is the text.</param>
/// <param name="Cc">Who else the customer wrote to, lower-case, our own addresses left out.</param>
public sealed record CustomerReplied(
    Actor Actor,
    DateTimeOffset At,
    string Body,
    Channel? Channel = null,
    string? MessageId = null,
    string? Html = null,
    IReadOnlyList<string>? Cc = null,
    IReadOnlyList<Attachment>? Attachments = null)
    : TicketEvent(Actor, At);
