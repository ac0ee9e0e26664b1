using HelpDesk.Domain.Events;

namespace HelpDesk.Core.Storage;

/// <summary>An event as the log holds it: its global position orders the whole feed, its version orders the ticket.</summary>
public sealed record StoredTicketEvent(long Position, long Ticket, int Version, string Type, TicketEvent Event);
