namespace HelpDesk.Domain.Tickets;

/// <summary>Where a ticket stands; pending and on-hold pause SLA clocks.</summary>
public enum TicketStatus
{
    New,
    Open,
    Pending,
    OnHold,
    Solved,
    Closed,
}
