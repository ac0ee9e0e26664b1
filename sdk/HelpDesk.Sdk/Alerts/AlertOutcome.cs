namespace HelpDesk.Sdk.Alerts;

/// <summary>What a report did.</summary>
public enum AlertOutcome
{
    /// <summary>A new ticket was opened for it.</summary>
    Opened,

    /// <summary>It fired again; counted on its ticket.</summary>
    Occurred,

    /// <summary>It fired again after being resolved; its solved ticket went back to open.</summary>
    Reopened,

    /// <summary>Too many new alerts came from its source at once; it was added to the source's storm incident.</summary>
    Grouped,

    /// <summary>It was acknowledged at the source; recorded on its ticket.</summary>
    Acknowledged,

    /// <summary>It is over; recorded on its ticket (which is solved when the hub is configured to).</summary>
    Resolved,

    /// <summary>The same report was already handled (same <see cref="AlertSignal.OccurrenceId"/>); nothing changed.</summary>
    Duplicate,

    /// <summary>Nothing to do: an acknowledgement or resolution for an alert that is not open.</summary>
    Ignored,
}
