using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

public sealed record FieldsChanged(
    Actor Actor,
    DateTimeOffset At,
    IReadOnlyDictionary<string, string> Set,
    IReadOnlyList<string> Removed) : TicketEvent(Actor, At);
