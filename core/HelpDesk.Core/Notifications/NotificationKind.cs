namespace HelpDesk.Core.Notifications;

/// <summary>What a notification is about; each has its own template per language.</summary>
public enum NotificationKind
{
    /// <summary>To the requester: we have your ticket.</summary>
    TicketReceived,

    /// <summary>To the requester: an agent's public reply.</summary>
    AgentReplied,

    /// <summary>To the requester: solved, with the satisfaction link.</summary>
    TicketSolved,

    /// <summary>To the assignee: a ticket is now theirs.</summary>
    TicketAssigned,

    /// <summary>To the assignee: the customer answered.</summary>
    CustomerReplied,

    /// <summary>To the assignee: an SLA target is close.</summary>
    SlaWarning,

    /// <summary>To the assignee: an SLA target was missed.</summary>
    SlaBreached,

    /// <summary>To a queue's members: a new ticket nobody has taken.</summary>
    NewUnassigned,

    /// <summary>To the assignee: the issue the ticket was escalated to is done, so the customer can be told.</summary>
    EscalationDone,
}
