using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Notifications;

/// <summary>Someone a notification goes to.</summary>
public sealed record Recipient(string Email, string Name, string? Language, string? TimeZone);

/// <summary>
/// Who hears about what: the requester when their ticket is received, answered in public or solved; the assignee when
/// it is assigned to them, the customer replies, an SLA target warns or breaches, or the issue it was escalated to is done; the queue's members when a ticket
/// waits in it unassigned. Internal notes are never among them.
/// </summary>
public static class NotificationRecipients
{
    public static NotificationKind? KindOf(TicketEvent @event) => @event switch
    {
        TicketOpened => NotificationKind.TicketReceived,
        AgentReplied => NotificationKind.AgentReplied,
        StatusChanged { To: TicketStatus.Solved } => NotificationKind.TicketSolved,
        Assigned { Assignee: not null } => NotificationKind.TicketAssigned,
        Assigned { Assignee: null, Queue: not null } => NotificationKind.NewUnassigned,
        CustomerReplied => NotificationKind.CustomerReplied,
        SlaWarning => NotificationKind.SlaWarning,
        SlaBreached => NotificationKind.SlaBreached,
        ExternalIssueUpdated { Resolved: true } => NotificationKind.EscalationDone,
        _ => null,
    };

    public static bool IsForRequester(NotificationKind kind) => kind is NotificationKind.TicketReceived or NotificationKind.AgentReplied or NotificationKind.TicketSolved;

    /// <summary>Addresses that must never get mail: monitoring requesters (<c>@monitoring.invalid</c>) and the like.</summary>
    public static bool IsDeliverable(string email) => !email.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase) && email.Contains('@', StringComparison.Ordinal);
}
