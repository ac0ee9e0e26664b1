namespace HelpDesk.Domain.Tickets;

public enum MessageVisibility
{
    /// <summary>Seen by the customer.</summary>
    Public,

    /// <summary>Agents only: never shown to, nor searchable by, customers.</summary>
    Internal,
}
