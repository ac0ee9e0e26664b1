using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Storage;

/// <summary>One ticket's new events, valid only on top of <paramref name="ExpectedVersion"/>, and the state they lead to.</summary>
/// <param name="Alert">The record of the alert these events are about, written in the same transaction.</param>
public sealed record TicketAppend(long Ticket, int ExpectedVersion, IReadOnlyList<TicketEvent> Events, TicketState Result, AlertRecord? Alert = null);
