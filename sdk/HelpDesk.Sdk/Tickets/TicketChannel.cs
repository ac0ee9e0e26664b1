namespace HelpDesk.Sdk.Tickets;

/// <summary>Where a ticket came from.</summary>
public enum TicketChannel
{
    /// <summary>Another system through a connector (the default for plugins).</summary>
    Integration,

    /// <summary>An email message.</summary>
    Email,

    /// <summary>A chat conversation.</summary>
    Chat,

    /// <summary>A monitoring alert, before any customer noticed.</summary>
    Monitoring,

    /// <summary>A phone call.</summary>
    Phone,

    /// <summary>A web form.</summary>
    Web,
}
