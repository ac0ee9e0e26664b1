namespace HelpDesk.Domain.Tickets;

/// <summary>Where a ticket came from.</summary>
public enum Channel
{
    Api,
    Web,
    Email,
    Phone,
    Chat,
    Monitoring,
    Integration,
}
