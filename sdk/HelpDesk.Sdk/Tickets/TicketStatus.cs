namespace HelpDesk.Sdk.Tickets;

/// <summary>Where a ticket stands. Pending waits on the customer, on-hold on a third party; closed is final.</summary>
public enum TicketStatus
{
    /// <summary>Not yet touched by an agent.</summary>
    New,

    /// <summary>Being worked on.</summary>
    Open,

    /// <summary>Waiting on the customer.</summary>
    Pending,

    /// <summary>Waiting on a third party.</summary>
    OnHold,

    /// <summary>Answered; the customer may still reopen it by replying.</summary>
    Solved,

    /// <summary>Final.</summary>
    Closed,
}
