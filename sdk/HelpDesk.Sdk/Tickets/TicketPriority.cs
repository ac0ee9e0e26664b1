namespace HelpDesk.Sdk.Tickets;

/// <summary>How pressing a ticket is, from least to most.</summary>
public enum TicketPriority
{
    /// <summary>Can wait.</summary>
    Low,

    /// <summary>The default.</summary>
    Normal,

    /// <summary>Before normal work.</summary>
    High,

    /// <summary>Now.</summary>
    Urgent,
}
